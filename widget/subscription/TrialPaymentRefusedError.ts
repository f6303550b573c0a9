import { TpError } from '../../shared/errors/TpError.ts';

/**
 * A payment was about to be sent for a plan with a free trial (its plan was read after the flow
 * had decided to pay): refused, since nothing is due before the trial ends.
 */
export class TrialPaymentRefusedError extends TpError {
  override name = 'TrialPaymentRefusedError';
  override readonly code = 'subscription/trial-not-payable';

  constructor({ sessionId, trialDays }: { sessionId: string; trialDays: number }) {
    super({
      code: 'subscription/trial-not-payable',
      shortMessage: 'This plan starts with a free trial: nothing is paid at checkout.',
      details: { sessionId, trialDays },
    });
  }
}
