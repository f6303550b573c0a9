import { bytesToHex } from '@noble/hashes/utils.js';
import { mnemonicToEntropy } from '@scure/bip39';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mnemonicLanguages, mnemonicWordlists } from './Mnemonic.ts';
import { createMnemonic } from './createMnemonic.ts';
import {
  InvalidMnemonicChecksumError,
  InvalidMnemonicInputError,
  InvalidMnemonicWordCountError,
  UnknownMnemonicWordsError,
  UnsupportedMnemonicLanguageError,
} from './errors.ts';
import trezor from './fixtures/bip39-trezor-english.json' with { type: 'json' };
import { importMnemonic } from './importMnemonic.ts';

const about =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('importMnemonic', () => {
  it.each(
    trezor.english.map(([entropy = '', phrase = '']) => [
      phrase.split(' ').length,
      phrase,
      entropy,
    ]),
  )('accepts the Trezor vector of %i words "%s"', (_count, phrase, entropy) => {
    const mnemonic = importMnemonic({ phrase });
    expect(mnemonic).toEqual({ phrase, language: 'en' });
    expect(bytesToHex(mnemonicToEntropy(mnemonic.phrase, mnemonicWordlists.en))).toBe(entropy);
  });

  it('normalizes case, spacing and line breaks to the canonical phrase', () => {
    const messy = `  ABANDON abandon\tabandon\n abandon  abandon abandon\r\nabandon abandon abandon abandon abandon About `;
    expect(importMnemonic({ phrase: messy }).phrase).toBe(about);
  });

  it('reads Spanish typed with composed accents (NFC) as the NFKD list words', () => {
    const { phrase } = createMnemonic({
      language: 'es',
      randomBytes: () => new Uint8Array(16).fill(0x21),
    });
    const typed = phrase.normalize('NFC').toUpperCase();
    expect(importMnemonic({ phrase: typed, language: 'es' }).phrase).toBe(phrase);
  });

  it('writes Japanese with ideographic spaces and reads it back with plain ones', () => {
    const { phrase } = createMnemonic({ language: 'ja', randomBytes: () => new Uint8Array(16) });
    expect(phrase.split('\u3000')).toHaveLength(12);
    expect(phrase).not.toContain(' ');
    expect(
      importMnemonic({ phrase: phrase.replaceAll('\u3000', ' '), language: 'ja' }).phrase,
    ).toBe(phrase);
    expect(importMnemonic({ phrase: phrase.normalize('NFC'), language: 'ja' }).phrase).toBe(phrase);
  });

  it('names each unknown word with its 1-based position', () => {
    const error = thrownBy(() =>
      importMnemonic({
        phrase:
          'abandon abandn abandon abandon abandon abandon abandon abandon abandon xyz abandon about',
      }),
    );
    expect(error).toBeInstanceOf(UnknownMnemonicWordsError);
    expect(error).toMatchObject({
      code: 'mnemonic/unknown-words',
      details: {
        words: [
          { position: 2, word: 'abandn' },
          { position: 10, word: 'xyz' },
        ],
        language: 'en',
      },
    });
    expect((error as Error).message).toContain('"abandn" (word 2), "xyz" (word 10)');
  });

  it('suggests the language whose list has every word', () => {
    const french = createMnemonic({
      language: 'fr',
      randomBytes: () => new Uint8Array(16).fill(7),
    });
    const error = thrownBy(() => importMnemonic({ phrase: french.phrase }));
    expect(error).toMatchObject({
      code: 'mnemonic/unknown-words',
      details: { suggestedLanguage: 'fr' },
    });
  });

  it('says the checksum is wrong when every word is known', () => {
    const error = thrownBy(() => importMnemonic({ phrase: about.replace(/about$/, 'abandon') }));
    expect(error).toBeInstanceOf(InvalidMnemonicChecksumError);
    expect(error).toMatchObject({ code: 'mnemonic/invalid-checksum', details: { wordCount: 12 } });
  });

  it.each([0, 1, 11, 13, 25])('refuses %i known words as a wrong count', (count) => {
    const error = thrownBy(() =>
      importMnemonic({ phrase: Array(count).fill('abandon').join(' ') }),
    );
    expect(error).toBeInstanceOf(InvalidMnemonicWordCountError);
    expect(error).toMatchObject({ details: { wordCount: count, allowed: [12, 15, 18, 21, 24] } });
  });

  it('refuses input that is not text or not well-formed', () => {
    expect(() => importMnemonic({ phrase: 12 as unknown as string })).toThrow(
      InvalidMnemonicInputError,
    );
    expect(() => importMnemonic({ phrase: `${about}\uD800` })).toThrow(InvalidMnemonicInputError);
    expect(() => importMnemonic({ phrase: 'abandon '.repeat(200) })).toThrow(
      InvalidMnemonicInputError,
    );
  });

  it('refuses a language without a word list', () => {
    expect(() => importMnemonic({ phrase: about, language: 'de' as 'en' })).toThrow(
      UnsupportedMnemonicLanguageError,
    );
  });

  describe('properties', () => {
    it('reads back every phrase it creates, in every language', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...mnemonicLanguages),
          fc.constantFrom(12 as const, 24 as const),
          fc.uint8Array({ minLength: 32, maxLength: 32 }),
          (language, wordCount, entropy) => {
            const created = createMnemonic({
              language,
              wordCount,
              randomBytes: (n) => entropy.slice(0, n),
            });
            expect(importMnemonic({ phrase: created.phrase, language })).toEqual(created);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('answers any sequence of list words with a phrase or a typed error', () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: 2047 }), { minLength: 0, maxLength: 30 }),
          (indexes) => {
            const phrase = indexes.map((index) => mnemonicWordlists.en[index]).join(' ');
            try {
              expect(importMnemonic({ phrase }).phrase).toBe(phrase);
            } catch (error) {
              expect([InvalidMnemonicChecksumError, InvalidMnemonicWordCountError]).toContainEqual(
                (error as Error).constructor,
              );
            }
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
