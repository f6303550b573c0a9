import { maxAssetDecimals } from './Asset.ts';
import type { Asset } from './Asset.ts';
import { InvalidAssetError } from './errors.ts';

export type AssertAssetErrorType = InvalidAssetError;

const maxSymbolLength = 32;

/**
 * Checks an asset at runtime (it may come from storage, a message or a merchant's config), so the
 * money functions can trust `decimals` when they compute 10^decimals.
 */
export function assertAsset(asset: unknown): asserts asset is Asset {
  if (typeof asset !== 'object' || asset === null) {
    throw new InvalidAssetError({ field: 'asset', expected: 'an object', received: asset });
  }
  const { kind, symbol, decimals } = asset as Record<string, unknown>;
  if (kind !== 'fiat' && kind !== 'crypto') {
    throw new InvalidAssetError({ field: 'kind', expected: '"fiat" or "crypto"', received: kind });
  }
  if (typeof symbol !== 'string' || symbol.length === 0 || symbol.length > maxSymbolLength) {
    const expected = `a string of 1 to ${maxSymbolLength} characters`;
    throw new InvalidAssetError({ field: 'symbol', expected, received: symbol });
  }
  // Intl.NumberFormat needs a well-formed ISO 4217 code to show a fiat currency.
  if (kind === 'fiat' && !/^[A-Z]{3}$/.test(symbol)) {
    const expected = 'an ISO 4217 code of three capital letters for fiat';
    throw new InvalidAssetError({ field: 'symbol', expected, received: symbol });
  }
  if (
    typeof decimals !== 'number' ||
    !Number.isInteger(decimals) ||
    decimals < 0 ||
    decimals > maxAssetDecimals
  ) {
    const expected = `an integer from 0 to ${maxAssetDecimals}`;
    throw new InvalidAssetError({ field: 'decimals', expected, received: decimals });
  }
}
