import type { Rate } from '../../shared/money/Rate.ts';
import { assertRate } from '../../shared/money/assertRate.ts';
import { TpError } from '../../shared/errors/TpError.ts';
import type { Pair } from './Pair.ts';
import type { SourceAnswer } from './SourceAnswer.ts';
import { compareRates } from './compareRates.ts';
import { InvalidRatesInputError, NoQuorumError } from './errors.ts';
import { medianRate } from './medianRate.ts';
import { parsePair } from './parsePair.ts';

/*
 * Trusted: the configuration (which sources, the tolerance, the maximum age) and the clock.
 * Not trusted: every source. Up to f = ⌊(n − 1) / 3⌋ of the n configured sources may be down, late
 * or lying (any value, colluding); the rate then stays within the range of the honest quotes,
 * and with fewer than 2f + 1 agreeing sources there is no rate at all.
 *
 * Agreement, precisely: a set of quotes agrees when its largest rate is at most its smallest
 * times (1 + tolerance), that is, every two of them are within the tolerance of each other
 * (measured from the smaller). Such a set is a run of consecutive quotes once sorted, so the
 * largest agreeing set is the longest such run; among runs equally long the tighter one wins,
 * then the lower one. If two equally long runs share no quote, the sources split into camps we
 * cannot tell apart: no rate. All of it in exact rational arithmetic.
 */

export type RejectionReason = 'missing' | 'error' | 'stale' | 'outlier';

export type RejectedSource = {
  readonly source: string;
  readonly reason: RejectionReason;
  /** For people: the error code, the age, or how far from the agreeing sources. */
  readonly detail: string;
  /** The rate it gave, for stale quotes and outliers. */
  readonly rate?: Rate;
};
export type UsedSource = {
  readonly source: string;
  readonly rate: Rate;
  readonly observedAt: Date;
  /** What the source's quote relied on, like `USDT=USD` (see `SourceQuote`). */
  readonly assumptions: readonly string[];
};

export type AggregateRatesParameters = {
  pair: Pair;
  /** Every source configured for the pair: n counts these, answered or not. */
  sources: readonly string[];
  answers: readonly SourceAnswer[];
  /** How far apart agreeing quotes may be: 50n is 0.5%. */
  toleranceBasisPoints: bigint;
  /** Quotes observed longer ago than this do not count. */
  maxAgeMs: number;
  now: Date;
};
export type AggregateRatesReturnType = {
  readonly pair: Pair;
  /** The median of the agreeing quotes, in lowest terms. */
  readonly rate: Rate;
  /** The agreeing sources, in configured order. */
  readonly sources: readonly UsedSource[];
  /** The others, in configured order. */
  readonly rejected: readonly RejectedSource[];
  /** (max / min − 1) of the agreeing quotes in basis points, rounded up. */
  readonly spreadBasisPoints: bigint;
  /** now − the oldest agreeing quote's time. */
  readonly ageMs: number;
  /** f: how many sources may fail or lie. */
  readonly faultTolerance: number;
  /** 2f + 1: how many had to agree. */
  readonly quorum: number;
  readonly computedAt: Date;
};
export type AggregateRatesErrorType = NoQuorumError | InvalidRatesInputError;

type Candidate = UsedSource;
type Run = { start: number; end: number };

const basisPointsPerUnit = 10_000n;

