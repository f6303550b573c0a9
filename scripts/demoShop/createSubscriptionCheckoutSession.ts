import type {
  ProviderClientErrorType,
  SubscriptionCheckout,
} from '../../shared/providerClient/index.ts';
import { createProviderClient } from '../../shared/providerClient/index.ts';
import { demoSubscription } from './demoSubscriptionPlan.ts';
import type { demoTrialSubscription } from './demoTrialSubscriptionPlan.ts';

export type CreateSubscriptionCheckoutSessionParameters = {
  readonly providerUrl: string;
  /** `sk_…`: stays on the shop's server. */
  readonly secretKey: string;
  /** The shop's own id for this sign-up: also the Idempotency-Key. */
  readonly orderId: string;
  /** Which of the shop's plans: the monthly one (default) or the one with a free trial. */
  readonly offer?: typeof demoSubscription | typeof demoTrialSubscription;
  readonly fetch?: typeof globalThis.fetch;
};
export type CreateSubscriptionCheckoutSessionReturnType = SubscriptionCheckout;
export type CreateSubscriptionCheckoutSessionErrorType = ProviderClientErrorType;

/**
 * The merchant's server call for a sign-up: the plan (created once; the Idempotency-Key gives the
 * same plan back afterwards), then a checkout session in subscription mode for it.
 */
export async function createSubscriptionCheckoutSession({
  providerUrl,
  secretKey,
  orderId,
  offer = demoSubscription,
  fetch,
}: CreateSubscriptionCheckoutSessionParameters): Promise<CreateSubscriptionCheckoutSessionReturnType> {
  const provider = createProviderClient({ baseUrl: providerUrl, secretKey, fetch });
  const plan = await provider.createPlan(offer.plan, { idempotencyKey: offer.planKey });
  return provider.createSubscriptionCheckout(
    { plan: plan.id, metadata: { signup_id: orderId, product: offer.id } },
    { idempotencyKey: orderId },
  );
}
