import { describe, expect, it } from 'vitest';
import { TpError } from '../../shared/errors/TpError.ts';
import { createTranslator } from '../../shared/i18n/index.ts';
import { describeError } from './describeError.ts';

const en = createTranslator('en');
const zhCN = createTranslator('zh-CN');

describe('describeError', () => {
  it('explains known codes in the user’s language', () => {
    const error = new TpError({
      code: 'vault/wrong-password-or-tampered',
      shortMessage: 'Wrong password, or the stored vault was modified.',
    });
    expect(describeError(error, en, 'en')).toBe('Wrong password.');
    expect(describeError(error, zhCN, 'zh-CN')).toBe('密码错误。');
  });

  it('names each unknown word with its position', () => {
    const error = new TpError({
      code: 'mnemonic/unknown-words',
      shortMessage: 'These words are not in the recovery-phrase word list.',
      details: {
        words: [
          { position: 3, word: 'abandn' },
          { position: 7, word: 'zooo' },
        ],
        language: 'en',
      },
    });
    expect(describeError(error, en, 'en')).toBe(
      'Not in the word list: word 3 “abandn” and word 7 “zooo”.',
    );
  });

  it('counts the unknown words instead of naming them when there are many', () => {
    const words = [1, 2, 3, 4].map((position) => ({ position, word: 'test' }));
    const error = new TpError({
      code: 'mnemonic/unknown-words',
      shortMessage: 'These words are not in the recovery-phrase word list.',
      details: { words, language: 'fr', suggestedLanguage: 'en' },
    });
    expect(describeError(error, en, 'en')).toBe('4 words are not in the word list.');
  });

  it('fills in the numbers the details carry', () => {
    const error = new TpError({
      code: 'mnemonic/invalid-word-count',
      shortMessage: 'A recovery phrase has 12, 15, 18, 21, 24 words; this one has 11.',
      details: { wordCount: 11, allowed: [12, 15, 18, 21, 24] },
    });
    expect(describeError(error, en, 'en')).toBe(
      'A recovery phrase has 12, 15, 18, 21 or 24 words; this one has 11.',
    );
  });

  it("shows the worker's own sentence for a code it does not know", () => {
    const error = new TpError({ code: 'chain/unreachable', shortMessage: 'The chain is down.' });
    expect(describeError(error, en, 'en')).toBe('The chain is down.');
  });

  it('never shows the text of an unexpected exception', () => {
    expect(describeError(new TypeError('x is undefined'), en, 'en')).toBe(
      'Something went wrong. Try again.',
    );
  });
});
