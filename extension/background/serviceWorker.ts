// The only place keys exist in the clear, and only while unlocked. Wires the browser (storage,
// alarms, windows, messages) to the wallet controller, the approval queue and the dapp handler.
import { numberToHex } from 'viem';
import type { Hex } from 'viem';
import browser from 'webextension-polyfill';
import { createProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import type { Runtime } from 'webextension-polyfill';
import { knownNetworks } from '../../shared/chains/networks.ts';
import type { WorkerEventMessage } from '../../shared/protocol/walletMessages.ts';
import { ApprovalQueue } from './approvals/ApprovalQueue.ts';
import { getChainClient } from './chain/getChainClient.ts';
import { readBalances } from './chain/readBalances.ts';
import { createCachedStorageArea } from './dapp/createCachedStorageArea.ts';
import { createChainAccess } from './dapp/createChainAccess.ts';
import { createFeeCache } from './dapp/createFeeCache.ts';
import { DappRequestHandler } from './dapp/DappRequestHandler.ts';
import { NetworkStore } from './dapp/NetworkStore.ts';
import { parseAddEthereumChainRequest } from './dapp/parseAddEthereumChainRequest.ts';
import type { WalletNetwork } from './dapp/NetworkStore.ts';
import { SitePermissions } from './dapp/SitePermissions.ts';
import { PolicyController, policyStateFields } from './policy/wiring/PolicyController.ts';
import { createAutoPaymentNotifier } from './policy/wiring/createAutoPaymentNotifier.ts';
import { createDappPolicy } from './policy/wiring/createDappPolicy.ts';
import { createPolicyUiActions } from './policy/wiring/createPolicyUiActions.ts';
import { createPriceSource } from './policy/wiring/createPriceSource.ts';
import { readPriceSettings } from './policy/wiring/readPriceSettings.ts';
import { createReceiptTracker } from './policy/wiring/createReceiptTracker.ts';
import { handleWorkerMessage } from './rpc/handleWorkerMessage.ts';
import { createSubscriptionScheduler } from './subscriptions/createSubscriptionScheduler.ts';
import { createSubscriptionUiActions } from './subscriptions/createSubscriptionUiActions.ts';
import { createWalletClock } from './subscriptions/createWalletClock.ts';
import { openSubscriptionStore } from './subscriptions/openSubscriptionStore.ts';
import { handleUiMessage } from './wallet/handleUiMessage.ts';
import { isOwnExtensionPage } from './wallet/isOwnExtensionPage.ts';
import type { StorageArea } from './wallet/StorageArea.ts';
import { WalletController } from './wallet/WalletController.ts';

const onboardingPagePath = 'extension/ui/onboarding/onboarding.html';
const approvalPagePath = 'extension/ui/approval/approval.html';
const autoLockAlarm = 'tp-auto-lock';
const receiptsAlarm = 'tp-receipts';
const subscriptionsAlarm = 'tp-subscriptions';
const local: StorageArea = browser.storage.local;
const session: StorageArea = browser.storage.session;
// Networks and site connections are read on every site request: from memory, kept current by
// storage.onChanged (writes from any page) and by this worker's own writes.
const cachedLocal = createCachedStorageArea({
  area: local,
  subscribe: (listener) => {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local') listener(changes);
    });
  },
});

const networks = new NetworkStore(
  cachedLocal,
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
const permissions = new SitePermissions(cachedLocal);

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
      // Renewals that fell due while the wallet was locked or the browser closed.
      void runSubscriptions();
      approvals.approveKind('unlock');
    } else {
      void browser.alarms.clear(autoLockAlarm);
      events.toAll('accountsChanged', []);
    }
  },
});

// The wallet's clock: real time, plus an offset only tests set (see createWalletClock).
const clock = createWalletClock({ local });
void clock.ready();
// The spending policy: caps, presets, grants, the kill switch, the ledger and the activity log.
const now = () => clock.now();
const prices = createPriceSource({ now });
const policy = new PolicyController({ local, now, prices });
// Signed transactions waiting for their turn to be broadcast: nothing to ask the chain yet.
const broadcasting = new Set<string>();
const receipts = createReceiptTracker({
  broadcasting,
  controller: policy,
  chainFor: async (chainId) => {
    const network = await networks.find(chainId);
    return network === undefined ? undefined : createChainAccess(network);
  },
  now,
  // While a transaction is pending, an alarm wakes a sleeping worker to look again (30 s is
  // the shortest period Chrome allows); the worker polls every second while it is awake.
  keepAwake: (isPending) => {
    if (isPending) void browser.alarms.create(receiptsAlarm, { periodInMinutes: 0.5 });
    else void browser.alarms.clear(receiptsAlarm);
  },
});
const dappPolicy = createDappPolicy({
  controller: policy,
  broadcasting,
  // A TP checkout's subscription details are kept beside the grant they came with.
  onGranted: async ({ origin, account, grants, requests }) => {
    for (const [index, request] of requests.entries()) {
      const grant = grants[index];
      if (request.subscription !== undefined && grant !== undefined)
        await subscriptionScheduler.link({
          origin,
          account,
          grant,
          extension: request.subscription,
        });
    }
  },
  watchReceipts: (uncounted) => {
    if (uncounted === undefined) receipts.watch();
    else receipts.watchUncounted(uncounted);
  },
  notify: createAutoPaymentNotifier({
    now,
    show: (id, { title, message }) => {
      browser.notifications
        .create(id, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('icons/icon-128.png'),
          title,
          message,
        })
        .catch(() => undefined);
    },
  }),
  now,
});
const policyUi = createPolicyUiActions({
  controller: policy,
  permissions,
  networks,
  onDisconnect: (origin) => {
    events.toOrigin(origin, 'accountsChanged', []);
  },
  now,
});
// After a restart: reservations a dead worker left unsent are released, sent ones followed.
void policy
  .ready()
  .then(() => {
    if (policy.ledger.pending().some((reservation) => reservation.transactions.length > 0))
      receipts.watch();
  })
  .catch(() => undefined);
