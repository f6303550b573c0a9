import type { Database } from '../db/Database.ts';
import type { RateBook } from '../rateBook/createRateBook.ts';
import type { SigningKey } from '../signing/loadSigningKey.ts';
import { advanceSubscriptionDeadlines } from './advanceSubscriptionDeadlines.ts';
import type { AdvanceSubscriptionDeadlinesReturnType } from './advanceSubscriptionDeadlines.ts';
import { createDueRenewals } from './createDueRenewals.ts';

export type SweepSubscriptionsParameters = {
  db: Database;
  rates: RateBook;
  signingKey: SigningKey;
  now: Date;
  quoteTtlSeconds?: number;
  limit?: number;
};
export type SweepSubscriptionsReturnType = AdvanceSubscriptionDeadlinesReturnType & {
  renewalsCreated: number;
  renewalsWithoutQuote: number;
};

/**
 * One run of everything time does to subscriptions: deadlines first (so nothing is billed for a
 * subscription that is canceled at this instant), then the renewals that fell due.
 */
export async function sweepSubscriptions({
  db,
  rates,
  signingKey,
  now,
  quoteTtlSeconds,
  limit,
}: SweepSubscriptionsParameters): Promise<SweepSubscriptionsReturnType> {
  const deadlines = await advanceSubscriptionDeadlines({
    db,
    now,
    ...(limit === undefined ? {} : { limit }),
  });
  const renewals = await createDueRenewals({
    db,
    rates,
    signingKey,
    now,
    ...(quoteTtlSeconds === undefined ? {} : { quoteTtlSeconds }),
    ...(limit === undefined ? {} : { limit }),
  });
  return {
    ...deadlines,
    renewalsCreated: renewals.invoices.length,
    renewalsWithoutQuote: renewals.withoutQuote,
  };
}
