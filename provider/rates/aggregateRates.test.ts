import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rate } from '../../shared/money/Rate.ts';
import { parseRate } from '../../shared/money/parseRate.ts';
import { aggregateRates } from './aggregateRates.ts';
import type { AggregateRatesParameters } from './aggregateRates.ts';
import { compareRates } from './compareRates.ts';
import { InvalidRatesInputError, NoQuorumError, SourceTimeoutError } from './errors.ts';
import type { Pair } from './Pair.ts';
import { reduceRate } from './reduceRate.ts';
import type { SourceQuote } from './RateSource.ts';
import type { SourceAnswer } from './SourceAnswer.ts';

const now = new Date('2024-06-28T16:05:00.000Z');

function quoteOf(
  source: string,
  rate: string | Rate,
  ageMs = 0,
  pair: Pair = 'ETH/USD',
): SourceQuote {
  const observedAt = new Date(now.getTime() - ageMs);
  return {
    source,
    pair,
    rate: typeof rate === 'string' ? parseRate(rate) : rate,
    observedAt,
    fetchedAt: observedAt,
    via: [pair],
    assumptions: [],
  };
}

function answer(
  source: string,
  rate: string | Rate,
  ageMs = 0,
  pair: Pair = 'ETH/USD',
): SourceAnswer {
  return { source, quote: quoteOf(source, rate, ageMs, pair) };
}

function aggregate(
  sources: readonly string[],
  answers: readonly SourceAnswer[],
  overrides: Partial<AggregateRatesParameters> = {},
) {
  return aggregateRates({
    pair: 'ETH/USD',
    sources,
    answers,
    toleranceBasisPoints: 50n,
    maxAgeMs: 60_000,
    now,
    ...overrides,
  });
}

