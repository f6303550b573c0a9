import { describe, expect, it } from 'vitest';
import { toAssetKey } from './toAssetKey.ts';

describe('toAssetKey', () => {
  it('gives one key per asset whatever the address spelling', () => {
    expect(toAssetKey({ chainId: 1, asset: '0x5FbDB2315678afecb367f032d93F642f64180aa3' })).toBe(
      toAssetKey({ chainId: 1, asset: '0x5fbdb2315678afecb367f032d93f642f64180aa3' }),
    );
  });

  it('keeps chains and the native coin apart', () => {
    expect(toAssetKey({ chainId: 1, asset: 'native' })).toBe('1:native');
    expect(toAssetKey({ chainId: 10, asset: 'native' })).not.toBe(
      toAssetKey({ chainId: 1, asset: 'native' }),
    );
  });
});
