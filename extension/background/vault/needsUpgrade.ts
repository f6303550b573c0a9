/**
 * Trusts `vault` to be parsed. True when any KDF parameter of the stored vault is below what
 * new vaults use today: the service worker then re-encrypts at the next successful unlock
 * (createVault with the same password and plaintext), while it holds the password anyway.
 */
import type { ScryptParams, Vault } from './Vault.ts';

export function needsUpgrade(vault: Vault, currentParams: ScryptParams): boolean {
  const { N, r, p } = vault.kdf;
  return N < currentParams.N || r < currentParams.r || p < currentParams.p;
}
