import type { SubscriptionGrant } from '../../shared/providerApi/Subscription.ts';
import { hexQuantity } from '../wallets/hexQuantity.ts';

export type BuildExecutionPermissionRequestParameters = {
  grant: SubscriptionGrant;
  /** The shopper's connected account. */
  account: string;
  /** Shown by the wallet as the site's words: the plan's name. */
  justification: string;
  /**
   * Where the subscription lives, for TP Wallet's renewal scheduler; omitted for a wallet that
   * refused the request because of it.
   */
  subscription?: {
    providerUrl: string;
    sessionId: string;
    publishableKey: string;
  };
};
export type BuildExecutionPermissionRequestReturnType = Record<string, unknown>;

/** The namespaced field other wallets ignore (TP Wallet: extension/background/subscriptions). */
export const subscriptionExtensionKey = 'tpPay:subscription';

/**
 * One ERC-7715 permission request (`wallet_requestExecutionPermissions` params[0]) for the
 * subscription's allowance: the standard `erc20-token-periodic` permission granted to the
 * merchant's address (`to`), with an `expiry` rule when the plan ends. The amount cannot be
 * lowered (`isAdjustmentAllowed: false`): a smaller allowance would make every renewal fail.
 * TP Pay's extra (provider, session, key, the calendar) sits in one optional namespaced field.
 */
export function buildExecutionPermissionRequest({
  grant,
  account,
  justification,
  subscription,
}: BuildExecutionPermissionRequestParameters): BuildExecutionPermissionRequestReturnType {
  return {
    chainId: hexQuantity(BigInt(grant.chain_id)),
    from: account,
    to: grant.recipient,
    permission: {
      type: 'erc20-token-periodic',
      isAdjustmentAllowed: false,
      data: {
        tokenAddress: grant.token_address,
        periodAmount: hexQuantity(BigInt(grant.period_amount)),
        periodDuration: grant.period_duration,
        startTime: grant.start_time,
        justification: justification.slice(0, 200),
      },
    },
    ...(grant.expiry === null
      ? {}
      : { rules: [{ type: 'expiry', data: { timestamp: grant.expiry } }] }),
    ...(subscription === undefined
      ? {}
      : {
          [subscriptionExtensionKey]: {
            version: 1,
            ...subscription,
            interval: grant.interval,
            intervalCount: grant.interval_count,
            gracePeriodSeconds: grant.grace_period_seconds,
          },
        }),
  };
}
