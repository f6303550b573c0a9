import type { Asset } from '../../shared/money/Asset.ts';
import type { Rate } from '../../shared/money/Rate.ts';
import { convertAmount } from '../../shared/money/convertAmount.ts';
import type { ConvertAmountErrorType } from '../../shared/money/convertAmount.ts';
import { invertRate } from '../../shared/money/invertRate.ts';

export type PriceInAssetParameters = {
  /** The price, in minor units of `currency`. */
  amountMinor: bigint;
  currency: Asset;
  asset: Asset;
  /** ASSET/CURRENCY: one whole `asset` is worth `rate` whole `currency`. */
  rate: Rate;
};
export type PriceInAssetReturnType = bigint;
export type PriceInAssetErrorType = ConvertAmountErrorType;

/**
 * The price in base units of `asset`, rounded up: the merchant receives at least the price, and
 * less than one base unit more.
 */
export function priceInAsset({
  amountMinor,
  currency,
  asset,
  rate,
}: PriceInAssetParameters): PriceInAssetReturnType {
  return convertAmount({
    value: amountMinor,
    from: currency,
    to: asset,
    rate: invertRate(rate),
    rounding: 'up',
  });
}
