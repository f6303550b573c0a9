import { TpError } from '../../../shared/errors/TpError.ts';

/**
 * The errors of the keyring and its recovery phrases; each `code` is stable and part of the API.
 * They never carry a private key or a whole phrase. UnknownMnemonicWordsError does name the
 * unknown words (the user needs them to fix a typo): treat `mnemonic/*` details as secret-adjacent
 * and keep them out of logs and telemetry.
 */

export class InvalidMnemonicInputError extends TpError {
  override name = 'InvalidMnemonicInputError';
  override readonly code = 'mnemonic/invalid-input';

  constructor({ reason }: { reason: string }) {
    super({
      code: 'mnemonic/invalid-input',
      shortMessage: `The recovery phrase cannot be read: ${reason}.`,
      details: { reason },
    });
  }
}

export class UnsupportedMnemonicLanguageError extends TpError {
  override name = 'UnsupportedMnemonicLanguageError';
  override readonly code = 'mnemonic/unsupported-language';

  constructor({ language, supported }: { language: unknown; supported: readonly string[] }) {
    super({
      code: 'mnemonic/unsupported-language',
      shortMessage: `Recovery phrases are supported in these languages only: ${supported.join(', ')}.`,
      details: {
        language: typeof language === 'string' ? language.slice(0, 20) : typeof language,
        supported,
      },
    });
  }
}

export type UnknownMnemonicWord = {
  /** 1-based, as people count. */ position: number;
  word: string;
};

export class UnknownMnemonicWordsError extends TpError {
  override name = 'UnknownMnemonicWordsError';
  override readonly code = 'mnemonic/unknown-words';

  constructor({
    words,
    language,
    suggestedLanguage,
  }: {
    words: readonly UnknownMnemonicWord[];
    language: string;
    /** Another list in which every word of the phrase exists, if any. */
    suggestedLanguage?: string;
  }) {
    const listed = words.map(({ position, word }) => `"${word}" (word ${position})`).join(', ');
    super({
      code: 'mnemonic/unknown-words',
      shortMessage:
        words.length === 1
          ? `This word is not in the recovery-phrase word list: ${listed}.`
          : `These words are not in the recovery-phrase word list: ${listed}.`,
      details: {
        words,
        language,
        ...(suggestedLanguage === undefined ? {} : { suggestedLanguage }),
      },
    });
  }
}

export class InvalidMnemonicWordCountError extends TpError {
  override name = 'InvalidMnemonicWordCountError';
  override readonly code = 'mnemonic/invalid-word-count';

  constructor({ wordCount, allowed }: { wordCount: number; allowed: readonly number[] }) {
    super({
      code: 'mnemonic/invalid-word-count',
      shortMessage: `A recovery phrase has ${allowed.join(', ')} words; this one has ${wordCount}.`,
      details: { wordCount, allowed },
    });
  }
}

export class InvalidMnemonicChecksumError extends TpError {
  override name = 'InvalidMnemonicChecksumError';
  override readonly code = 'mnemonic/invalid-checksum';

  constructor({ wordCount }: { wordCount: number }) {
    super({
      code: 'mnemonic/invalid-checksum',
      shortMessage:
        'Every word is in the word list, but the phrase does not check out: a word is probably wrong or out of order.',
      details: { wordCount },
    });
  }
}

export class InvalidPrivateKeyError extends TpError {
  override name = 'InvalidPrivateKeyError';
  override readonly code = 'keyring/invalid-private-key';

  constructor({ reason }: { reason: 'format' | 'range' }) {
    super({
      code: 'keyring/invalid-private-key',
      shortMessage:
        reason === 'format'
          ? 'A private key is 64 hexadecimal characters, optionally after "0x".'
          : 'This is not a valid private key: it is zero or not below the secp256k1 group order.',
      details: { reason },
    });
  }
}

export class DuplicateAccountError extends TpError {
  override name = 'DuplicateAccountError';
  override readonly code = 'keyring/duplicate-account';

  constructor({ address }: { address: string }) {
    super({
      code: 'keyring/duplicate-account',
      shortMessage: `The account ${address} is already in this wallet.`,
      details: { address },
    });
  }
}

export class UnknownAccountError extends TpError {
  override name = 'UnknownAccountError';
  override readonly code = 'keyring/unknown-account';

  constructor({ address }: { address: unknown }) {
    super({
      code: 'keyring/unknown-account',
      shortMessage: 'No such account in this wallet.',
      details: { address: typeof address === 'string' ? address.slice(0, 42) : typeof address },
    });
  }
}

export class InvalidAccountNameError extends TpError {
  override name = 'InvalidAccountNameError';
  override readonly code = 'keyring/invalid-account-name';

  constructor({ reason }: { reason: string }) {
    super({
      code: 'keyring/invalid-account-name',
      shortMessage: `This account name cannot be used: ${reason}.`,
      details: { reason },
    });
  }
}

export class LastVisibleAccountError extends TpError {
  override name = 'LastVisibleAccountError';
  override readonly code = 'keyring/last-visible-account';

  constructor({ address }: { address: string }) {
    super({
      code: 'keyring/last-visible-account',
      shortMessage: 'At least one account must stay visible.',
      details: { address },
    });
  }
}

export class AccountLimitError extends TpError {
  override name = 'AccountLimitError';
  override readonly code = 'keyring/account-limit';

  constructor({ kind, limit }: { kind: 'hd' | 'imported'; limit: number }) {
    super({
      code: 'keyring/account-limit',
      shortMessage:
        kind === 'hd'
          ? `A wallet holds at most ${limit} accounts from its recovery phrase.`
          : `A wallet holds at most ${limit} imported keys.`,
      details: { kind, limit },
    });
  }
}

/** The serialized keyring inside the vault is missing a field or has a wrong one. */
export class InvalidKeyringDataError extends TpError {
  override name = 'InvalidKeyringDataError';
  override readonly code = 'keyring/invalid-data';

  constructor({ field, expected, cause }: { field: string; expected: string; cause?: unknown }) {
    super({
      code: 'keyring/invalid-data',
      shortMessage: `The stored keyring is damaged: ${field} must be ${expected}.`,
      details: { field, expected },
      cause,
    });
  }
}

/** A stored address does not match the key it should come from: refuse to sign with it. */
export class KeyringInconsistentError extends TpError {
  override name = 'KeyringInconsistentError';
  override readonly code = 'keyring/inconsistent';

  constructor({ address }: { address: string }) {
    super({
      code: 'keyring/inconsistent',
      shortMessage: `The key for ${address} does not derive to that address.`,
      details: { address },
    });
  }
}

export class KeyringInvalidArgumentError extends TpError {
  override name = 'KeyringInvalidArgumentError';
  override readonly code = 'keyring/invalid-argument';

  constructor({ argument, expected }: { argument: string; expected: string }) {
    super({
      code: 'keyring/invalid-argument',
      shortMessage: `Invalid argument: ${argument} must be ${expected}.`,
      details: { argument, expected },
    });
  }
}
