import type { QuoteSignatureFields } from './QuoteSignatureFields.ts';
import { InvalidQuoteSignatureInputError } from './errors.ts';

/*
 * The bytes a quote signature covers. Layout (ASCII, so UTF-8 and ASCII agree):
 *
 *   tp-pay/quote/v1\n
 *   id=<id>\n session_id=<…>\n chain_id=<…>\n asset=<…>\n token_address=<0x… | native>\n
 *   decimals=<…>\n recipient=<…>\n amount=<…>\n reference=<…>\n amount_minor=<…>\n
 *   currency=<…>\n expires_at=<…>
 *
 * one `name=value` per line in exactly this order, lines joined by "\n", no trailing newline.
 * Every value is checked against a pattern that excludes "\n" and "=" where it could matter, so
 * two different quotes can never encode to the same bytes (the encoding is injective), and the
 * first line separates these signatures from any other use of the key.
 */

export type EncodeQuoteMessageReturnType = Uint8Array;
export type EncodeQuoteMessageErrorType = InvalidQuoteSignatureInputError;

export const quoteMessageHeader = 'tp-pay/quote/v1';

const idPattern = /^[A-Za-z0-9_]{1,64}$/;
const addressPattern = /^0x[0-9a-fA-F]{40}$/;
const unsignedIntegerPattern = /^(0|[1-9][0-9]{0,77})$/;
const referencePattern = /^[0-9a-f]{32}$/;
const isoSecondsPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;

type FieldCheck = { expected: string; isValid: (value: unknown) => boolean };

const checks: Readonly<Record<keyof QuoteSignatureFields, FieldCheck>> = {
  id: matching(idPattern, 'letters, digits and "_" (1 to 64)'),
  session_id: matching(idPattern, 'letters, digits and "_" (1 to 64)'),
  chain_id: {
    expected: 'a positive safe integer',
    isValid: (value) => Number.isSafeInteger(value) && (value as number) > 0,
  },
  asset: matching(/^[A-Z0-9]{1,11}$/, 'a ticker of 1 to 11 capitals or digits'),
  token_address: {
    expected: 'a 0x-prefixed 20-byte hex address, or null for the native coin',
    isValid: (value) => value === null || (typeof value === 'string' && addressPattern.test(value)),
  },
  decimals: {
    expected: 'an integer from 0 to 77',
    isValid: (value) =>
      Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 77,
  },
  recipient: matching(addressPattern, 'a 0x-prefixed 20-byte hex address'),
  amount: matching(unsignedIntegerPattern, 'base units as a decimal string, no leading zeros'),
  reference: matching(referencePattern, '32 lowercase hex digits'),
  amount_minor: matching(unsignedIntegerPattern, 'minor units as a decimal string'),
  currency: matching(/^[A-Z]{3}$/, 'an ISO 4217 code'),
  expires_at: matching(
    isoSecondsPattern,
    'an ISO 8601 UTC time in whole seconds (…T12:10:00.000Z)',
  ),
};

const order: readonly (keyof QuoteSignatureFields)[] = [
  'id',
  'session_id',
  'chain_id',
  'asset',
  'token_address',
  'decimals',
  'recipient',
  'amount',
  'reference',
  'amount_minor',
  'currency',
  'expires_at',
];

/** The exact bytes signed for `quote` (see the layout above); throws on any malformed field. */
export function encodeQuoteMessage(quote: QuoteSignatureFields): EncodeQuoteMessageReturnType {
  if (typeof quote !== 'object' || (quote as unknown) === null) {
    throw new InvalidQuoteSignatureInputError({
      field: 'quote',
      expected: 'an object',
      received: quote,
    });
  }
  const lines = [quoteMessageHeader];
  for (const field of order) {
    const value: unknown = quote[field];
    const check = checks[field];
    if (!check.isValid(value)) {
      throw new InvalidQuoteSignatureInputError({
        field,
        expected: check.expected,
        received: value,
      });
    }
    lines.push(`${field}=${value === null ? 'native' : (value as string | number).toString()}`);
  }
  return new TextEncoder().encode(lines.join('\n'));
}

function matching(pattern: RegExp, expected: string): FieldCheck {
  return { expected, isValid: (value) => typeof value === 'string' && pattern.test(value) };
}
