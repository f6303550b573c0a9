import type { Asset } from '../../shared/money/Asset.ts';
import type { Rate } from '../../shared/money/Rate.ts';
import { convertAmount } from '../../shared/money/convertAmount.ts';
import type { ConvertAmountErrorType } from '../../shared/money/convertAmount.ts';
import { invertRate } from '../../shared/money/invertRate.ts';
import { ApiError } from '../http/errors.ts';

export type ComputeOnrampPriceParameters = {
  fiat: Asset;
  asset: Asset;
  /** ASSET/FIAT: one whole `asset` is worth `rate` whole `fiat`. */
  rate: Rate;
  /** The adapter's cut of what the shopper pays, in basis points (150 = 1.5 %). */
  adapterFeeBasisPoints: number;
  /** Already in minor units of `fiat`. */
  networkFeeMinor: bigint;
  /** What the shopper fixed: what they pay (fees included), or what must arrive. */
  amount: { kind: 'fiat'; fiatAmountMinor: bigint } | { kind: 'crypto'; cryptoAmount: bigint };
};

export type OnrampPrice = {
  /** What the shopper pays: subtotal + adapter fee + network fee. */
  fiatAmountMinor: bigint;
  /** The part that buys the crypto. */
  subtotalMinor: bigint;
  adapterFeeMinor: bigint;
  networkFeeMinor: bigint;
  /** What arrives, base units of `asset`. */
  cryptoAmount: bigint;
};

export type ComputeOnrampPriceReturnType = OnrampPrice;
export type ComputeOnrampPriceErrorType = ApiError | ConvertAmountErrorType;

const basisPointsPerWhole = 10_000n;

/**
 * Prices a purchase, fees apart, always rounding against the shopper by less than one unit (an
 * on-ramp must never promise more than it delivers):
 * - from a fiat amount F: adapter fee = ⌈F · bp / 10 000⌉, subtotal = F − fees, crypto =
 *   ⌊subtotal / rate⌋;
 * - from a crypto amount C: subtotal = ⌈C · rate⌉, then the smallest F whose adapter fee
 *   ⌈F · bp / 10 000⌉ still leaves subtotal + network fee; the adapter fee shown is F − subtotal −
 *   network fee (at most one minor unit above the percentage, from rounding).
 * Either way F = subtotal + adapter fee + network fee exactly. An amount that does not cover the
 * fees, or buys nothing, is a 400 naming the field.
 */
export function computeOnrampPrice({
  fiat,
  asset,
  rate,
  adapterFeeBasisPoints,
  networkFeeMinor,
  amount,
}: ComputeOnrampPriceParameters): ComputeOnrampPriceReturnType {
  if (
    !Number.isSafeInteger(adapterFeeBasisPoints) ||
    adapterFeeBasisPoints < 0 ||
    adapterFeeBasisPoints >= 10_000
  ) {
    throw new RangeError(`adapterFeeBasisPoints must be an integer from 0 to 9999`);
  }
  if (networkFeeMinor < 0n) throw new RangeError('networkFeeMinor must not be negative');
  const basisPoints = BigInt(adapterFeeBasisPoints);
  const percentageFee = (fiatAmountMinor: bigint): bigint =>
    ceilDivide(fiatAmountMinor * basisPoints, basisPointsPerWhole);

  if (amount.kind === 'fiat') {
    const fiatAmountMinor = amount.fiatAmountMinor;
    const adapterFeeMinor = percentageFee(fiatAmountMinor);
    const subtotalMinor = fiatAmountMinor - adapterFeeMinor - networkFeeMinor;
    if (subtotalMinor <= 0n) {
      throw new ApiError({
        code: 'invalid_request',
        message: `The amount does not cover the fees (${adapterFeeMinor + networkFeeMinor} minor units of ${fiat.symbol}).`,
        param: 'fiat_amount_minor',
      });
    }
    const cryptoAmount = convertAmount({
      value: subtotalMinor,
      from: fiat,
      to: asset,
      rate: invertRate(rate),
      rounding: 'down',
    });
    if (cryptoAmount === 0n) {
      throw new ApiError({
        code: 'invalid_request',
        message: `The amount left after fees buys less than one base unit of ${asset.symbol}.`,
        param: 'fiat_amount_minor',
      });
    }
    return { fiatAmountMinor, subtotalMinor, adapterFeeMinor, networkFeeMinor, cryptoAmount };
  }

  const cryptoAmount = amount.cryptoAmount;
  const subtotalMinor = convertAmount({
    value: cryptoAmount,
    from: asset,
    to: fiat,
    rate,
    rounding: 'up',
  });
  const needed = subtotalMinor + networkFeeMinor;
  // F − ⌈F·bp/10⁴⌉ never decreases as F grows, and the first guess is at most one or two below
  // the answer, so this walks a step or two at most.
  let fiatAmountMinor = (needed * basisPointsPerWhole) / (basisPointsPerWhole - basisPoints);
  while (fiatAmountMinor - percentageFee(fiatAmountMinor) < needed) fiatAmountMinor += 1n;
  return {
    fiatAmountMinor,
    subtotalMinor,
    adapterFeeMinor: fiatAmountMinor - needed,
    networkFeeMinor,
    cryptoAmount,
  };
}

function ceilDivide(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}
