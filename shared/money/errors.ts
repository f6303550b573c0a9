import { TpError } from '../errors/TpError.ts';
import type { Asset } from './Asset.ts';

/** The errors the money module throws; each `code` is stable and part of the API. */

const maxEchoedLength = 80;

/** Echoes what the caller passed without copying a huge or non-string input into logs. */
function describeInput(input: unknown): string {
  switch (typeof input) {
    case 'string':
      return input.length <= maxEchoedLength
        ? input
        : `${input.slice(0, maxEchoedLength)}… (${input.length} characters)`;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'undefined':
      return String(input);
    default:
      return input === null ? 'null' : `(${typeof input})`;
  }
}

export class InvalidAssetError extends TpError {
  override name = 'InvalidAssetError';
  override readonly code = 'money/invalid-asset';

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
      code: 'money/invalid-asset',
      shortMessage: `Invalid asset: ${field} must be ${expected}.`,
      details: { field, expected, received: describeInput(received) },
    });
  }
}

export class UnknownCurrencyError extends TpError {
  override name = 'UnknownCurrencyError';
  override readonly code = 'money/unknown-currency';

  constructor({ currency }: { currency: unknown }) {
    super({
      code: 'money/unknown-currency',
      shortMessage: 'Unknown currency: expected an active ISO 4217 code in capitals, like "EUR".',
      details: { currency: describeInput(currency) },
    });
  }
}

export class InvalidAmountFormatError extends TpError {
  override name = 'InvalidAmountFormatError';
  override readonly code = 'amount/invalid-format';

  constructor({ input, asset }: { input: unknown; asset: Asset }) {
    super({
      code: 'amount/invalid-format',
      shortMessage: `Not an amount of ${asset.symbol}: use digits and at most one "." (like 12.34).`,
      details: { input: describeInput(input), symbol: asset.symbol, decimals: asset.decimals },
    });
  }
}

export class TooManyDecimalsError extends TpError {
  override name = 'TooManyDecimalsError';
  override readonly code = 'amount/too-many-decimals';

  constructor({ input, asset }: { input: string; asset: Asset }) {
    super({
      code: 'amount/too-many-decimals',
      shortMessage:
        asset.decimals === 0
          ? `${asset.symbol} amounts are whole numbers: no digits after the decimal point.`
          : `${asset.symbol} allows at most ${asset.decimals} digits after the decimal point.`,
      details: { input: describeInput(input), symbol: asset.symbol, decimals: asset.decimals },
    });
  }
}

export class AmountOverflowError extends TpError {
  override name = 'AmountOverflowError';
  override readonly code = 'amount/overflow';

  constructor({ amount, asset }: { amount: string | bigint; asset: Asset }) {
    super({
      code: 'amount/overflow',
      shortMessage: `Amount of ${asset.symbol} is too large: the limit is 2^256 - 1 base units.`,
      details: {
        amount: typeof amount === 'bigint' ? amount : describeInput(amount),
        symbol: asset.symbol,
        decimals: asset.decimals,
      },
    });
  }
}

/** A value that is not a non-negative bigint where an amount was expected. */
export class InvalidAmountError extends TpError {
  override name = 'InvalidAmountError';
  override readonly code = 'amount/invalid-value';

  constructor({ value, asset }: { value: unknown; asset: Asset }) {
    super({
      code: 'amount/invalid-value',
      shortMessage: `Invalid amount of ${asset.symbol}: expected a non-negative bigint of base units.`,
      details: {
        value: typeof value === 'bigint' ? value : describeInput(value),
        symbol: asset.symbol,
      },
    });
  }
}

export class InvalidRateError extends TpError {
  override name = 'InvalidRateError';
  override readonly code = 'rate/invalid';

  constructor({ reason, input }: { reason: string; input: unknown }) {
    super({
      code: 'rate/invalid',
      shortMessage: `Invalid rate: ${reason}.`,
      details: { reason, input: describeInput(input) },
    });
  }
}

export class InvalidRoundingError extends TpError {
  override name = 'InvalidRoundingError';
  override readonly code = 'money/invalid-rounding';

  constructor({ rounding, allowed }: { rounding: unknown; allowed: readonly string[] }) {
    super({
      code: 'money/invalid-rounding',
      shortMessage: `Rounding must be one of: ${allowed.join(', ')}.`,
      details: { rounding: describeInput(rounding), allowed },
    });
  }
}

export class InvalidDisplayOptionsError extends TpError {
  override name = 'InvalidDisplayOptionsError';
  override readonly code = 'amount/invalid-display-options';

  constructor({
    option,
    expected,
    received,
    cause,
  }: {
    option: string;
    expected: string;
    received: unknown;
    cause?: unknown;
  }) {
    super({
      code: 'amount/invalid-display-options',
      shortMessage: `Cannot display the amount: ${option} must be ${expected}.`,
      details: { option, expected, received: describeInput(received) },
      cause,
    });
  }
}
