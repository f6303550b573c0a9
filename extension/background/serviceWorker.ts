// The only place keys exist in the clear, and only while unlocked. Wires the browser (storage,
// alarms, messages) to the wallet controller and the dapp-facing request handler.
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { devChainTokens } from '../../shared/chains/devChainTokens.ts';
import { localDevChain } from '../../shared/chains/localDevChain.ts';
import { readActiveNetwork } from './chain/readActiveNetwork.ts';
import { readBalances } from './chain/readBalances.ts';
import { handleWorkerMessage } from './rpc/handleWorkerMessage.ts';
import { handleUiMessage } from './wallet/handleUiMessage.ts';
import { isOwnExtensionPage } from './wallet/isOwnExtensionPage.ts';
import type { StorageArea } from './wallet/StorageArea.ts';
import { WalletController } from './wallet/WalletController.ts';

const onboardingPagePath = 'extension/ui/onboarding/onboarding.html';

const autoLockAlarm = 'tp-auto-lock';
const local: StorageArea = browser.storage.local;
const session: StorageArea = browser.storage.session;

const wallet = new WalletController({
  local,
  session,
  now: () => Date.now(),
  network: () => readActiveNetwork(local),
  readBalances: (address, network) =>
    readBalances({
      rpcUrl: network.rpcUrl,
      address,
      nativeSymbol: 'ETH',
      tokens: network.chainId === localDevChain.id ? devChainTokens : [],
    }),
  onLockStateChange: (lockState) => {
    if (lockState === 'unlocked') void scheduleAutoLock();
    else void browser.alarms.clear(autoLockAlarm);
  },
});

/** Auto-lock counts from the last wallet activity (a UI action or a site request). */
async function scheduleAutoLock(): Promise<void> {
  await browser.alarms.create(autoLockAlarm, { delayInMinutes: await wallet.autoLockMinutes() });
}

// A new install opens onboarding in a tab, as users expect of a wallet.
browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install')
    void browser.tabs.create({ url: browser.runtime.getURL(onboardingPagePath) });
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === autoLockAlarm) void wallet.lock();
});

browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) => {
  const reply = await routeMessage(message, sender);
  // Activity restarts the auto-lock countdown; checked after the action, so "lock" stays locked.
  if (await wallet.isUnlocked()) await scheduleAutoLock();
  return reply;
});

async function routeMessage(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  const kind =
    typeof message === 'object' && message !== null
      ? (message as { kind?: unknown }).kind
      : undefined;
  if (kind === 'ui') {
    if (!isOwnExtensionPage(sender, browser.runtime.getURL(''))) {
      return {
        ok: false,
        error: { code: 'wallet/forbidden', message: 'Only the wallet’s own pages may do this.' },
      };
    }
    return handleUiMessage(wallet, message);
  }
  const network = await readActiveNetwork(local);
  return handleWorkerMessage({ message, sender, activeChainId: network.chainId });
}
