/**
 * Trusts `phrase` to be a checked, canonical phrase (importMnemonic or createMnemonic made it).
 * The BIP-39 seed: PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic" + passphrase, both NFKD;
 * through WebCrypto, which the service worker has natively. The seed is as secret as the phrase.
 */
import { mnemonicToSeedWebcrypto } from '@scure/bip39';

export type DeriveMnemonicSeedParameters = {
  phrase: string;
  /** The optional BIP-39 passphrase ("25th word"); the keyring does not use one yet. */
  passphrase?: string;
};
export type DeriveMnemonicSeedReturnType = Uint8Array;

export async function deriveMnemonicSeed({
  phrase,
  passphrase = '',
}: DeriveMnemonicSeedParameters): Promise<DeriveMnemonicSeedReturnType> {
  return mnemonicToSeedWebcrypto(phrase, passphrase);
}
