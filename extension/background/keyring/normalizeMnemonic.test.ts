import { describe, expect, it } from 'vitest';
import { InvalidMnemonicInputError } from './errors.ts';
import { normalizeMnemonic } from './normalizeMnemonic.ts';

describe('normalizeMnemonic', () => {
  it('lowercases and splits on any run of whitespace', () => {
    expect(normalizeMnemonic('  Zoo\u00a0ZOO\t\nwrong  ')).toEqual(['zoo', 'zoo', 'wrong']);
  });

  it('turns the ideographic space into a separator and decomposes (NFKD)', () => {
    expect(normalizeMnemonic('あいこくしん\u3000がっこう')).toEqual([
      'あいこくしん',
      'か\u3099っこう',
    ]);
    expect(normalizeMnemonic('ÁBACO')).toEqual(['a\u0301baco']);
  });

  it('returns no words for blank input', () => {
    expect(normalizeMnemonic(' \n\t ')).toEqual([]);
  });

  it('refuses lone surrogates and oversized input', () => {
    expect(() => normalizeMnemonic('\uDC00')).toThrow(InvalidMnemonicInputError);
    expect(() => normalizeMnemonic('a'.repeat(1025))).toThrow(InvalidMnemonicInputError);
  });
});
