import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { createMnemonic } from './createMnemonic.ts';
import { deriveMnemonicSeed } from './deriveMnemonicSeed.ts';
import trezor from './fixtures/bip39-trezor-english.json' with { type: 'json' };

describe('deriveMnemonicSeed', () => {
  it.each(trezor.english.map(([, phrase = '', seed = '']) => [phrase, seed]))(
    'matches the Trezor seed for "%s" with passphrase TREZOR',
    async (phrase, seed) => {
      expect(bytesToHex(await deriveMnemonicSeed({ phrase, passphrase: trezor.passphrase }))).toBe(
        seed,
      );
    },
  );

  it('gives the same seed for a Japanese phrase written with either space', async () => {
    const { phrase } = createMnemonic({
      language: 'ja',
      randomBytes: () => new Uint8Array(16).fill(3),
    });
    const ideographic = await deriveMnemonicSeed({ phrase });
    const plain = await deriveMnemonicSeed({ phrase: phrase.replaceAll('\u3000', ' ') });
    expect(bytesToHex(plain)).toBe(bytesToHex(ideographic));
  });
});
