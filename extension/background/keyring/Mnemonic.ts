/**
 * Recovery phrases (BIP-39) in every language @scure/bip39 ships a list for, named by BCP 47
 * tag like the UI's locales. All lists are bundled: an MV3 service worker cannot import()
 * lazily. The lists are in NFKD already, so normalized input compares byte for byte.
 */
import { wordlist as czech } from '@scure/bip39/wordlists/czech.js';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as french } from '@scure/bip39/wordlists/french.js';
import { wordlist as italian } from '@scure/bip39/wordlists/italian.js';
import { wordlist as japanese } from '@scure/bip39/wordlists/japanese.js';
import { wordlist as korean } from '@scure/bip39/wordlists/korean.js';
import { wordlist as portuguese } from '@scure/bip39/wordlists/portuguese.js';
import { wordlist as simplifiedChinese } from '@scure/bip39/wordlists/simplified-chinese.js';
import { wordlist as spanish } from '@scure/bip39/wordlists/spanish.js';
import { wordlist as traditionalChinese } from '@scure/bip39/wordlists/traditional-chinese.js';

export const mnemonicLanguages = [
  'en',
  'zh-Hans',
  'zh-Hant',
  'es',
  'ja',
  'ko',
  'fr',
  'it',
  'cs',
  'pt',
] as const;
export type MnemonicLanguage = (typeof mnemonicLanguages)[number];

export const mnemonicWordlists: Readonly<Record<MnemonicLanguage, string[]>> = {
  en: english,
  'zh-Hans': simplifiedChinese,
  'zh-Hant': traditionalChinese,
  es: spanish,
  ja: japanese,
  ko: korean,
  fr: french,
  it: italian,
  cs: czech,
  pt: portuguese,
};

/** Word counts BIP-39 defines (128 to 256 bits of entropy); new phrases use 12 or 24. */
export const mnemonicWordCounts = [12, 15, 18, 21, 24] as const;

/**
 * A checked recovery phrase in canonical form: the list's words (NFKD) joined by one space, or
 * by an ideographic space (U+3000) in Japanese, as BIP-39 asks. Secret.
 */
export type Mnemonic = { phrase: string; language: MnemonicLanguage };
