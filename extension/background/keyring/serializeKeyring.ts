/**
 * Trusts `state` (only keyring operations build it). The plaintext that goes into the vault:
 * versioned JSON with a fixed field order. Secret as a whole; parseKeyring reads it back.
 */
import { keyringDataVersion } from './KeyringState.ts';
import type { KeyringState } from './KeyringState.ts';

export function serializeKeyring(state: KeyringState): string {
  return JSON.stringify({
    version: keyringDataVersion,
    mnemonic: { phrase: state.mnemonic.phrase, language: state.mnemonic.language },
    hdAccountCount: state.hdAccountCount,
    importedKeys: state.importedKeys,
    accounts: state.accounts.map(({ address, kind, index, name, isHidden }) => ({
      address,
      kind,
      index,
      name,
      isHidden,
    })),
  });
}
