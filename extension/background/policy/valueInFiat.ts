/**
 * The fiat value of an amount of an asset, for caps: rounded up (a spend never counts for less
 * than it is) and only from a price the wallet may trust now. Trusted: the snapshot's quotes and
 * pegs (the wiring built them). A stablecoin is valued at its peg while the market price agrees
 * within the tolerance; otherwise at the higher of peg and market, flagged `off-peg`, which keeps
 * a payment from being automatic, as a missing or stale price does.
 */
import { maxAmount } from '../../../shared/money/Asset.ts';
import type { Rate } from '../../../shared/money/Rate.ts';
import { convertAmount } from '../../../shared/money/convertAmount.ts';
import { AmountOverflowError } from '../../../shared/money/errors.ts';
import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import type { ChainAssetReference } from './Policy.ts';
import type { PriceSnapshot } from './PriceSnapshot.ts';
import { toAssetKey } from './toAssetKey.ts';

export type ValueInFiatParameters = {
  asset: ChainAssetReference;
  /** Base units of `asset`. */
  amount: bigint;
  /** ISO 4217: the currency the caps are in. */
  currency: string;
  prices: PriceSnapshot;
  /** Milliseconds since the epoch. */
  now: number;
  maxPriceAgeSeconds: number;
  stablecoinToleranceBasisPoints: number;
};

/**
 * - priced: `value` in minor units of `currency`, rounded up; `basis` says how it was valued.
 * - off-peg: a stablecoin whose market price left its peg; `value` uses the higher of the two.
 * - stale / missing: no price the wallet may use; no value.
 */
export type FiatValuation =
  | { readonly status: 'priced'; readonly value: bigint; readonly basis: 'market' | 'peg' }
  | { readonly status: 'off-peg'; readonly value: bigint }
  | { readonly status: 'stale'; readonly observedAt: number }
  | { readonly status: 'missing' };
export type ValueInFiatReturnType = FiatValuation;
export type ValueInFiatErrorType = never;

/** A price from further in the future than this is a clock problem, not a fresh price. */
const maxClockSkewMilliseconds = 60_000;
const one: Rate = { numerator: 1n, denominator: 1n };

export function valueInFiat({
  asset,
  amount,
  currency,
  prices,
  now,
  maxPriceAgeSeconds,
  stablecoinToleranceBasisPoints,
}: ValueInFiatParameters): ValueInFiatReturnType {
  const quote = prices.currency === currency ? prices.quotes.get(toAssetKey(asset)) : undefined;
  if (quote === undefined) return { status: 'missing' };
  const age = now - quote.observedAt;
  if (age > maxPriceAgeSeconds * 1000 || age < -maxClockSkewMilliseconds)
    return { status: 'stale', observedAt: quote.observedAt };

  const convert = (rate: Rate): bigint | undefined => {
    try {
      return convertAmount({
        value: amount,
        from: { kind: 'crypto', symbol: quote.symbol, decimals: quote.decimals },
        to: fiatCurrency(currency),
        rate,
        rounding: 'up',
      });
    } catch (error) {
      // An unlimited approval is worth more than any cap: saturate rather than fail.
      if (error instanceof AmountOverflowError) return maxAmount;
      return undefined;
    }
  };

  if (quote.peg !== currency) {
    const value = convert(quote.rate);
    return value === undefined
      ? { status: 'missing' }
      : { status: 'priced', value, basis: 'market' };
  }
  const { numerator, denominator } = quote.rate;
  const distance = numerator > denominator ? numerator - denominator : denominator - numerator;
  const isOnPeg = distance * 10_000n <= BigInt(stablecoinToleranceBasisPoints) * denominator;
  if (isOnPeg) {
    const value = convert(one);
    return value === undefined ? { status: 'missing' } : { status: 'priced', value, basis: 'peg' };
  }
  const value = convert(numerator > denominator ? quote.rate : one);
  return value === undefined ? { status: 'missing' } : { status: 'off-peg', value };
}
