export type DevStackProviderEnvParameters = {
  readonly chainId: number;
  /** The dev chain's http:// JSON-RPC URL; Hardhat serves WebSocket on the same port. */
  readonly rpcUrl: string;
};

export type DevStackProviderEnvReturnType = Record<string, string>;

/**
 * The provider's payment settings in the dev stack: the dev chain watched through its WebSocket
 * (new heads are pushed, so a payment is seen within milliseconds of its block) and polled every
 * 250 ms as well, one confirmation, webhook deliveries looked for every 100 ms, and webhook
 * endpoints on http://localhost accepted, so a shop on this machine can receive them; and the
 * watcher's memory of the previous run's chain forgotten. Development only.
 */
export function devStackProviderEnv({
  chainId,
  rpcUrl,
}: DevStackProviderEnvParameters): DevStackProviderEnvReturnType {
  return {
    [`CHAIN_RPC_URLS_${chainId}`]: rpcUrl.replace(/^http/, 'ws'),
    [`CONFIRMATIONS_${chainId}`]: '1',
    CHAIN_POLL_INTERVAL_MS: '250',
    WEBHOOK_DISPATCH_INTERVAL_MS: '100',
    ALLOW_INSECURE_WEBHOOK_URLS: 'true',
    // Each run starts the chain from genesis, while the provider's database is kept.
    FORGET_CHAIN_HISTORY: String(chainId),
  };
}
