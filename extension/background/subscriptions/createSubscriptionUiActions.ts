import { stringToHex } from 'viem';
import type { Address, Hex } from 'viem';
import type {
  SubscriptionView,
  SubscriptionsOverview,
} from '../../../shared/protocol/subscriptionMessages.ts';
import { formatCancelSubscriptionMessage } from '../../../shared/subscriptions/formatCancelSubscriptionMessage.ts';
import type { Grant } from '../policy/Policy.ts';
import { UnknownSubscriptionError } from './errors.ts';
import type { SubscriptionStore } from './openSubscriptionStore.ts';
import type { SubscriptionScheduler } from './createSubscriptionScheduler.ts';
import type { SubscriptionLink } from './SubscriptionLink.ts';
import type { WalletClock } from './createWalletClock.ts';

export type SubscriptionUiActions = {
  list(): Promise<SubscriptionsOverview>;
  cancel(params: { grantId?: unknown }): Promise<{
    overview: SubscriptionsOverview;
    providerNotified: boolean;
  }>;
  runNow(): Promise<SubscriptionsOverview>;
  setClockOffset(params: { offsetMs?: unknown }): Promise<SubscriptionsOverview>;
};

export type CreateSubscriptionUiActionsParameters = {
  store: SubscriptionStore;
  scheduler: SubscriptionScheduler;
  clock: WalletClock;
  findGrant: (origin: string, grantId: string) => Grant | undefined;
  revokeGrant: (origin: string, grantId: string) => Promise<unknown>;
  /** The token's symbol and decimals from the wallet's own token list, if it knows it. */
  tokenName: (
    chainId: number,
    address: string,
  ) => Promise<{ symbol: string; decimals: number } | undefined>;
  signPersonalMessage: (address: Address, message: Hex) => Promise<Hex>;
  /** `cancel-by-subscriber` at the link's provider, with its publishable key. */
  cancelAtProvider: (
    link: SubscriptionLink,
    body: { at_period_end: boolean; signed_at: string; signature: Hex },
  ) => Promise<unknown>;
};
export type CreateSubscriptionUiActionsReturnType = SubscriptionUiActions;

/** The Subscriptions page's actions: list, cancel (sign, tell the provider, revoke), run, clock. */
export function createSubscriptionUiActions({
  store,
  scheduler,
  clock,
  findGrant,
  revokeGrant,
  tokenName,
  signPersonalMessage,
  cancelAtProvider,
}: CreateSubscriptionUiActionsParameters): CreateSubscriptionUiActionsReturnType {
  const toView = async (link: SubscriptionLink): Promise<SubscriptionView> => {
    const grant = findGrant(link.origin, link.grantId);
    const names = await tokenName(link.chainId, link.token);
    const spent = link.payments.reduce(
      (total, payment) => (payment.hash === null ? total : total + BigInt(payment.amount)),
      0n,
    );
    return {
      grantId: link.grantId,
      origin: link.origin,
      account: link.account,
      merchantName: link.merchantName,
      subscriptionId: link.subscriptionId,
      status: link.status,
      amountMinor: link.amountMinor,
      currency: link.currency,
      interval: link.interval,
      intervalCount: link.intervalCount,
      token: {
        chainId: link.chainId,
        address: link.token,
        symbol: names?.symbol ?? null,
        decimals: names?.decimals ?? null,
      },
      // What the user granted (lowered since, perhaps, in the site's policy); kept once revoked.
      periodAmount: grant === undefined ? link.periodAmount : grant.amount.toString(),
      nextRenewalAt: link.isClosed ? null : link.nextRenewalAt,
      spent: spent.toString(),
      payments: link.payments.map((payment) => ({ ...payment })),
      attention:
        link.attention === null
          ? null
          : {
              reason: link.attention.reason,
              message: link.attention.message,
              at: link.attention.at,
            },
      isClosed: link.isClosed || grant === undefined,
    };
  };

  const list = async (): Promise<SubscriptionsOverview> => {
    await clock.ready();
    const links = [...(await store.list())].sort((a, b) => b.createdAt - a.createdAt);
    return {
      subscriptions: await Promise.all(links.map(toView)),
      clockOffsetMs: clock.offsetMs(),
      now: clock.now().getTime(),
    };
  };

  return {
    list,
    async cancel({ grantId }) {
      const link = typeof grantId === 'string' ? await store.get(grantId) : undefined;
      if (link === undefined) throw new UnknownSubscriptionError({ grantId });
      let providerNotified = false;
      if (link.subscriptionId !== null && !link.isClosed) {
        const signedAt = clock.now().toISOString();
        const message = formatCancelSubscriptionMessage({
          subscriptionId: link.subscriptionId,
          atPeriodEnd: false,
          signedAt,
        });
        const signature = await signPersonalMessage(link.account, stringToHex(message));
        try {
          await cancelAtProvider(link, { at_period_end: false, signed_at: signedAt, signature });
          providerNotified = true;
        } catch {
          // The grant is revoked all the same: the wallet pays nothing more either way.
        }
      }
      if (findGrant(link.origin, link.grantId) !== undefined)
        await revokeGrant(link.origin, link.grantId);
      await store.update(link.grantId, (current) => ({
        ...current,
        isClosed: true,
        ...(providerNotified ? { status: 'canceled', nextRenewalAt: null } : {}),
      }));
      return { overview: await list(), providerNotified };
    },
    async runNow() {
      const results = await scheduler.run();
      return {
        ...(await list()),
        lastRun: results.map(({ grantId, outcome, reason, periodIndex }) => ({
          grantId,
          outcome,
          ...(reason === undefined ? {} : { reason }),
          ...(periodIndex === undefined ? {} : { periodIndex }),
        })),
      };
    },
    async setClockOffset({ offsetMs }) {
      await clock.setOffset(offsetMs);
      return list();
    },
  };
}
