import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { Vault } from './Vault.ts';
import { encodeVaultHeader } from './encodeVaultHeader.ts';

const header: Pick<Vault, 'version' | 'kdf' | 'cipher'> = {
  version: 1,
  kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, dkLen: 32, salt: 'ab'.repeat(32) },
  cipher: { name: 'aes-256-gcm', iv: 'cd'.repeat(12) },
};

describe('encodeVaultHeader', () => {
  it('encodes the fields in a fixed order behind a domain tag', () => {
    expect(new TextDecoder().decode(encodeVaultHeader(header))).toBe(
      'tp-wallet/vault\n' +
        `{"version":1,"kdf":{"name":"scrypt","N":131072,"r":8,"p":1,"dkLen":32,"salt":"${'ab'.repeat(32)}"},` +
        `"cipher":{"name":"aes-256-gcm","iv":"${'cd'.repeat(12)}"}}`,
    );
  });

  it('ignores the key order of its input', () => {
    const reordered = {
      cipher: { iv: header.cipher.iv, name: header.cipher.name },
      kdf: { salt: header.kdf.salt, dkLen: 32, p: 1, r: 8, N: 2 ** 17, name: 'scrypt' },
      version: 1,
    } as const;
    expect(bytesToHex(encodeVaultHeader(reordered))).toBe(bytesToHex(encodeVaultHeader(header)));
  });

  it('changes when any parameter changes', () => {
    const base = bytesToHex(encodeVaultHeader(header));
    for (const changed of [
      { ...header, kdf: { ...header.kdf, N: 2 ** 18 } },
      { ...header, kdf: { ...header.kdf, r: 9 } },
      { ...header, kdf: { ...header.kdf, p: 2 } },
      { ...header, kdf: { ...header.kdf, salt: 'ac'.repeat(32) } },
      { ...header, cipher: { ...header.cipher, iv: 'ce'.repeat(12) } },
    ])
      expect(bytesToHex(encodeVaultHeader(changed))).not.toBe(base);
  });
});