function refusal(run: () => unknown): NoQuorumError {
  try {
    run();
  } catch (error) {
    if (error instanceof NoQuorumError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const four = ['coinbase', 'kraken', 'binance', 'local'];

describe('aggregateRates', () => {
  it('quotes the median of four agreeing sources, with its sources, spread and age', () => {
    const result = aggregate(four, [
      answer('coinbase', '3380.485', 4000),
      answer('kraken', '3380.71', 2500),
      answer('binance', '3381.20', 1000),
      answer('local', '3380.50'),
    ]);
    expect(result).toEqual({
      pair: 'ETH/USD',
      // (3380.50 + 3380.71) / 2
      rate: { numerator: 676121n, denominator: 200n },
      sources: [
        {
          source: 'coinbase',
          rate: parseRate('3380.485'),
          observedAt: new Date(now.getTime() - 4000),
          assumptions: [],
        },
        {
          source: 'kraken',
          rate: parseRate('3380.71'),
          observedAt: new Date(now.getTime() - 2500),
          assumptions: [],
        },
        {
          source: 'binance',
          rate: parseRate('3381.20'),
          observedAt: new Date(now.getTime() - 1000),
          assumptions: [],
        },
        { source: 'local', rate: parseRate('3380.50'), observedAt: now, assumptions: [] },
      ],
      rejected: [],
      // 3381.20 / 3380.485 − 1 = 2.115… bp, rounded up
      spreadBasisPoints: 3n,
      ageMs: 4000,
      faultTolerance: 1,
      quorum: 3,
      computedAt: now,
    });
  });

  it('quotes the middle rate of an odd count', () => {
    const result = aggregate(
      ['a', 'b', 'c'],
      [answer('a', '100'), answer('b', '101'), answer('c', '100.2')],
      {
        toleranceBasisPoints: 200n,
      },
    );
    expect(result.rate).toEqual({ numerator: 501n, denominator: 5n });
    expect(result.spreadBasisPoints).toBe(100n);
  });

  it('does not let a lying price source among four move the quote beyond the tolerance', () => {
    const honest = [
      answer('coinbase', '3380'),
      answer('kraken', '3381'),
      answer('binance', '3382'),
    ];
    for (const lie of ['0.01', '3300', '3364', '3398', '3399.9', '1000000']) {
      const result = aggregate(four, [...honest, answer('local', lie)]);
      expect(compareRates(result.rate, parseRate('3380'))).toBeGreaterThanOrEqual(0);
      expect(compareRates(result.rate, parseRate('3382'))).toBeLessThanOrEqual(0);
    }
    const result = aggregate(four, [...honest, answer('local', '1000000')]);
    expect(result.rate).toEqual({ numerator: 3381n, denominator: 1n });
    expect(result.rejected).toEqual([
      {
        source: 'local',
        reason: 'outlier',
        detail: '2946831 bp above the agreeing sources',
        rate: parseRate('1000000'),
      },
    ]);
  });

  it('stops quoting when two price sources among four lie', () => {
    const honest = [answer('coinbase', '3380'), answer('kraken', '3381')];
    for (const lies of [
      ['1000', '9000'],
      ['9000', '9000'],
      ['0.5', '0.5'],
      ['3300', '3450'],
    ]) {
      const error = refusal(() =>
        aggregate(four, [
          ...honest,
          answer('binance', lies[0] ?? ''),
          answer('local', lies[1] ?? ''),
        ]),
      );
      expect(error.details.required).toBe(3);
    }
    const error = refusal(() =>
      aggregate(four, [...honest, answer('binance', '1000'), answer('local', '9000')]),
    );
    expect(error.code).toBe('rates/no-quorum');
    expect(error.details).toEqual({
      pair: 'ETH/USD',
      sources: four,
      required: 3,
      agreeing: ['coinbase', 'kraken'],
      out: [
        { source: 'binance', reason: 'outlier', detail: '7042 bp below the agreeing sources' },
        { source: 'local', reason: 'outlier', detail: '16620 bp above the agreeing sources' },
      ],
      isConflicting: false,
    });
  });

  it('counts missing, failed and stale sources against the quorum', () => {
    const error = refusal(() =>
      aggregate(four, [
        answer('coinbase', '3380'),
        answer('kraken', '3381'),
        answer('binance', '3381', 60_001),
      ]),
    );
    expect(error.details.out).toEqual([
      { source: 'binance', reason: 'stale', detail: 'observed 60001 ms ago, max 60000' },
      { source: 'local', reason: 'missing', detail: 'no answer' },
    ]);

    const failed = refusal(() =>
      aggregate(four, [
        answer('coinbase', '3380'),
        answer('kraken', '3381'),
        {
          source: 'binance',
          error: new SourceTimeoutError({
            source: 'binance',
            pair: 'ETH/USD',
            url: 'https://x',
            timeoutMs: 5,
          }),
        },
        { source: 'local', error: new Error('secret internals') },
      ]),
    );
    expect(failed.details.out).toEqual([
      {
        source: 'binance',
        reason: 'error',
        detail: 'rates/timeout: Source binance did not answer ETH/USD within 5 ms.',
      },
      { source: 'local', reason: 'error', detail: 'unexpected error' },
    ]);
  });

  it('quotes with one source of four missing, and says which', () => {
    const result = aggregate(four, [
      answer('coinbase', '3380'),
      answer('kraken', '3381'),
      answer('local', '3382', 60_000),
    ]);
    expect(result.rate).toEqual({ numerator: 3381n, denominator: 1n });
    expect(result.ageMs).toBe(60_000);
    expect(result.rejected).toEqual([
      { source: 'binance', reason: 'missing', detail: 'no answer' },
    ]);
  });

  it('keeps the rate of a stale source for the record', () => {
    const result = aggregate(
      ['a', 'b', 'c'],
      [answer('a', '1'), answer('b', '1'), answer('c', '2', 61_000)],
    );
    expect(result.rejected).toEqual([
      {
        source: 'c',
        reason: 'stale',
        detail: 'observed 61000 ms ago, max 60000',
        rate: { numerator: 2n, denominator: 1n },
      },
    ]);
  });

  it('rejects quotes from the future, for another pair or with a broken rate', () => {
    const future = answer('a', '3380', -1);
    const otherPair = answer('b', '3380', 0, 'ETH/EUR');
    const broken: SourceAnswer = {
      source: 'c',
      quote: { ...quoteOf('c', '1'), rate: { numerator: 0n, denominator: 1n } },
    };
    const misnamed: SourceAnswer = { source: 'd', quote: quoteOf('e', '3380') };
    const error = refusal(() =>
      aggregate(['a', 'b', 'c', 'd'], [future, otherPair, broken, misnamed]),
    );
    expect(error.details.out).toEqual([
      { source: 'a', reason: 'error', detail: 'observed in the future (2024-06-28T16:05:00.001Z)' },
      { source: 'b', reason: 'error', detail: 'answered as b for ETH/EUR' },
      { source: 'c', reason: 'error', detail: 'not a positive rational rate' },
      { source: 'd', reason: 'error', detail: 'answered as e for ETH/USD' },
    ]);
  });

  it('treats the tolerance as inclusive and exact', () => {
    expect(
      aggregate(['a', 'b'], [answer('a', '100'), answer('b', '100.5')]).spreadBasisPoints,
    ).toBe(50n);
    const error = refusal(() =>
      aggregate(['a', 'b'], [answer('a', '100'), answer('b', '100.5000001')]),
    );
    expect(error.details.isConflicting).toBe(true);
    expect(
      aggregate(['a', 'b'], [answer('a', '7'), answer('b', '7.0')], { toleranceBasisPoints: 0n })
        .rate,
    ).toEqual({
      numerator: 7n,
      denominator: 1n,
    });
  });

  it('quotes a single configured source on its own (n = 1 tolerates no fault)', () => {
    const result = aggregate(['local'], [answer('local', '3000')]);
    expect(result).toMatchObject({
      rate: { numerator: 3000n, denominator: 1n },
      faultTolerance: 0,
      quorum: 1,
    });
  });

  it('refuses to pick between two equally large groups that disagree', () => {
    const two = refusal(() => aggregate(['a', 'b'], [answer('a', '100'), answer('b', '200')]));
    expect(two.details).toMatchObject({ isConflicting: true, agreeing: ['a'] });
    expect(two.shortMessage).toBe(
      'No rate for ETH/USD: two equally large groups of sources disagree.',
    );
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    refusal(() =>
      aggregate(
        six,
        ['100', '100', '100', '200', '200', '200'].map((rate, index) =>
          answer(six[index] ?? '', rate),
        ),
      ),
    );
  });

  it('chooses the tighter of two overlapping groups, deterministically', () => {
    const result = aggregate(
      ['a', 'b', 'c'],
      [answer('a', '100'), answer('b', '100.3'), answer('c', '100.6')],
    );
    // {100.3, 100.6} spans 29.9 bp, {100, 100.3} spans 30 bp
    expect(result.rate).toEqual({ numerator: 2009n, denominator: 20n });
    expect(result.rejected).toEqual([
      {
        source: 'a',
        reason: 'outlier',
        detail: '30 bp below the agreeing sources',
        rate: parseRate('100'),
      },
    ]);
  });

  it('answers the same whatever the order of the answers', () => {
    const answers = [
      answer('coinbase', '3380'),
      answer('kraken', '3390'),
      answer('binance', '3381'),
      answer('local', '3381'),
    ];
    const expected = aggregate(four, answers);
    expect(aggregate(four, [...answers].reverse())).toEqual(expected);
    expect(
      aggregate(four, [answers[2], answers[0], answers[3], answers[1]] as SourceAnswer[]),
    ).toEqual(expected);
  });

  it.each([
    ['no sources', { sources: [] }],
    ['a source listed twice', { sources: ['a', 'a'] }],
    ['an answer from a source not configured', { answers: [answer('z', '1')] }],
    ['two answers from one source', { answers: [answer('a', '1'), answer('a', '2')] }],
    ['a negative tolerance', { toleranceBasisPoints: -1n }],
    ['a tolerance as a number', { toleranceBasisPoints: 50 as unknown as bigint }],
    ['a tolerance above 100%', { toleranceBasisPoints: 10_001n }],
    ['a negative maximum age', { maxAgeMs: -1 }],
    ['a maximum age that is not a number', { maxAgeMs: Number.NaN }],
    ['an invalid clock', { now: new Date(Number.NaN) }],
  ])('refuses %s', (_name, overrides) => {
    expect(() => aggregate(['a', 'b'], [], overrides as Partial<AggregateRatesParameters>)).toThrow(
      InvalidRatesInputError,
    );
  });

  it('refuses a pair that is not one', () => {
    expect(() => aggregate(['a'], [], { pair: 'ETHUSD' as Pair })).toThrow(
      expect.objectContaining({ code: 'rates/invalid-pair' }),
    );
  });
});

describe('aggregateRates, as a Byzantine-tolerant median', () => {
  const positiveRate = fc
    .record({
      numerator: fc.bigInt({ min: 1n, max: 10n ** 15n }),
      scale: fc.integer({ min: 0, max: 12 }),
    })
    .map(({ numerator, scale }): Rate => ({ numerator, denominator: 10n ** BigInt(scale) }));
  /** Honest quotes near one price, so that they often agree and the rate is often quoted. */
  const nearRate = (center: bigint) =>
    fc.bigInt({ min: -30n, max: 30n }).map((offset): Rate => ({
      numerator: center * 10_000n + offset * center,
      denominator: 10_000n,
    }));

  type Round = {
    sources: string[];
    honest: string[];
    liars: string[];
    answers: SourceAnswer[];
    tolerance: bigint;
    faultTolerance: number;
  };

  /** n sources, f′ ≤ f of them liars answering anything; the honest ones may also be down or late. */
  const rounds = (honestValues: (center: bigint) => fc.Arbitrary<Rate>, honestMayFail: boolean) =>
    fc
      .record({
        n: fc.integer({ min: 1, max: 10 }),
        center: fc.bigInt({ min: 1n, max: 10n ** 9n }),
        tolerance: fc.bigInt({ min: 0n, max: 500n }),
        seed: fc.integer(),
      })
      .chain(({ n, center, tolerance }) => {
        const faultTolerance = Math.floor((n - 1) / 3);
        return fc
          .record({
            liarCount: fc.integer({ min: 0, max: faultTolerance }),
            order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
            honestRates: fc.array(honestValues(center), { minLength: n, maxLength: n }),
            liarRates: fc.array(fc.oneof(positiveRate, nearRate(center)), {
              minLength: n,
              maxLength: n,
            }),
            failures: fc.array(
              honestMayFail
                ? fc.oneof(
                    { weight: 8, arbitrary: fc.constant('ok') },
                    { weight: 1, arbitrary: fc.constantFrom('missing', 'stale', 'error') },
                  )
                : fc.constant('ok'),
              {
                minLength: n,
                maxLength: n,
              },
            ),
          })
          .map(({ liarCount, order, honestRates, liarRates, failures }): Round => {
            const sources = [...Array(n).keys()].map((index) => `s${index}`);
            const liars = new Set(order.slice(0, liarCount).map((index) => `s${index}`));
            const honest = sources.filter((source) => !liars.has(source));
            const answers = sources.flatMap((source, index): SourceAnswer[] => {
              if (liars.has(source))
                return [answer(source, liarRates[index] ?? { numerator: 1n, denominator: 1n })];
              const rate = honestRates[index] ?? { numerator: 1n, denominator: 1n };
              switch (failures[index]) {
                case 'missing':
                  return [];
                case 'stale':
                  return [answer(source, rate, 120_000)];
                case 'error':
                  return [{ source, error: new Error('down') }];
                default:
                  return [answer(source, rate)];
              }
            });
            return { sources, honest, liars: [...liars], answers, tolerance, faultTolerance };
          });
      });

  const run = ({ sources, answers, tolerance }: Round) =>
    aggregate(sources, answers, { toleranceBasisPoints: tolerance });

  const freshRatesOf = (round: Round, only?: readonly string[]) =>
    round.answers.flatMap((each) =>
      'quote' in each &&
      (only === undefined || only.includes(each.source)) &&
      each.quote.observedAt.getTime() === now.getTime()
        ? [each.quote.rate]
        : [],
    );

  it('stays within the range of the honest quotes whenever it quotes, with up to f liars', () => {
    fc.assert(
      fc.property(rounds(nearRate, true), (round) => {
        let result;
        try {
          result = run(round);
        } catch (error) {
          expect(error).toBeInstanceOf(NoQuorumError);
          return;
        }
        const honestRates = freshRatesOf(round, round.honest).sort(compareRates);
        const [lowest] = honestRates;
        const highest = honestRates.at(-1);
        if (lowest === undefined || highest === undefined)
          throw new Error('quoted without an honest quote');
        expect(compareRates(result.rate, lowest)).toBeGreaterThanOrEqual(0);
        expect(compareRates(result.rate, highest)).toBeLessThanOrEqual(0);
        expect(result.spreadBasisPoints).toBeLessThanOrEqual(round.tolerance);
      }),
      { numRuns: 500 },
    );
  });

  it('returns exactly r when the honest sources all say r, whatever up to f liars say', () => {
    fc.assert(
      fc.property(
        positiveRate.chain((r) =>
          rounds(() => fc.constant(r), false).map((round) => ({ r, round })),
        ),
        ({ r, round }) => {
          expect(run(round).rate).toEqual(reduceRate(r));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses exactly when fewer than 2f + 1 fresh quotes agree (checked against every subset)', () => {
    fc.assert(
      fc.property(rounds(nearRate, true), (round) => {
        const rates = freshRatesOf(round);
        let largest = 0;
        for (let mask = 1; mask < 1 << rates.length; mask++) {
          const subset = rates.filter((_rate, index) => (mask >> index) & 1).sort(compareRates);
          const [low] = subset;
          const high = subset.at(-1);
          if (low === undefined || high === undefined) continue;
          const agrees =
            high.numerator * low.denominator * 10_000n <=
            low.numerator * high.denominator * (10_000n + round.tolerance);
          if (agrees) largest = Math.max(largest, subset.length);
        }
        const quorum = 2 * round.faultTolerance + 1;
        let result;
        try {
          result = run(round);
        } catch (error) {
          expect(error).toBeInstanceOf(NoQuorumError);
          expect((error as NoQuorumError).details.required).toBe(quorum);
          if (largest >= quorum) expect((error as NoQuorumError).details.isConflicting).toBe(true);
          return;
        }
        expect(largest).toBeGreaterThanOrEqual(quorum);
        expect(result.sources).toHaveLength(largest);
        expect(result.sources.length + result.rejected.length).toBe(round.sources.length);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of the answers', () => {
    fc.assert(
      fc.property(
        rounds(nearRate, true).chain((round) =>
          fc
            .shuffledSubarray(round.answers, {
              minLength: round.answers.length,
              maxLength: round.answers.length,
            })
            .map((shuffled) => ({ round, shuffled })),
        ),
        ({ round, shuffled }) => {
          const outcome = (answers: readonly SourceAnswer[]) => {
            try {
              return run({ ...round, answers: [...answers] });
            } catch (error) {
              return (error as NoQuorumError).details;
            }
          };
          expect(outcome(shuffled)).toEqual(outcome(round.answers));
        },
      ),
      { numRuns: 300 },
    );
  });
});
