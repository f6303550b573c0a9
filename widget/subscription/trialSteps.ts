// Re-exports only: the free trial's steps as one lazy chunk (one import in checkout.js, not three).
export { readSubscriptionAnswer } from './readSubscriptionAnswer.ts';
export { signStartTrial } from './signStartTrial.ts';
export { TrialPaymentRefusedError } from './TrialPaymentRefusedError.ts';
