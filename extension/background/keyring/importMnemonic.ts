/**
 * Assumes nothing about `phrase` or `language`. Accepts a phrase only if every word is in the
 * chosen list, the count is one BIP-39 allows and the checksum holds; the error says which of
 * these failed and, for unknown words, which ones and where. Returns the canonical phrase.
 */
import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39';
import { assertMnemonicLanguage } from './assertMnemonicLanguage.ts';
import type { AssertMnemonicLanguageErrorType } from './assertMnemonicLanguage.ts';
import { mnemonicLanguages, mnemonicWordCounts, mnemonicWordlists } from './Mnemonic.ts';
import type { Mnemonic, MnemonicLanguage } from './Mnemonic.ts';
import {
  InvalidMnemonicChecksumError,
  InvalidMnemonicWordCountError,
  UnknownMnemonicWordsError,
} from './errors.ts';
import type { UnknownMnemonicWord } from './errors.ts';
import { normalizeMnemonic } from './normalizeMnemonic.ts';
import type { NormalizeMnemonicErrorType } from './normalizeMnemonic.ts';

export type ImportMnemonicParameters = { phrase: string; language?: MnemonicLanguage };
export type ImportMnemonicReturnType = Mnemonic;
export type ImportMnemonicErrorType =
  | AssertMnemonicLanguageErrorType
  | NormalizeMnemonicErrorType
  | UnknownMnemonicWordsError
  | InvalidMnemonicWordCountError
  | InvalidMnemonicChecksumError;

export function importMnemonic({
  phrase,
  language = 'en',
}: ImportMnemonicParameters): ImportMnemonicReturnType {
  assertMnemonicLanguage(language);
  const words = normalizeMnemonic(phrase);
  const wordlist = mnemonicWordlists[language];
  const known = new Set(wordlist);
  const unknown: UnknownMnemonicWord[] = words.flatMap((word, index) =>
    known.has(word) ? [] : [{ position: index + 1, word }],
  );
  if (unknown.length > 0) {
    const suggestedLanguage = mnemonicLanguages.find(
      (other) =>
        other !== language && words.every((word) => mnemonicWordlists[other].includes(word)),
    );
    throw new UnknownMnemonicWordsError({
      words: unknown,
      language,
      ...(suggestedLanguage === undefined ? {} : { suggestedLanguage }),
    });
  }
  if (!(mnemonicWordCounts as readonly number[]).includes(words.length))
    throw new InvalidMnemonicWordCountError({
      wordCount: words.length,
      allowed: mnemonicWordCounts,
    });
  let entropy: Uint8Array;
  try {
    entropy = mnemonicToEntropy(words.join(' '), wordlist);
  } catch {
    // Words and count are checked above, so the checksum is all that is left to fail.
    throw new InvalidMnemonicChecksumError({ wordCount: words.length });
  }
  try {
    return { phrase: entropyToMnemonic(entropy, wordlist), language };
  } finally {
    entropy.fill(0);
  }
}
