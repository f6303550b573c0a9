import type { Pair } from './Pair.ts';
import { UnsupportedPairError } from './errors.ts';
import { parsePair } from './parsePair.ts';

export type RouteLeg = {
  /** One of the source's own markets. */
  readonly pair: Pair;
  /** Read it the other way round (1 / rate). */
  readonly isInverted: boolean;
};
export type PlanRouteParameters = {
  source: string;
  target: Pair;
  /** The source's own markets, in its order of preference. */
  pairs: readonly Pair[];
  /** Symbols of the source taken to mean another, like `{ USDT: 'USD' }`. */
  equivalences: Readonly<Record<string, string>>;
};
export type PlanRouteReturnType = {
  /** Multiplied in order, they give the target: base → (middle →) quote. */
  readonly legs: readonly RouteLeg[];
  /** The equivalences used, as `USDT=USD`, sorted. */
  readonly assumptions: readonly string[];
};
export type PlanRouteErrorType = UnsupportedPairError;

type Market = { pair: Pair; base: string; quote: string };
type Candidate = { legs: RouteLeg[]; assumptions: Set<string> };

/**
 * How a source can quote `target` from its own markets, deterministically: the market itself,
 * else the inverse of one, else a cross of two through a common symbol (A/B × B/C). Fewer legs
 * win, then fewer assumptions, then the source's order of markets (a direct reading before an
 * inverted one).
 */
export function planRoute({
  source,
  target,
  pairs,
  equivalences,
}: PlanRouteParameters): PlanRouteReturnType {
  const { base, quote } = parsePair(target);
  const markets: Market[] = pairs.map((pair) => parsePair(pair));
  const meaning = (symbol: string): string => equivalences[symbol] ?? symbol;

  /** Whether the source's `symbol` stands for `wanted`, and on which assumption. */
  const link = (symbol: string, wanted: string, assumptions: Set<string>): boolean => {
    if (symbol === wanted) return true;
    if (meaning(symbol) !== meaning(wanted)) return false;
    for (const name of [symbol, wanted]) {
      if (meaning(name) !== name) assumptions.add(`${name}=${meaning(name)}`);
    }
    return true;
  };
  const orientations = (market: Market) =>
    [
      { leg: { pair: market.pair, isInverted: false }, from: market.base, to: market.quote },
      { leg: { pair: market.pair, isInverted: true }, from: market.quote, to: market.base },
    ] as const;

  const single: Candidate[] = [];
  for (const market of markets) {
    for (const { leg, from, to } of orientations(market)) {
      const assumptions = new Set<string>();
      if (link(from, base, assumptions) && link(to, quote, assumptions)) {
        single.push({ legs: [leg], assumptions });
      }
    }
  }
  const best = pickFewestAssumptions(single);
  if (best !== undefined) return best;

  const double: Candidate[] = [];
  for (const first of markets) {
    for (const one of orientations(first)) {
      for (const second of markets) {
        if (second === first) continue;
        for (const two of orientations(second)) {
          const assumptions = new Set<string>();
          if (
            link(one.from, base, assumptions) &&
            link(two.from, one.to, assumptions) &&
            link(two.to, quote, assumptions)
          ) {
            double.push({ legs: [one.leg, two.leg], assumptions });
          }
        }
      }
    }
  }
  const cross = pickFewestAssumptions(double);
  if (cross !== undefined) return cross;
  throw new UnsupportedPairError({ source, pair: target });
}

function pickFewestAssumptions(candidates: readonly Candidate[]): PlanRouteReturnType | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (best === undefined || candidate.assumptions.size < best.assumptions.size) best = candidate;
  }
  return best === undefined
    ? undefined
    : { legs: best.legs, assumptions: [...best.assumptions].sort() };
}