/** The Byzantine-tolerant rate for one pair from its sources' answers (see the top of the file). */
export function aggregateRates({
  pair,
  sources,
  answers,
  toleranceBasisPoints,
  maxAgeMs,
  now,
}: AggregateRatesParameters): AggregateRatesReturnType {
  parsePair(pair);
  assertParameters({ sources, toleranceBasisPoints, maxAgeMs, now });
  const answerBySource = indexAnswers(sources, answers);
  const faultTolerance = Math.floor((sources.length - 1) / 3);
  const quorum = 2 * faultTolerance + 1;

  const rejectionBySource = new Map<string, RejectedSource>();
  const candidates: Candidate[] = [];
  for (const source of sources) {
    const answer = answerBySource.get(source);
    const reject = (reason: RejectionReason, detail: string, rate?: Rate) =>
      rejectionBySource.set(
        source,
        rate === undefined ? { source, reason, detail } : { source, reason, detail, rate },
      );
    if (answer === undefined) {
      reject('missing', 'no answer');
    } else if ('error' in answer) {
      reject('error', describeError(answer.error));
    } else {
      const { quote } = answer;
      const rate: unknown = quote.rate;
      const observedAt: unknown = quote.observedAt;
      if (quote.source !== source || quote.pair !== pair) {
        reject('error', `answered as ${quote.source} for ${quote.pair}`);
      } else if (!isRate(rate)) {
        reject('error', 'not a positive rational rate');
      } else if (!(observedAt instanceof Date) || Number.isNaN(observedAt.getTime())) {
        reject('error', 'no valid observation time');
      } else if (observedAt.getTime() > now.getTime()) {
        reject('error', `observed in the future (${observedAt.toISOString()})`);
      } else if (now.getTime() - observedAt.getTime() > maxAgeMs) {
        reject(
          'stale',
          `observed ${now.getTime() - observedAt.getTime()} ms ago, max ${maxAgeMs}`,
          rate,
        );
      } else {
        candidates.push({ source, rate, observedAt, assumptions: [...quote.assumptions] });
      }
    }
  }

  candidates.sort((a, b) => compareRates(a.rate, b.rate) || (a.source < b.source ? -1 : 1));
  const runs = candidates.map((_candidate, start) => ({
    start,
    end: lastAgreeing(candidates, start, toleranceBasisPoints),
  }));
  const chosen = runs.reduce<Run | undefined>(
    (best, run) => (best === undefined || isBetter(candidates, run, best) ? run : best),
    undefined,
  );
  const size = chosen === undefined ? 0 : chosen.end - chosen.start + 1;
  const agreeing = chosen === undefined ? [] : candidates.slice(chosen.start, chosen.end + 1);
  const isConflicting =
    chosen !== undefined &&
    runs.some(
      (run) =>
        run.end - run.start + 1 === size && (run.start > chosen.end || run.end < chosen.start),
    );

  const lowest = agreeing[0];
  const highest = agreeing.at(-1);
  for (const candidate of candidates) {
    if (agreeing.includes(candidate)) continue;
    const detail =
      lowest === undefined || highest === undefined
        ? 'no agreeing sources'
        : compareRates(candidate.rate, lowest.rate) < 0
          ? `${distanceBasisPoints(candidate.rate, lowest.rate)} bp below the agreeing sources`
          : `${distanceBasisPoints(candidate.rate, highest.rate)} bp above the agreeing sources`;
    rejectionBySource.set(candidate.source, {
      source: candidate.source,
      reason: 'outlier',
      detail,
      rate: candidate.rate,
    });
  }
  const rejected = sources.flatMap((source) => rejectionBySource.get(source) ?? []);

  if (size < quorum || isConflicting || lowest === undefined || highest === undefined) {
    throw new NoQuorumError({
      pair,
      sources,
      required: quorum,
      agreeing: sources.filter((source) =>
        agreeing.some((candidate) => candidate.source === source),
      ),
      out: rejected.map(({ source, reason, detail }) => ({ source, reason, detail })),
      isConflicting,
    });
  }

  const oldest = Math.min(...agreeing.map((candidate) => candidate.observedAt.getTime()));
  return {
    pair,
    rate: medianRate(agreeing.map((candidate) => candidate.rate)),
    sources: sources.flatMap((source) => {
      const candidate = agreeing.find((each) => each.source === source);
      return candidate === undefined ? [] : [candidate];
    }),
    rejected,
    spreadBasisPoints: spreadBasisPoints(highest.rate, lowest.rate),
    ageMs: now.getTime() - oldest,
    faultTolerance,
    quorum,
    computedAt: new Date(now.getTime()),
  };
}

/** The last index from `start` whose rate is within the tolerance of the rate at `start`. */
function lastAgreeing(
  sorted: readonly Candidate[],
  start: number,
  toleranceBasisPoints: bigint,
): number {
  const low = sorted[start]?.rate;
  let end = start;
  for (let index = start + 1; index < sorted.length; index++) {
    const high = sorted[index]?.rate;
    if (
      low === undefined ||
      high === undefined ||
      !isWithinTolerance(low, high, toleranceBasisPoints)
    )
      break;
    end = index;
  }
  return end;
}

/** high ≤ low · (1 + tolerance), cross-multiplied so that nothing is rounded. */
function isWithinTolerance(low: Rate, high: Rate, toleranceBasisPoints: bigint): boolean {
  return (
    high.numerator * low.denominator * basisPointsPerUnit <=
    low.numerator * high.denominator * (basisPointsPerUnit + toleranceBasisPoints)
  );
}

