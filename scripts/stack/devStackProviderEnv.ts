import { fileURLToPath } from 'node:url';

export type DevStackProviderEnvParameters = {
  readonly chainId: number;
  /** The dev chain's http:// JSON-RPC URL; Hardhat serves WebSocket on the same port. */
  readonly rpcUrl: string;
  /**
   * The key the sandbox on-ramp pays out from (a funded dev account's public test key). Without
   * it the provider runs with no on-ramp.
   */
  readonly onrampFundingKey?: string;
};

export type DevStackProviderEnvReturnType = Record<string, string>;

/** The example policy: dev accounts 4 and 19 deny-listed; verification above 500 USD/EUR outside the EU. */
export const devStackCompliancePath = fileURLToPath(
  new URL('../../provider/onramp/compliance/example-compliance.json', import.meta.url),
);

/**
 * The provider's payment settings in the dev stack: the dev chain watched through its WebSocket
 * (new heads are pushed, so a payment is seen within milliseconds of its block) and polled every
 * 250 ms as well, one confirmation, webhook deliveries looked for every 100 ms, and webhook
 * endpoints on http://localhost accepted, so a shop on this machine can receive them; and the
 * watcher's memory of the previous run's chain forgotten. With `onrampFundingKey`, the sandbox
 * on-ramp on the dev chain (test cards; it really sends the tokens from that account) under the
 * example compliance policy. Development only.
 */
export function devStackProviderEnv({
  chainId,
  rpcUrl,
  onrampFundingKey,
}: DevStackProviderEnvParameters): DevStackProviderEnvReturnType {
  return {
    [`CHAIN_RPC_URLS_${chainId}`]: rpcUrl.replace(/^http/, 'ws'),
    [`CONFIRMATIONS_${chainId}`]: '1',
    CHAIN_POLL_INTERVAL_MS: '250',
    WEBHOOK_DISPATCH_INTERVAL_MS: '100',
    ALLOW_INSECURE_WEBHOOK_URLS: 'true',
    // Each run starts the chain from genesis, while the provider's database is kept.
    FORGET_CHAIN_HISTORY: String(chainId),
    ...(onrampFundingKey === undefined
      ? {}
      : {
          ONRAMP_SANDBOX_RPC_URL: rpcUrl,
          ONRAMP_SANDBOX_CHAIN_ID: String(chainId),
          ONRAMP_SANDBOX_FUNDING_KEY: onrampFundingKey,
          ONRAMP_COMPLIANCE_FILE: devStackCompliancePath,
        }),
  };
}
