import { mnemonicLanguages } from './Mnemonic.ts';
import type { MnemonicLanguage } from './Mnemonic.ts';
import { UnsupportedMnemonicLanguageError } from './errors.ts';

export type AssertMnemonicLanguageErrorType = UnsupportedMnemonicLanguageError;

export function assertMnemonicLanguage(language: unknown): asserts language is MnemonicLanguage {
  if (typeof language !== 'string' || !(mnemonicLanguages as readonly string[]).includes(language))
    throw new UnsupportedMnemonicLanguageError({ language, supported: mnemonicLanguages });
}
