import type { CreateSubscriptionCheckoutBody } from '../../shared/providerApi/Subscription.ts';
import { insertCheckoutSession } from '../checkout/insertCheckoutSession.ts';
import type { CheckoutSessionRecord } from '../checkout/CheckoutSessionRecord.ts';
import { parseCreateSessionBody } from '../checkout/parseCreateSessionBody.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import type { Pair } from '../rates/Pair.ts';
import type { PlanRecord } from './PlanRecord.ts';
import { readPlan } from './readPlan.ts';
import {
  subscriptionCheckoutColumns,
  toSubscriptionCheckoutRecord,
} from './SubscriptionCheckoutRecord.ts';
import type {
  SubscriptionCheckoutRecord,
  SubscriptionCheckoutRow,
} from './SubscriptionCheckoutRecord.ts';

export type CreateSubscriptionCheckoutParameters = {
  db: Database;
  merchantId: string;
  /** Already checked against the JSON schema. */
  body: CreateSubscriptionCheckoutBody;
  pricedPairs: readonly Pair[];
  now: Date;
};
export type CreateSubscriptionCheckoutReturnType = {
  checkout: SubscriptionCheckoutRecord;
  session: CheckoutSessionRecord;
  plan: PlanRecord;
};
export type CreateSubscriptionCheckoutErrorType = ApiError;

/**
 * A checkout session "in subscription mode": an ordinary session for the plan's price, assets
 * and recipients (the first period), linked to the plan. Its metadata carries `tp_plan`. The
 * widget shows it as a subscription (`GET /v1/subscriptions/checkout/{session_id}`); paying it
 * (or starting the trial on it) creates the subscription.
 */
export async function createSubscriptionCheckout({
  db,
  merchantId,
  body,
  pricedPairs,
  now,
}: CreateSubscriptionCheckoutParameters): Promise<CreateSubscriptionCheckoutReturnType> {
  const plan = await readPlan({ db, id: body.plan, merchantId });
  if (plan === undefined) {
    throw new ApiError({ code: 'not_found', message: 'No such plan.', param: 'plan' });
  }
  const metadata = { ...body.metadata };
  const newSession = parseCreateSessionBody({
    body: {
      amount_minor: plan.amountMinor.toString(),
      currency: plan.currency,
      recipients: { ...plan.recipients },
      accepted_assets: plan.acceptedAssets.map(({ chain_id, asset }) => ({ chain_id, asset })),
      metadata: { ...metadata, tp_plan: plan.id },
      ...(body.expires_in === undefined ? {} : { expires_in: body.expires_in }),
      ...(body.success_url === undefined ? {} : { success_url: body.success_url }),
    },
    pricedPairs,
  });
  return db.transaction(async (transaction) => {
    const session = await insertCheckoutSession({
      db: transaction,
      merchantId,
      session: newSession,
      now,
    });
    const { rows } = await transaction.query<SubscriptionCheckoutRow>(
      `insert into subscription_checkouts (session_id, merchant_id, plan_id, metadata, created_at)
       values ($1, $2, $3, $4, $5)
       returning ${subscriptionCheckoutColumns}`,
      [session.id, merchantId, plan.id, JSON.stringify(metadata), now],
    );
    const row = rows[0];
    if (row === undefined) throw new Error('insert … returning gave no row');
    return { checkout: toSubscriptionCheckoutRecord(row), session, plan };
  });
}
