import { TpError } from '../errors/TpError.ts';

/** The errors of the period arithmetic and subscription terms; each `code` is stable. */

export class InvalidBillingIntervalError extends TpError {
  override name = 'InvalidBillingIntervalError';
  override readonly code = 'subscriptions/invalid-interval';

  constructor({
    field,
    expected,
    received,
  }: {
    field: string;
    expected: string;
    received: unknown;
  }) {
    super({
      code: 'subscriptions/invalid-interval',
      shortMessage: `Invalid billing interval: ${field} must be ${expected}.`,
      details: { field, expected, received: describe(received) },
    });
  }
}

export class InvalidPeriodInputError extends TpError {
  override name = 'InvalidPeriodInputError';
  override readonly code = 'subscriptions/invalid-period-input';

  constructor({
    field,
    expected,
    received,
  }: {
    field: string;
    expected: string;
    received: unknown;
  }) {
    super({
      code: 'subscriptions/invalid-period-input',
      shortMessage: `Invalid period input: ${field} must be ${expected}.`,
      details: { field, expected, received: describe(received) },
    });
  }
}

export class InvalidSubscriptionTermsError extends TpError {
  override name = 'InvalidSubscriptionTermsError';
  override readonly code = 'subscriptions/invalid-terms';

  constructor({
    field,
    expected,
    received,
  }: {
    field: string;
    expected: string;
    received: unknown;
  }) {
    super({
      code: 'subscriptions/invalid-terms',
      shortMessage: `Invalid subscription terms: ${field} must be ${expected}.`,
      details: { field, expected, received: describe(received) },
    });
  }
}

/** Echoes an input without copying a huge or odd value into logs. */
function describe(input: unknown): string {
  if (input instanceof Date)
    return Number.isNaN(input.getTime()) ? 'Invalid Date' : input.toISOString();
  switch (typeof input) {
    case 'string':
      return input.length <= 80 ? input : `${input.slice(0, 80)}… (${input.length} characters)`;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'undefined':
      return String(input);
    default:
      return input === null ? 'null' : `(${typeof input})`;
  }
}
