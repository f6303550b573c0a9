import type { Subscription } from '../../shared/providerApi/Subscription.ts';
import { InvalidProviderAnswerError } from '../providerAnswers/InvalidProviderAnswerError.ts';

export type ReadSubscriptionAnswerReturnType = Subscription;

const baseUnitsPattern = /^\d+$/;

/**
 * The subscription the provider answered a trial's start with, checked where the card relies on
 * it (its id, and the allowance shown as the first payment's most); else nothing is shown from it.
 */
export function readSubscriptionAnswer(answer: unknown): ReadSubscriptionAnswerReturnType {
  const candidate = answer as Partial<Subscription> | null;
  if (candidate?.object !== 'subscription' || typeof candidate.id !== 'string') {
    throw new InvalidProviderAnswerError({ what: 'subscription', field: 'object' });
  }
  const amount = candidate.grant?.period_amount;
  if (typeof amount !== 'string' || !baseUnitsPattern.test(amount)) {
    throw new InvalidProviderAnswerError({ what: 'subscription', field: 'grant.period_amount' });
  }
  return answer as Subscription;
}
