import { Type } from '@sinclair/typebox';

/*
 * Building blocks of the provider API's schemas. Money and other big integers travel as decimal
 * strings (JSON numbers are doubles); times as ISO 8601 UTC strings.
 */

/** A non-negative integer as a decimal string without leading zeros (`"26086957"`). */
export const UnsignedIntegerString = Type.String({
  pattern: '^(0|[1-9][0-9]*)$',
  examples: ['26086957'],
});

/** An exact rate as two decimal strings (see `description`). */
export const WireRate = Type.Object(
  {
    numerator: UnsignedIntegerString,
    denominator: UnsignedIntegerString,
  },
  {
    title: 'Rate',
    description:
      'One whole unit of the base is worth numerator/denominator whole units of the quote. Exact.',
  },
);

export const Timestamp = Type.String({
  format: 'date-time',
  description: 'ISO 8601, UTC.',
  examples: ['2026-01-31T12:10:00.000Z'],
});

export const ChainId = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: 'EIP-155 chain id (31337: the local dev chain).',
  examples: [31337],
});

export const AssetSymbol = Type.String({
  pattern: '^[A-Z0-9]{1,11}$',
  description: 'Ticker of the asset on that chain.',
  examples: ['USDC'],
});

export const Address = Type.String({
  pattern: '^0x[0-9a-fA-F]{40}$',
  description: 'An EIP-55 checksummed address.',
  examples: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8'],
});
