import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Timestamp, UnsignedIntegerString, WireRate } from './wireTypes.ts';

export const RateSourceEntry = Type.Object(
  {
    source: Type.String({ examples: ['kraken'] }),
    rate: WireRate,
    observed_at: Timestamp,
    assumptions: Type.Array(Type.String(), {
      description: 'Equivalences the quote relied on, like `USDT=USD`.',
    }),
  },
  { title: 'RateSourceEntry' },
);

export const RejectedRateSource = Type.Object(
  {
    source: Type.String(),
    reason: Type.String({
      description: '`missing`, `error`, `stale` or `outlier` (away from the agreeing sources).',
    }),
    detail: Type.String(),
  },
  { title: 'RejectedRateSource' },
);

export const RateEntry = Type.Object(
  {
    pair: Type.String({
      examples: ['ETH/EUR'],
      description: 'BASE/QUOTE: one BASE is worth `rate` QUOTE.',
    }),
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')], {
      description:
        '`unavailable`: too few sources agree (or the last agreement is too old); no quotes.',
    }),
    rate: Type.Union([WireRate, Type.Null()]),
    value: Type.Union([Type.String(), Type.Null()], {
      description: 'The rate rounded half up to 8 decimals, for people; compute with `rate`.',
      examples: ['2760.12'],
    }),
    configured_sources: Type.Array(Type.String()),
    sources: Type.Array(RateSourceEntry, { description: 'The agreeing sources, used.' }),
    rejected: Type.Array(RejectedRateSource),
    spread_basis_points: Type.Union([UnsignedIntegerString, Type.Null()], {
      description: '(max/min − 1) of the agreeing quotes, in basis points, rounded up.',
    }),
    age_ms: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
      description: 'Now minus the oldest agreeing quote.',
    }),
    fault_tolerance: Type.Integer({ minimum: 0, description: 'f = ⌊(n − 1) / 3⌋.' }),
    quorum: Type.Integer({ minimum: 1, description: '2f + 1 sources must agree.' }),
    refreshed_at: Type.Union([Timestamp, Type.Null()], {
      description: 'When the sources were last asked; null before the first refresh.',
    }),
    reason: Type.Union([Type.String(), Type.Null()], {
      description: 'Why the pair is unavailable, for people.',
    }),
  },
  { title: 'RateEntry' },
);

export const RatesList = Type.Object({ rates: Type.Array(RateEntry) }, { title: 'RatesList' });

export type RateEntry = Static<typeof RateEntry>;
export type RatesList = Static<typeof RatesList>;
