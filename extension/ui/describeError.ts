import { TpError } from '../../shared/errors/TpError.ts';
import type { Locale, MessageKey, Translator } from '../../shared/i18n/index.ts';
import { minimumPasswordLength } from './passwordStrength.ts';
import { readUnknownWords } from './readUnknownWords.ts';

/** Error codes the UI explains in the user's language; anything else shows the worker's text. */
const messageKeys: Readonly<Record<string, MessageKey>> = {
  'vault/wrong-password-or-tampered': 'error.wrongPassword',
  'vault/locked-out': 'error.lockedOut',
  'wallet/locked': 'error.locked',
  'vault/invalid-password': 'error.invalidPassword',
  'vault/corrupt': 'error.vaultCorrupt',
  'vault/unsupported-version': 'error.vaultCorrupt',
  'mnemonic/invalid-input': 'error.phraseUnreadable',
  'mnemonic/unsupported-language': 'error.phraseLanguage',
  'mnemonic/invalid-word-count': 'error.phraseWordCount',
  'mnemonic/invalid-checksum': 'error.phraseChecksum',
  'keyring/invalid-private-key': 'error.invalidPrivateKey',
  'keyring/duplicate-account': 'error.duplicateAccount',
  'keyring/invalid-account-name': 'error.invalidAccountName',
  'keyring/last-visible-account': 'error.lastVisibleAccount',
  'keyring/account-limit': 'error.accountLimit',
  'ui/no-answer': 'error.noAnswer',
  'ui/invalid-reply': 'error.noAnswer',
};

/**
 * One sentence for people about `error`, in their language. `mnemonic/unknown-words` names each
 * unknown word with its position, so a typo can be found.
 */
export function describeError(error: unknown, t: Translator, locale: Locale): string {
  if (!(error instanceof TpError)) return t('error.unexpected');
  if (error.code === 'mnemonic/unknown-words') {
    const words = readUnknownWords(error.details);
    if (words.length === 0) return t('error.phraseUnknownWordsUnnamed');
    // Beyond a few, a sentence naming each word is unreadable; the form lists them instead.
    if (words.length > 3) return t('error.phraseUnknownWordsMany', { count: words.length });
    const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
      words.map(({ position, word }) => t('error.wordAtPosition', { position, word })),
    );
    return t('error.phraseUnknownWords', { words: list });
  }
  const key = messageKeys[error.code];
  if (key === undefined) return error.shortMessage;
  const { wordCount, limit } = error.details;
  return t(key, {
    minimum: minimumPasswordLength,
    ...(typeof wordCount === 'number' ? { count: wordCount } : {}),
    ...(typeof limit === 'number' ? { limit } : {}),
  });
}
