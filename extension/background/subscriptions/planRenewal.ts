import type { SubscriptionInvoice } from '../../../shared/providerApi/Subscription.ts';
import { findPeriod } from '../../../shared/subscriptions/findPeriod.ts';
import type { Grant } from '../policy/Policy.ts';
import type { SubscriptionLink } from './SubscriptionLink.ts';

/**
 * Why a renewal is not paid automatically:
 * - `ask`: `above-grant` (the quote is for more than the grant allows per period): the user
 *   decides in the approval window;
 * - `refuse`: the quote does not fit the grant in a way no approval should fix (another
 *   recipient, token or chain, a bad signature, a period that is not the one due now);
 * - `skip`: nothing to pay now (paid already, not due, grace over, grant ended or revoked…).
 */
export type RenewalPlan =
  | {
      readonly action: 'pay';
      readonly periodIndex: number;
      readonly amount: bigint;
      readonly invoice: SubscriptionInvoice;
    }
  | {
      readonly action: 'ask';
      readonly reason: 'above-grant';
      readonly periodIndex: number;
      readonly amount: bigint;
      readonly invoice: SubscriptionInvoice;
    }
  | {
      readonly action: 'refuse';
      readonly reason:
        | 'other-recipient'
        | 'other-token'
        | 'other-chain'
        | 'bad-signature'
        | 'period-mismatch'
        | 'subscription-mismatch';
      readonly periodIndex: number;
    }
  | {
      readonly action: 'skip';
      readonly reason:
        | 'before-start'
        | 'grant-ended'
        | 'already-paid'
        | 'before-first-renewal'
        | 'outside-grace'
        | 'invoice-not-open'
        | 'no-quote'
        | 'quote-expired';
      readonly periodIndex: number | null;
    };

export type PlanRenewalParameters = {
  /** The grant as the user gave it (from the site's policy): what every payment must fit. */
  grant: Pick<Grant, 'chainId' | 'asset' | 'recipient' | 'amount' | 'startTime' | 'endTime'>;
  link: Pick<
    SubscriptionLink,
    | 'interval'
    | 'intervalCount'
    | 'gracePeriodSeconds'
    | 'firstRenewalIndex'
    | 'payments'
    | 'subscriptionId'
  >;
  /** `GET /v1/subscriptions/{id}/renewals/current`, not trusted. */
  invoice: SubscriptionInvoice;
  /** Whether `invoice.quote.signature` verified against the provider's published key. */
  isSignatureValid: boolean;
  now: Date;
};
export type PlanRenewalReturnType = RenewalPlan;

/**
 * What the scheduler does with the renewal the provider says is due. Pure. The calendar is the
 * wallet's own (`findPeriod` from the grant's start, the calendar in the link): at most one
 * payment per period index, and only from that period's start until its start plus the grace
 * period; the quote must be for the grant's token, chain and recipient, and at most the grant's
 * amount, to be paid without asking. The provider cannot move any of these.
 */
export function planRenewal({
  grant,
  link,
  invoice,
  isSignatureValid,
  now,
}: PlanRenewalParameters): PlanRenewalReturnType {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (nowSeconds < grant.startTime)
    return { action: 'skip', reason: 'before-start', periodIndex: null };
  if (grant.endTime !== undefined && nowSeconds >= grant.endTime)
    return { action: 'skip', reason: 'grant-ended', periodIndex: null };
  const period = findPeriod({
    anchor: new Date(grant.startTime * 1000),
    interval: { unit: link.interval, count: link.intervalCount },
    at: now,
  });
  const periodIndex = period.index;
  if (periodIndex < link.firstRenewalIndex)
    return { action: 'skip', reason: 'before-first-renewal', periodIndex };
  if (link.payments.some((payment) => payment.periodIndex === periodIndex))
    return { action: 'skip', reason: 'already-paid', periodIndex };
  if (now.getTime() >= period.start.getTime() + link.gracePeriodSeconds * 1000)
    return { action: 'skip', reason: 'outside-grace', periodIndex };
  if (link.subscriptionId !== null && invoice.subscription !== link.subscriptionId)
    return { action: 'refuse', reason: 'subscription-mismatch', periodIndex };
  if (
    invoice.period_index !== periodIndex ||
    Date.parse(invoice.period_start) !== period.start.getTime()
  )
    return { action: 'refuse', reason: 'period-mismatch', periodIndex };
  if (invoice.status !== 'open' || invoice.session_status !== 'open')
    return { action: 'skip', reason: 'invoice-not-open', periodIndex };
  const quote = invoice.quote;
  if (quote === null) return { action: 'skip', reason: 'no-quote', periodIndex };
  if (!isSignatureValid) return { action: 'refuse', reason: 'bad-signature', periodIndex };
  if (quote.session_id !== invoice.session_id)
    return { action: 'refuse', reason: 'subscription-mismatch', periodIndex };
  if (quote.chain_id !== grant.chainId)
    return { action: 'refuse', reason: 'other-chain', periodIndex };
  if (
    grant.asset === 'native' ||
    quote.token_address === null ||
    quote.token_address.toLowerCase() !== grant.asset.toLowerCase()
  )
    return { action: 'refuse', reason: 'other-token', periodIndex };
  if (quote.recipient.toLowerCase() !== grant.recipient.toLowerCase())
    return { action: 'refuse', reason: 'other-recipient', periodIndex };
  // Ten seconds to spare: the transaction must reach the chain before the quote ends.
  if (Date.parse(quote.expires_at) <= now.getTime() + 10_000)
    return { action: 'skip', reason: 'quote-expired', periodIndex };
  if (typeof quote.amount !== 'string' || !/^[1-9][0-9]{0,77}$/.test(quote.amount))
    return { action: 'refuse', reason: 'period-mismatch', periodIndex };
  const amount = BigInt(quote.amount);
  if (amount > grant.amount)
    return { action: 'ask', reason: 'above-grant', periodIndex, amount, invoice };
  return { action: 'pay', periodIndex, amount, invoice };
}
