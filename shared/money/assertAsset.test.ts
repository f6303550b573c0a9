import { describe, expect, it } from 'vitest';
import { assertAsset } from './assertAsset.ts';
import { InvalidAssetError } from './errors.ts';

describe('assertAsset', () => {
  it.each([
    { kind: 'crypto', symbol: 'USDC', decimals: 6 },
    { kind: 'crypto', symbol: 'ETH', decimals: 18 },
    { kind: 'crypto', symbol: 'T', decimals: 0 },
    { kind: 'crypto', symbol: 'MAX', decimals: 77 },
    { kind: 'fiat', symbol: 'EUR', decimals: 2 },
  ])('accepts $symbol with $decimals decimals', (asset) => {
    expect(() => {
      assertAsset(asset);
    }).not.toThrow();
  });

  it.each([
    ['null', null, 'asset'],
    ['a string', 'USDC', 'asset'],
    ['an unknown kind', { kind: 'token', symbol: 'USDC', decimals: 6 }, 'kind'],
    ['an empty symbol', { kind: 'crypto', symbol: '', decimals: 6 }, 'symbol'],
    ['a huge symbol', { kind: 'crypto', symbol: 'X'.repeat(33), decimals: 6 }, 'symbol'],
    ['a lowercase fiat code', { kind: 'fiat', symbol: 'eur', decimals: 2 }, 'symbol'],
    ['a fiat symbol that is not a code', { kind: 'fiat', symbol: '€', decimals: 2 }, 'symbol'],
    ['negative decimals', { kind: 'crypto', symbol: 'T', decimals: -1 }, 'decimals'],
    ['78 decimals', { kind: 'crypto', symbol: 'T', decimals: 78 }, 'decimals'],
    ['fractional decimals', { kind: 'crypto', symbol: 'T', decimals: 1.5 }, 'decimals'],
    ['NaN decimals', { kind: 'crypto', symbol: 'T', decimals: Number.NaN }, 'decimals'],
    ['bigint decimals', { kind: 'crypto', symbol: 'T', decimals: 6n }, 'decimals'],
    ['string decimals', { kind: 'crypto', symbol: 'T', decimals: '6' }, 'decimals'],
  ])('refuses %s, naming the field', (_label, asset, field) => {
    expect(() => {
      assertAsset(asset);
    }).toThrow(InvalidAssetError);
    expect(() => {
      assertAsset(asset);
    }).toThrow(expect.objectContaining({ code: 'money/invalid-asset' }));
    expect(() => {
      assertAsset(asset);
    }).toThrow(`Invalid asset: ${field} must be`);
  });
});
