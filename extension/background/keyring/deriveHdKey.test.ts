import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { deriveHdKey } from './deriveHdKey.ts';
import { deriveMnemonicSeed } from './deriveMnemonicSeed.ts';
import { KeyringInvalidArgumentError } from './errors.ts';
import bip32 from './fixtures/bip32-test-vectors.json' with { type: 'json' };
import trezor from './fixtures/bip39-trezor-english.json' with { type: 'json' };

describe('deriveHdKey', () => {
  describe.each(bip32.vectors)('BIP-32 $name', ({ seed, chains }) => {
    it.each(chains)('derives $path', ({ path, xprv, xpub }) => {
      const node = deriveHdKey({ seed: hexToBytes(seed), path });
      expect(node.privateExtendedKey).toBe(xprv);
      expect(node.publicExtendedKey).toBe(xpub);
    });
  });

  it.each(trezor.english.map(([, phrase = '', , xprv = '']) => [phrase, xprv]))(
    'gives the Trezor master key for "%s"',
    async (phrase, xprv) => {
      const seed = await deriveMnemonicSeed({ phrase, passphrase: trezor.passphrase });
      expect(deriveHdKey({ seed, path: 'm' }).privateExtendedKey).toBe(xprv);
    },
  );

  it('refuses seeds outside 16 to 64 bytes', () => {
    expect(() => deriveHdKey({ seed: new Uint8Array(15), path: 'm' })).toThrow(
      KeyringInvalidArgumentError,
    );
    expect(() => deriveHdKey({ seed: new Uint8Array(65), path: 'm' })).toThrow(
      KeyringInvalidArgumentError,
    );
  });
});
