import { describe, expect, it } from 'vitest';
import { parseFiatInput } from './parseFiatInput.ts';

const euro = { currency: 'EUR', decimals: 2 };

describe('parseFiatInput', () => {
  it('reads whole and decimal amounts as minor units', () => {
    expect(parseFiatInput({ ...euro, text: '20' })).toEqual({ ok: true, value: 2000n });
    expect(parseFiatInput({ ...euro, text: ' 20.5 ' })).toEqual({ ok: true, value: 2050n });
    expect(parseFiatInput({ ...euro, text: '0.01' })).toEqual({ ok: true, value: 1n });
  });

  it('takes a lone comma as the decimal mark', () => {
    expect(parseFiatInput({ ...euro, text: '20,50' })).toEqual({ ok: true, value: 2050n });
  });

  it('refuses grouping, signs, exponents and two marks', () => {
    for (const text of ['1,000.00', '-5', '1e3', '1.000,50', '20 €', '２０'])
      expect(parseFiatInput({ ...euro, text }), text).toEqual({ ok: false, problem: 'format' });
  });

  it('says when more decimals were typed than the currency has', () => {
    expect(parseFiatInput({ ...euro, text: '0.001' })).toEqual({ ok: false, problem: 'decimals' });
    expect(parseFiatInput({ currency: 'JPY', decimals: 0, text: '100.5' })).toEqual({
      ok: false,
      problem: 'decimals',
    });
  });

  it('says when nothing was typed', () => {
    expect(parseFiatInput({ ...euro, text: '   ' })).toEqual({ ok: false, problem: 'empty' });
  });
});
