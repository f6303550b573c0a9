/**
 * Assumes nothing about `phrase` (typed or pasted by the user). Returns its words as BIP-39
 * compares them: NFKD, lower case, split on any run of whitespace (NFKD already turns the
 * Japanese ideographic space into a plain one). Checks no word against a list.
 */
import { InvalidMnemonicInputError } from './errors.ts';

export type NormalizeMnemonicReturnType = string[];
export type NormalizeMnemonicErrorType = InvalidMnemonicInputError;

/** 24 words of at most 8 letters in any list, with room for generous spacing. */
const maximumPhraseLength = 1024;
const loneSurrogate = /[\uD800-\uDFFF]/u;

export function normalizeMnemonic(phrase: string): NormalizeMnemonicReturnType {
  if (typeof phrase !== 'string') throw new InvalidMnemonicInputError({ reason: 'it is not text' });
  if (phrase.length > maximumPhraseLength)
    throw new InvalidMnemonicInputError({
      reason: `it is longer than ${maximumPhraseLength} characters`,
    });
  if (loneSurrogate.test(phrase))
    throw new InvalidMnemonicInputError({ reason: 'it contains invalid Unicode' });
  const normalized = phrase.normalize('NFKD').toLowerCase().normalize('NFKD').trim();
  return normalized === '' ? [] : normalized.split(/\s+/u);
}