browser.storage.onChanged.addListener((changes, area) => {
  const priceSettings = changes[policyStateFields.priceSettings.key];
  if (area === 'local' && priceSettings !== undefined)
    prices.setSettings(readPriceSettings(priceSettings.newValue));
});

const feeCache = createFeeCache({ now: () => Date.now() });
const dapp = new DappRequestHandler({
  wallet,
  permissions,
  networks,
  approvals,
  events,
  policy: dappPolicy,
  now: () => Date.now(),
  chainFor: (network) => feeCache(network.chainId, createChainAccess(network)),
  requestUnlock: async (origin) => {
    await approvals.ask({
      origin,
      isSiteConnected: (await permissions.get(origin)) !== undefined,
      details: { kind: 'unlock' },
    });
  },
  parseAddEthereumChain: parseAddEthereumChainRequest,
});

// Subscriptions: renewals are looked at on every wake-up of this alarm, at start and on unlock.
const subscriptionStore = openSubscriptionStore({ local });
const findGrant = (origin: string, grantId: string) =>
  policy.state.sites.get(origin)?.grants.find((grant) => grant.id === grantId);
const subscriptionScheduler = createSubscriptionScheduler({
  store: subscriptionStore,
  findGrant,
  providerFor: (link) =>
    createProviderClient({ baseUrl: link.providerUrl, publishableKey: link.publishableKey }),
  pay: async ({ origin, from, chainId, to, data, expectation, renewal }) => {
    const hash = await dapp.handle(
      {
        method: 'eth_sendTransaction',
        params: [{ from, to, data, chainId: numberToHex(chainId) }],
      },
      origin,
      { renewal },
    );
    return { hash: hash as Hex, approval: expectation === 'within-grant' ? 'auto' : 'confirmed' };
  },
  isUnlocked: () => wallet.isUnlocked(),
  notify: (link, attention) => {
    browser.notifications
      .create(`tp-subscription-${link.grantId}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('icons/icon-128.png'),
        title: `Subscription at ${new URL(link.origin).host}`,
        message: attention.message,
      })
      .catch(() => undefined);
  },
  now,
});
const subscriptionUi = createSubscriptionUiActions({
  store: subscriptionStore,
  scheduler: subscriptionScheduler,
  clock,
  findGrant,
  revokeGrant: (origin, grantId) => policy.revokeGrant(origin, grantId),
  tokenName: async (chainId, address) => {
    const token = (await networks.find(chainId))?.tokens.find(
      (candidate) => candidate.address.toLowerCase() === address.toLowerCase(),
    );
    return token === undefined ? undefined : { symbol: token.symbol, decimals: token.decimals };
  },
  signPersonalMessage: (address, message) => wallet.signPersonalMessage(address, message),
  cancelAtProvider: (link, body) =>
    createProviderClient({
      baseUrl: link.providerUrl,
      publishableKey: link.publishableKey,
    }).cancelSubscriptionAsSubscriber(link.subscriptionId ?? '', body),
});
async function runSubscriptions(): Promise<void> {
  await Promise.all([clock.ready(), policy.ready()]);
  await subscriptionScheduler.run();
}
void browser.alarms.create(subscriptionsAlarm, { periodInMinutes: 5 });
void runSubscriptions().catch(() => undefined);

const autoLockRescheduleMs = 5_000;
let autoLockRescheduledAt = Number.NEGATIVE_INFINITY;

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
  if (alarm.name === subscriptionsAlarm) void runSubscriptions();
  if (alarm.name === receiptsAlarm) receipts.watch();
});

browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) => {
  const reply = await routeMessage(message, sender);
  // Activity restarts the auto-lock countdown; checked after the action, so "lock" stays locked.
  // A site paying many times a second would otherwise reset the alarm on every request: once
  // every few seconds is as good for a countdown counted in minutes.
  const at = Date.now();
  if (at - autoLockRescheduledAt >= autoLockRescheduleMs && (await wallet.isUnlocked())) {
    autoLockRescheduledAt = at;
    await scheduleAutoLock();
  }
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
    return handleUiMessage(
      { wallet, approvals, policy: policyUi, subscriptions: subscriptionUi },
      message,
    );
  }
  return handleWorkerMessage({
    message,
    sender,
    handle: (request, origin) => dapp.handle(request, origin),
  });
}
