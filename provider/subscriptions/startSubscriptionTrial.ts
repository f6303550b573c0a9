import { InvalidSubscriptionTermsError } from '../../shared/subscriptions/errors.ts';
import { formatStartTrialMessage } from '../../shared/subscriptions/formatStartTrialMessage.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import { readLatestQuote } from './readLatestQuote.ts';
import { readPlan } from './readPlan.ts';
import { startSubscription } from './startSubscription.ts';
import type { SubscriptionRecord } from './SubscriptionRecord.ts';
import type { PlanRecord } from './PlanRecord.ts';
import { verifySubscriberSignature } from './verifySubscriberSignature.ts';

export type StartSubscriptionTrialParameters = {
  db: Database;
  merchantId: string;
  sessionId: string;
  quoteId: string;
  subscriber: string;
  signature: string;
  now: Date;
};
export type StartSubscriptionTrialReturnType = {
  subscription: SubscriptionRecord;
  plan: PlanRecord;
};
export type StartSubscriptionTrialErrorType = ApiError;

/**
 * Starts the free trial of a subscription checkout without a payment: the shopper has chosen an
 * asset (a quote locked on the session fixes it and the allowance) and signed
 * `formatStartTrialMessage` with the address that will pay. The subscription is `trialing`, and
 * period 0 falls due when the trial ends. Refused (4xx, nothing written): a plan without trial,
 * a session that is not open or already has its subscription, another session's or an expired
 * quote, a signature by anyone else.
 */
export async function startSubscriptionTrial({
  db,
  merchantId,
  sessionId,
  quoteId,
  subscriber,
  signature,
  now,
}: StartSubscriptionTrialParameters): Promise<StartSubscriptionTrialReturnType> {
  const message = formatTrialMessageOrRefuse({ sessionId, quoteId, subscriber });
  if (!(await verifySubscriberSignature({ address: subscriber, message, signature }))) {
    throw new ApiError({
      code: 'invalid_signature',
      message: 'The signature is not by the subscriber over the trial start message.',
      param: 'signature',
    });
  }
  return db.transaction(async (transaction) => {
    const checkouts = await transaction.query<{
      plan_id: string;
      metadata: Record<string, string>;
    }>(
      `select plan_id, metadata from subscription_checkouts
       where session_id = $1 and merchant_id = $2 for update`,
      [sessionId, merchantId],
    );
    const checkout = checkouts.rows[0];
    if (checkout === undefined) {
      throw new ApiError({
        code: 'not_found',
        message: 'No such subscription checkout.',
        param: 'session_id',
      });
    }
    const plan = await readPlan({ db: transaction, id: checkout.plan_id, merchantId });
    if (plan === undefined) throw new Error(`plan ${checkout.plan_id} vanished`);
    if (plan.trialDays === 0) {
      throw new ApiError({
        code: 'invalid_request',
        message: 'This plan has no trial: pay the first period instead.',
        param: 'session_id',
      });
    }
    const existing = await transaction.query(
      'select 1 from subscriptions where checkout_session_id = $1',
      [sessionId],
    );
    if (existing.rows.length > 0) {
      throw new ApiError({
        code: 'subscription_exists',
        message: 'This checkout session already started its subscription.',
      });
    }
    const sessions = await transaction.query<{ status: string; expires_at: Date }>(
      'select status, expires_at from checkout_sessions where id = $1',
      [sessionId],
    );
    const session = sessions.rows[0];
    if (session === undefined) throw new Error(`checkout session ${sessionId} vanished`);
    if (session.status !== 'open' || now.getTime() >= session.expires_at.getTime()) {
      throw new ApiError({
        code: 'session_not_open',
        message: 'This checkout session is no longer open: no trial can start on it.',
      });
    }
    const quote = await readLatestQuote({ db: transaction, sessionId, quoteId });
    if (quote === undefined) {
      throw new ApiError({
        code: 'invalid_request',
        message: 'No such quote on this checkout session.',
        param: 'quote_id',
      });
    }
    if (now.getTime() >= Date.parse(quote.expires_at)) {
      throw new ApiError({
        code: 'invalid_request',
        message: 'This quote has expired: lock a new one (and ask for the allowance again).',
        param: 'quote_id',
      });
    }
    const { subscription } = await startSubscription({
      transaction,
      checkout: { sessionId, merchantId, metadata: checkout.metadata },
      plan,
      quote,
      subscriber,
      isFirstPeriodPaid: false,
      now,
    });
    return { subscription, plan };
  });
}

/** Ids or an address of the wrong form are the request's fault: 400, not 500. */
function formatTrialMessageOrRefuse(
  fields: Parameters<typeof formatStartTrialMessage>[0],
): ReturnType<typeof formatStartTrialMessage> {
  try {
    return formatStartTrialMessage(fields);
  } catch (error) {
    if (!(error instanceof InvalidSubscriptionTermsError)) throw error;
    const { field, expected } = error.details as { field: string; expected: string };
    const param = wireNames[field] ?? field;
    throw new ApiError({
      code: 'invalid_request',
      message: `${param} must be ${expected}.`,
      param,
      cause: error,
    });
  }
}

const wireNames: Readonly<Record<string, string>> = {
  sessionId: 'session_id',
  quoteId: 'quote_id',
  subscriber: 'subscriber',
};