/** Longer first, then tighter (smaller max/min), then lower (earlier start). */
function isBetter(sorted: readonly Candidate[], run: Run, best: Run): boolean {
  const length = run.end - run.start;
  const bestLength = best.end - best.start;
  if (length !== bestLength) return length > bestLength;
  const [low, high, bestLow, bestHigh] = [
    sorted[run.start],
    sorted[run.end],
    sorted[best.start],
    sorted[best.end],
  ];
  if (low === undefined || high === undefined || bestLow === undefined || bestHigh === undefined)
    return false;
  // high/low < bestHigh/bestLow ⇔ high·bestLow < bestHigh·low
  const order = compareRates(
    {
      numerator: high.rate.numerator * bestLow.rate.numerator,
      denominator: high.rate.denominator * bestLow.rate.denominator,
    },
    {
      numerator: bestHigh.rate.numerator * low.rate.numerator,
      denominator: bestHigh.rate.denominator * low.rate.denominator,
    },
  );
  return order < 0 || (order === 0 && run.start < best.start);
}

/** ⌈(high / low − 1) · 10 000⌉, for high ≥ low. */
function spreadBasisPoints(high: Rate, low: Rate): bigint {
  const numerator =
    (high.numerator * low.denominator - low.numerator * high.denominator) * basisPointsPerUnit;
  const denominator = low.numerator * high.denominator;
  return (numerator + denominator - 1n) / denominator;
}

/** ⌈|rate − edge| / edge · 10 000⌉: how far an outlier is from the nearest agreeing rate. */
function distanceBasisPoints(rate: Rate, edge: Rate): bigint {
  const difference = rate.numerator * edge.denominator - edge.numerator * rate.denominator;
  const numerator = (difference < 0n ? -difference : difference) * basisPointsPerUnit;
  const denominator = edge.numerator * rate.denominator;
  return (numerator + denominator - 1n) / denominator;
}

function isRate(value: unknown): value is Rate {
  try {
    assertRate(value);
    return true;
  } catch {
    return false;
  }
}

function describeError(error: unknown): string {
  if (error instanceof TpError) return `${error.code}: ${error.shortMessage}`;
  return 'unexpected error';
}

function indexAnswers(
  sources: readonly string[],
  answers: readonly SourceAnswer[],
): Map<string, SourceAnswer> {
  const configured = new Set(sources);
  const bySource = new Map<string, SourceAnswer>();
  for (const answer of answers) {
    if (!configured.has(answer.source)) {
      throw new InvalidRatesInputError({
        field: 'answers',
        reason: 'an answer from a source not configured',
        received: answer.source,
      });
    }
    if (bySource.has(answer.source)) {
      throw new InvalidRatesInputError({
        field: 'answers',
        reason: 'two answers from one source',
        received: answer.source,
      });
    }
    bySource.set(answer.source, answer);
  }
  return bySource;
}

function assertParameters({
  sources,
  toleranceBasisPoints,
  maxAgeMs,
  now,
}: Pick<AggregateRatesParameters, 'sources' | 'toleranceBasisPoints' | 'maxAgeMs' | 'now'>): void {
  if (sources.length === 0) {
    throw new InvalidRatesInputError({
      field: 'sources',
      reason: 'at least one source must be configured',
    });
  }
  if (new Set(sources).size !== sources.length) {
    throw new InvalidRatesInputError({
      field: 'sources',
      reason: 'a source is listed twice',
      received: sources.join(','),
    });
  }
  if (
    typeof toleranceBasisPoints !== 'bigint' ||
    toleranceBasisPoints < 0n ||
    toleranceBasisPoints > basisPointsPerUnit
  ) {
    throw new InvalidRatesInputError({
      field: 'toleranceBasisPoints',
      reason: 'expected a bigint from 0n to 10000n',
      received: toleranceBasisPoints,
    });
  }
  if (typeof maxAgeMs !== 'number' || !Number.isFinite(maxAgeMs) || maxAgeMs < 0) {
    throw new InvalidRatesInputError({
      field: 'maxAgeMs',
      reason: 'expected a finite number ≥ 0',
      received: maxAgeMs,
    });
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new InvalidRatesInputError({
      field: 'now',
      reason: 'expected a valid Date',
      received: now,
    });
  }
}
