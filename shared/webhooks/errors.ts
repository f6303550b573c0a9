import { TpError } from '../errors/TpError.ts';

/** The errors the webhook signature helpers throw; each `code` is stable and part of the API. */

export class InvalidWebhookInputError extends TpError {
  override name = 'InvalidWebhookInputError';
  override readonly code = 'webhook/invalid-input';

  constructor({ field, expected }: { field: string; expected: string }) {
    super({
      code: 'webhook/invalid-input',
      shortMessage: `Invalid webhook input: ${field} must be ${expected}.`,
      details: { field, expected },
    });
  }
}

export class InvalidWebhookHeaderError extends TpError {
  override name = 'InvalidWebhookHeaderError';
  override readonly code = 'webhook/invalid-header';

  constructor({ reason }: { reason: string }) {
    super({
      code: 'webhook/invalid-header',
      shortMessage: `The TP-Signature header is malformed: ${reason}.`,
      // Never the header itself: it is attacker-controlled and may be huge.
      details: { reason, expected: 't=<unix seconds>,v1=<64 hex digits>[,v1=…]' },
    });
  }
}

export class WebhookTimestampOutOfToleranceError extends TpError {
  override name = 'WebhookTimestampOutOfToleranceError';
  override readonly code = 'webhook/timestamp-out-of-tolerance';

  constructor({
    timestamp,
    now,
    toleranceSeconds,
  }: {
    timestamp: number;
    now: number;
    toleranceSeconds: number;
  }) {
    const direction = timestamp < now ? 'old' : 'far in the future';
    super({
      code: 'webhook/timestamp-out-of-tolerance',
      shortMessage: `The webhook's timestamp is too ${direction}: possibly a replayed delivery, or a wrong clock.`,
      details: { timestamp, now, toleranceSeconds, differenceSeconds: now - timestamp },
    });
  }
}

export class WebhookSignatureMismatchError extends TpError {
  override name = 'WebhookSignatureMismatchError';
  override readonly code = 'webhook/signature-mismatch';

  constructor({ signatureCount }: { signatureCount: number }) {
    super({
      code: 'webhook/signature-mismatch',
      shortMessage:
        'No signature in the TP-Signature header matches this payload and secret (was the raw body changed, or is the secret wrong?).',
      details: { signatureCount },
    });
  }
}

export class InvalidWebhookPayloadError extends TpError {
  override name = 'InvalidWebhookPayloadError';
  override readonly code = 'webhook/invalid-payload';

  constructor({ reason, cause }: { reason: string; cause?: unknown }) {
    super({
      code: 'webhook/invalid-payload',
      shortMessage: `The webhook's signature is valid but its body is not an event: ${reason}.`,
      details: { reason },
      cause,
    });
  }
}
