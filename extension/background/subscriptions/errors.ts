import { TpError } from '../../../shared/errors/TpError.ts';

const maxEchoedLength = 80;

function excerpt(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length <= maxEchoedLength ? text : `${text.slice(0, maxEchoedLength)}…`;
}

/** The `tpPay:subscription` field of a permission request is malformed (the grant is refused). */
export class InvalidSubscriptionExtensionError extends TpError {
  override name = 'InvalidSubscriptionExtensionError';
  override readonly code = 'subscriptions/invalid-extension';

  constructor({ field, expected }: { field: string; expected: string }) {
    super({
      code: 'subscriptions/invalid-extension',
      shortMessage: `Invalid subscription details: ${excerpt(field)} must be ${expected}.`,
      details: { field: excerpt(field), expected },
    });
  }
}

/** A subscription the wallet does not hold, or one it can no longer act on. */
export class UnknownSubscriptionError extends TpError {
  override name = 'UnknownSubscriptionError';
  override readonly code = 'subscriptions/unknown';

  constructor({ grantId }: { grantId: unknown }) {
    super({
      code: 'subscriptions/unknown',
      shortMessage: 'The wallet holds no subscription with this id.',
      details: { grantId: excerpt(grantId) },
    });
  }
}

/** A test clock offset out of range (or set outside a development build). */
export class InvalidClockOffsetError extends TpError {
  override name = 'InvalidClockOffsetError';
  override readonly code = 'subscriptions/invalid-clock-offset';

  constructor({ received, expected }: { received: unknown; expected: string }) {
    super({
      code: 'subscriptions/invalid-clock-offset',
      shortMessage: `The wallet clock offset must be ${expected}.`,
      details: { received: excerpt(received), expected },
    });
  }
}
