import { TpError } from '../../shared/errors/TpError.ts';

export class InvalidWebhookUrlError extends TpError {
  override name = 'InvalidWebhookUrlError';
  override readonly code = 'webhooks/invalid-url';

  constructor({ reason }: { reason: string }) {
    super({
      code: 'webhooks/invalid-url',
      shortMessage: `The webhook URL is not accepted: ${reason}.`,
      details: { reason },
    });
  }
}

export class InvalidWebhookEventError extends TpError {
  override name = 'InvalidWebhookEventError';
  override readonly code = 'webhooks/invalid-event';

  constructor({ field, expected, cause }: { field: string; expected: string; cause?: unknown }) {
    super({
      code: 'webhooks/invalid-event',
      shortMessage: `Cannot enqueue the webhook event: ${field} must be ${expected}.`,
      details: { field, expected },
      cause,
    });
  }
}

export class InvalidWebhookDispatcherOptionsError extends TpError {
  override name = 'InvalidWebhookDispatcherOptionsError';
  override readonly code = 'webhooks/invalid-dispatcher-options';

  constructor({ option, expected }: { option: string; expected: string }) {
    super({
      code: 'webhooks/invalid-dispatcher-options',
      shortMessage: `Invalid webhook dispatcher option: ${option} must be ${expected}.`,
      details: { option, expected },
    });
  }
}

export class WebhookEndpointLimitError extends TpError {
  override name = 'WebhookEndpointLimitError';
  override readonly code = 'webhooks/endpoint-limit';

  constructor({ limit }: { limit: number }) {
    super({
      code: 'webhooks/endpoint-limit',
      shortMessage: `A merchant can have at most ${limit} webhook endpoints; delete one first.`,
      details: { limit },
    });
  }
}

export class UnknownWebhookEventCursorError extends TpError {
  override name = 'UnknownWebhookEventCursorError';
  override readonly code = 'webhooks/unknown-cursor';

  constructor({ eventId }: { eventId: string }) {
    super({
      code: 'webhooks/unknown-cursor',
      shortMessage: `No event ${eventId} to page after.`,
      details: { eventId },
    });
  }
}
