/**
 * Trusts the platform CSPRNG (crypto.getRandomValues) unless a source is injected for tests.
 * A new recovery phrase: 12 words (128 bits) or 24 words (256 bits), in the chosen language.
 */
import { entropyToMnemonic } from '@scure/bip39';
import { randomBytes as secureRandomBytes } from '@noble/hashes/utils.js';
import { assertMnemonicLanguage } from './assertMnemonicLanguage.ts';
import type { AssertMnemonicLanguageErrorType } from './assertMnemonicLanguage.ts';
import { mnemonicWordlists } from './Mnemonic.ts';
import type { Mnemonic, MnemonicLanguage } from './Mnemonic.ts';
import { KeyringInvalidArgumentError } from './errors.ts';

export type CreateMnemonicParameters = {
  wordCount?: 12 | 24;
  language?: MnemonicLanguage;
  /** Injectable for known-answer tests only. */
  randomBytes?: (length: number) => Uint8Array;
};
export type CreateMnemonicReturnType = Mnemonic;
export type CreateMnemonicErrorType = AssertMnemonicLanguageErrorType | KeyringInvalidArgumentError;

export function createMnemonic({
  wordCount = 12,
  language = 'en',
  randomBytes = secureRandomBytes,
}: CreateMnemonicParameters = {}): CreateMnemonicReturnType {
  assertMnemonicLanguage(language);
  if (!([12, 24] as unknown[]).includes(wordCount))
    throw new KeyringInvalidArgumentError({ argument: 'wordCount', expected: '12 or 24' });
  const entropyBytes = wordCount === 12 ? 16 : 32;
  const entropy = randomBytes(entropyBytes);
  if (!(entropy instanceof Uint8Array) || entropy.length !== entropyBytes)
    throw new KeyringInvalidArgumentError({ argument: 'randomBytes', expected: 'a byte source' });
  try {
    return { phrase: entropyToMnemonic(entropy, mnemonicWordlists[language]), language };
  } finally {
    entropy.fill(0);
  }
}
