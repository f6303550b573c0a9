import { describe, expect, it } from 'vitest';
import { parseCapAmount } from './parseCapAmount.ts';

const euro = { kind: 'fiat', symbol: 'EUR', decimals: 2 } as const;
const usdc = { kind: 'crypto', symbol: 'USDC', decimals: 6 } as const;
const wei = { kind: 'crypto', symbol: 'ETH', decimals: 18 } as const;

describe('parseCapAmount', () => {
  it('reads whole and decimal amounts in base units of the asset', () => {
    expect(parseCapAmount({ text: '20', asset: euro })).toEqual({ ok: true, value: 2000n });
    expect(parseCapAmount({ text: ' 12.5 ', asset: usdc })).toEqual({
      ok: true,
      value: 12_500_000n,
    });
    expect(parseCapAmount({ text: '0.000000000000000001', asset: wei })).toEqual({
      ok: true,
      value: 1n,
    });
  });

  it('takes one comma as the decimal mark', () => {
    expect(parseCapAmount({ text: '20,50', asset: euro })).toEqual({ ok: true, value: 2050n });
  });

  it('names the asset and its decimals when there are too many decimals', () => {
    expect(parseCapAmount({ text: '1.0000001', asset: usdc })).toEqual({
      ok: false,
      problem: { kind: 'decimals', symbol: 'USDC', decimals: 6 },
    });
  });

  it('refuses empty, signed, grouped and exponent input', () => {
    expect(parseCapAmount({ text: '  ', asset: euro })).toEqual({
      ok: false,
      problem: { kind: 'empty' },
    });
    for (const text of ['-1', '1,000.00', '1e3', '1.2.3', '20,5.0', '０'])
      expect(parseCapAmount({ text, asset: euro }), text).toEqual({
        ok: false,
        problem: { kind: 'format' },
      });
  });

  it('refuses an amount no uint256 can hold', () => {
    expect(parseCapAmount({ text: '1' + '0'.repeat(78), asset: usdc })).toEqual({
      ok: false,
      problem: { kind: 'too-large' },
    });
  });
});
