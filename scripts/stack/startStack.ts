import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deployTestTokens } from '../contracts/deployTestTokens.ts';
import { startDemoShop } from '../demoShop/startDemoShop.ts';
import { assertPortFree } from '../devChain/assertPortFree.ts';
import { startDevChain } from '../devChain/startDevChain.ts';
import type { StackInfo } from './StackInfo.ts';
import { isMerchantKeyAccepted } from './isMerchantKeyAccepted.ts';
import type { StackPorts } from './readStackPorts.ts';
import { startProviderProcess } from './startProviderProcess.ts';
import { writeDemoMerchant } from './writeDemoMerchant.ts';

/** The funded dev account the sandbox on-ramp sends from (the last of the ten funded). */
const onrampFundingAccount = 9;

export type StartStackParameters = {
  readonly ports: StackPorts;
  /** Where the provider's database and stack.json go. */
  readonly dataDir: string;
  readonly host?: string;
  readonly log?: (service: 'chain' | 'provider', line: string) => void;
};

export type StartStackReturnType = {
  readonly info: StackInfo;
  readonly stackFile: string;
  /** Stops every service; safe to call more than once. */
  readonly stop: () => Promise<void>;
};

/**
 * The local stack: Hardhat dev chain with the test tokens, the provider on PGlite with a demo
 * merchant (its keys in `<dataDir>/merchant.json`) watching the dev chain for payments (see
 * `devStackProviderEnv`) and selling test tokens through the sandbox on-ramp (paid out from dev
 * account 9, under provider/onramp/compliance/example-compliance.json), the demo shop.
 * If any part fails to start, the parts already running are stopped before the error surfaces.
 */
/** `<dataDir>/dev-clock-offset-ms`: milliseconds the dev provider adds to its clock (tests only). */
export const devClockFileName = 'dev-clock-offset-ms';

export async function startStack({
  ports,
  dataDir,
  host = '127.0.0.1',
  log,
}: StartStackParameters): Promise<StartStackReturnType> {
  // Check every port up front, so a second `npm start` fails at once and starts nothing.
  for (const port of [ports.chain, ports.provider, ports.shop])
    await assertPortFree({ host, port });
  mkdirSync(dataDir, { recursive: true });
  const stackFile = resolve(dataDir, 'stack.json');
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.splice(0).reverse()) await stopOne();
  };
  try {
    const chain = await startDevChain({
      host,
      port: ports.chain,
      log: (line) => log?.('chain', line),
    });
    stoppers.push(chain.stop);
    const deployed = await deployTestTokens({ rpcUrl: chain.rpcUrl });
    const info: StackInfo = {
      chainId: deployed.chainId,
      rpcUrl: chain.rpcUrl,
      providerUrl: `http://${host}:${ports.provider}`,
      shopUrl: `http://${host}:${ports.shop}`,
      extensionDir: resolve('dist/extension'),
      tokens: deployed.tokens,
      accounts: deployed.accounts,
    };
    writeFileSync(stackFile, `${JSON.stringify(info, null, 2)}\n`);
    const startProvider = () =>
      startProviderProcess({
        host,
        port: ports.provider,
        dataDir: resolve(dataDir),
        stackFile,
        chain: {
          chainId: deployed.chainId,
          rpcUrl: chain.rpcUrl,
          // Dev account 9 pays the sandbox on-ramp out: the tests and the demo use the others.
          onrampFundingKey: deployed.accounts[onrampFundingAccount]?.privateKey,
        },
        env: {
          // Renewals looked at every second; tests move the provider's clock with this file
          // (milliseconds to add; absent: none), together with the wallet's and the chain's.
          SUBSCRIPTION_SWEEP_INTERVAL_MS: '1000',
          DEV_CLOCK_FILE: join(resolve(dataDir), devClockFileName),
        },
        log: (line) => log?.('provider', line),
      });
    // The merchant is written before the provider starts: PGlite takes one process at a time.
    const { merchant } = await writeDemoMerchant({ dataDir: resolve(dataDir) });
    let provider = await startProvider();
    stoppers.push(provider.stop);
    const { secretKey } = merchant;
    if (!(await isMerchantKeyAccepted({ providerUrl: info.providerUrl, secretKey }))) {
      // merchant.json outlived the provider's database: make a new merchant, start again.
      await provider.stop();
      stoppers.pop();
      await writeDemoMerchant({ dataDir: resolve(dataDir), isReplacing: true });
      provider = await startProvider();
      stoppers.push(provider.stop);
    }
    const shop = await startDemoShop({
      host,
      port: ports.shop,
      widgetDir: join('dist', 'widget'),
      demoPagesDir: join('dist', 'demo-shop'),
      providerUrl: info.providerUrl,
      merchantFile: join(resolve(dataDir), 'merchant.json'),
    });
    stoppers.push(shop.stop);
    return { info, stackFile, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
