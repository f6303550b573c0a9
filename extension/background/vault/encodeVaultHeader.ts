/**
 * Trusts `vault` to be parsed (see parseVault). The bytes GCM authenticates as additional data:
 * rebuilt field by field in a fixed order, never taken from the stored text, so the same header
 * always gives the same bytes and a changed parameter always changes them.
 */
import type { Vault } from './Vault.ts';

const domain = 'tp-wallet/vault\n';

export function encodeVaultHeader(vault: Pick<Vault, 'version' | 'kdf' | 'cipher'>): Uint8Array {
  const { version, kdf, cipher } = vault;
  const header = JSON.stringify({
    version,
    kdf: { name: kdf.name, N: kdf.N, r: kdf.r, p: kdf.p, dkLen: kdf.dkLen, salt: kdf.salt },
    cipher: { name: cipher.name, iv: cipher.iv },
  });
  return new TextEncoder().encode(domain + header);
}
