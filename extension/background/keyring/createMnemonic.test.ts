import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { mnemonicLanguages } from './Mnemonic.ts';
import { createMnemonic } from './createMnemonic.ts';
import { KeyringInvalidArgumentError, UnsupportedMnemonicLanguageError } from './errors.ts';
import trezor from './fixtures/bip39-trezor-english.json' with { type: 'json' };

describe('createMnemonic', () => {
  it.each(
    trezor.english
      .filter(([entropy = '']) => entropy.length === 32 || entropy.length === 64)
      .map(([entropy = '', phrase = '']) => [entropy, phrase]),
  )('turns the entropy %s into the Trezor phrase', (entropy, phrase) => {
    const wordCount = entropy.length === 32 ? 12 : 24;
    expect(createMnemonic({ wordCount, randomBytes: () => hexToBytes(entropy) })).toEqual({
      phrase,
      language: 'en',
    });
  });

  it('makes 12 English words by default and 24 on request, from fresh randomness', () => {
    const first = createMnemonic();
    expect(first.language).toBe('en');
    expect(first.phrase.split(' ')).toHaveLength(12);
    expect(createMnemonic({ wordCount: 24 }).phrase.split(' ')).toHaveLength(24);
    expect(createMnemonic().phrase).not.toBe(first.phrase);
  });

  it.each(mnemonicLanguages)('makes a phrase in %s', (language) => {
    const { phrase } = createMnemonic({ language, wordCount: 24 });
    expect(phrase.split(language === 'ja' ? '\u3000' : ' ')).toHaveLength(24);
  });

  it('refuses other word counts, unknown languages and a broken random source', () => {
    expect(() => createMnemonic({ wordCount: 18 as 12 })).toThrow(KeyringInvalidArgumentError);
    expect(() => createMnemonic({ language: 'xx' as 'en' })).toThrow(
      UnsupportedMnemonicLanguageError,
    );
    expect(() => createMnemonic({ randomBytes: () => new Uint8Array(15) })).toThrow(
      KeyringInvalidArgumentError,
    );
  });
});
