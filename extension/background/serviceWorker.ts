// The only place keys exist in the clear, and only while unlocked. Wires the browser (storage,
// alarms, windows, messages) to the wallet controller, the approval queue and the dapp handler.
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { knownNetworks } from '../../shared/chains/networks.ts';
import type { WorkerEventMessage } from '../../shared/protocol/walletMessages.ts';
import { ApprovalQueue } from './approvals/ApprovalQueue.ts';
import { getChainClient } from './chain/getChainClient.ts';
import { readBalances } from './chain/readBalances.ts';
import { createChainAccess } from './dapp/createChainAccess.ts';
import { DappRequestHandler } from './dapp/DappRequestHandler.ts';
import { NetworkStore } from './dapp/NetworkStore.ts';
import { parseAddEthereumChainRequest } from './dapp/parseAddEthereumChainRequest.ts';
import type { WalletNetwork } from './dapp/NetworkStore.ts';
import { SitePermissions } from './dapp/SitePermissions.ts';
import { handleWorkerMessage } from './rpc/handleWorkerMessage.ts';
import { handleUiMessage } from './wallet/handleUiMessage.ts';
import { isOwnExtensionPage } from './wallet/isOwnExtensionPage.ts';
import type { StorageArea } from './wallet/StorageArea.ts';
import { WalletController } from './wallet/WalletController.ts';

const onboardingPagePath = 'extension/ui/onboarding/onboarding.html';
const approvalPagePath = 'extension/ui/approval/approval.html';
const autoLockAlarm = 'tp-auto-lock';
const local: StorageArea = browser.storage.local;
const session: StorageArea = browser.storage.session;

const networks = new NetworkStore(
  local,
  knownNetworks.map((network): WalletNetwork => ({
    chainId: network.chainId,
    name: network.name,
    rpcUrls: network.rpcUrls,
    nativeSymbol: network.nativeCurrency.symbol,
    ...(network.blockExplorerUrl === undefined
      ? {}
      : { blockExplorerUrl: network.blockExplorerUrl }),
    tokens: network.tokens,
  })),
);
const permissions = new SitePermissions(local);

const events = {
  toOrigin: (origin: string, event: WorkerEventMessage['event'], data: unknown) => {
    void broadcast({ kind: 'event', event, data, origin });
  },
  toAll: (event: WorkerEventMessage['event'], data: unknown) => {
    void broadcast({ kind: 'event', event, data });
  },
};

async function broadcast(message: WorkerEventMessage): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  }
}

// The approval window: one popup window, opened when a request needs the user, closed when the
// queue is empty; closing it rejects what is pending.
let approvalWindowId: number | undefined;
let openingWindow: Promise<void> | undefined;
const approvals = new ApprovalQueue({
  now: () => Date.now(),
  showWindow: () =>
    (openingWindow ??= showApprovalWindow().finally(() => (openingWindow = undefined))),
  closeWindow: async () => {
    const id = approvalWindowId;
    approvalWindowId = undefined;
    if (id !== undefined) await browser.windows.remove(id).catch(() => undefined);
  },
});

async function showApprovalWindow(): Promise<void> {
  if (approvalWindowId !== undefined) {
    try {
      await browser.windows.update(approvalWindowId, { focused: true });
      return;
    } catch {
      approvalWindowId = undefined;
    }
  }
  const created = await browser.windows.create({
    url: browser.runtime.getURL(approvalPagePath),
    type: 'popup',
    width: 400,
    height: 640,
    focused: true,
  });
  approvalWindowId = created.id;
}

browser.windows.onRemoved.addListener((windowId) => {
  if (windowId !== approvalWindowId) return;
  approvalWindowId = undefined;
  approvals.rejectAll();
});

const wallet = new WalletController({
  local,
  session,
  now: () => Date.now(),
  network: async () => {
    const network = await networks.active();
    return { chainId: network.chainId, name: network.name, rpcUrl: network.rpcUrls[0] ?? '' };
  },
  readBalances: async (address) => {
    const network = await networks.active();
    return readBalances({
      client: getChainClient(network),
      address,
      nativeSymbol: network.nativeSymbol,
      tokens: network.tokens,
    });
  },
  onLockStateChange: (lockState) => {
    if (lockState === 'unlocked') {
      void scheduleAutoLock();
      approvals.approveKind('unlock');
    } else {
      void browser.alarms.clear(autoLockAlarm);
      events.toAll('accountsChanged', []);
    }
  },
});

const dapp = new DappRequestHandler({
  wallet,
  permissions,
  networks,
  approvals,
  events,
  now: () => Date.now(),
  chainFor: createChainAccess,
  requestUnlock: async (origin) => {
    await approvals.ask({
      origin,
      isSiteConnected: (await permissions.get(origin)) !== undefined,
      details: { kind: 'unlock' },
    });
  },
  parseAddEthereumChain: parseAddEthereumChainRequest,
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
    return handleUiMessage({ wallet, approvals }, message);
  }
  return handleWorkerMessage({
    message,
    sender,
    handle: (request, origin) => dapp.handle(request, origin),
  });
}
