/**
 * Assumes nothing about `text` beyond its having been authenticated by the vault: a bug or an old
 * version may still have written it. Checks every field and every invariant (one account per HD
 * index and per imported key, imported addresses match their keys, no duplicates) and returns a
 * fresh state, or throws InvalidKeyringDataError naming the field. Every stored address is
 * re-derived from its key or the phrase (one seed, then about 1 ms per account), once per unlock.
 */
import { getAddress, isAddress } from 'viem';
import type { Address, Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { keyringDataVersion, maximumHdAccounts, maximumImportedKeys } from './KeyringState.ts';
import type { KeyringAccount, KeyringState } from './KeyringState.ts';
import { mnemonicLanguages } from './Mnemonic.ts';
import type { Mnemonic, MnemonicLanguage } from './Mnemonic.ts';
import { deriveHdAccount } from './deriveHdAccount.ts';
import { deriveMnemonicSeed } from './deriveMnemonicSeed.ts';
import { InvalidKeyringDataError } from './errors.ts';
import { importMnemonic } from './importMnemonic.ts';
import { normalizeAccountName } from './normalizeAccountName.ts';
import { parsePrivateKey } from './parsePrivateKey.ts';

export type ParseKeyringReturnType = KeyringState;
export type ParseKeyringErrorType = InvalidKeyringDataError;

export async function parseKeyring(text: string): Promise<ParseKeyringReturnType> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InvalidKeyringDataError({ field: 'keyring', expected: 'JSON text', cause: error });
  }
  try {
    const state = readKeyring(data);
    await assertHdAddresses(state);
    return state;
  } catch (error) {
    if (error instanceof InvalidKeyringDataError) throw error;
    // Anything else is a case the checks missed. No cause: it could quote secret input.
    throw new InvalidKeyringDataError({ field: 'keyring', expected: 'readable' });
  }
}

function readKeyring(data: unknown): KeyringState {
  const root = readObject(data, 'keyring', [
    'version',
    'mnemonic',
    'hdAccountCount',
    'importedKeys',
    'accounts',
  ]);
  if (root.version !== keyringDataVersion)
    throw new InvalidKeyringDataError({ field: 'version', expected: String(keyringDataVersion) });
  const mnemonic = readMnemonic(root.mnemonic);
  const hdAccountCount = readInteger(root.hdAccountCount, 'hdAccountCount', 1, maximumHdAccounts);
  const importedKeys = readArray(root.importedKeys, 'importedKeys', maximumImportedKeys).map(
    (value, position) => readPrivateKey(value, `importedKeys[${position}]`),
  );
  const accounts = readArray(
    root.accounts,
    'accounts',
    maximumHdAccounts + maximumImportedKeys,
  ).map((value, position) => readAccount(value, `accounts[${position}]`));

  const seen = new Set<string>();
  const addresses = new Set<Address>();
  for (const [position, account] of accounts.entries()) {
    const field = `accounts[${position}]`;
    const slot = `${account.kind}:${account.index}`;
    const limit = account.kind === 'hd' ? hdAccountCount : importedKeys.length;
    if (account.index >= limit || seen.has(slot))
      throw new InvalidKeyringDataError({
        field: `${field}.index`,
        expected: `a unique index below ${limit}`,
      });
    seen.add(slot);
    if (addresses.has(account.address))
      throw new InvalidKeyringDataError({ field: `${field}.address`, expected: 'unique' });
    addresses.add(account.address);
    const key = importedKeys[account.index];
    if (
      account.kind === 'imported' &&
      (key === undefined || privateKeyToAddress(key) !== account.address)
    )
      throw new InvalidKeyringDataError({
        field: `${field}.address`,
        expected: 'the address of its key',
      });
  }
  if (accounts.length !== hdAccountCount + importedKeys.length)
    throw new InvalidKeyringDataError({
      field: 'accounts',
      expected: 'one entry per derived account and per imported key',
    });
  return { mnemonic, hdAccountCount, importedKeys, accounts };
}

async function assertHdAddresses(state: KeyringState): Promise<void> {
  const seed = await deriveMnemonicSeed({ phrase: state.mnemonic.phrase });
  try {
    for (const [position, account] of state.accounts.entries())
      if (
        account.kind === 'hd' &&
        deriveHdAccount({ seed, index: account.index }).address !== account.address
      )
        throw new InvalidKeyringDataError({
          field: `accounts[${position}].address`,
          expected: 'the address derived from the recovery phrase',
        });
  } finally {
    seed.fill(0);
  }
}

function readMnemonic(value: unknown): Mnemonic {
  const mnemonic = readObject(value, 'mnemonic', ['phrase', 'language']);
  const { phrase, language } = mnemonic;
  if (typeof language !== 'string' || !(mnemonicLanguages as readonly string[]).includes(language))
    throw new InvalidKeyringDataError({
      field: 'mnemonic.language',
      expected: mnemonicLanguages.join(', '),
    });
  let canonical: string | undefined;
  try {
    canonical = importMnemonic({
      phrase: phrase as string,
      language: language as MnemonicLanguage,
    }).phrase;
  } catch {
    // No cause attached: mnemonic errors may quote words of the phrase.
  }
  if (canonical === undefined || canonical !== phrase)
    throw new InvalidKeyringDataError({
      field: 'mnemonic.phrase',
      expected: 'a valid, canonical recovery phrase',
    });
  return { phrase: canonical, language: language as MnemonicLanguage };
}

function readPrivateKey(value: unknown, field: string): Hex {
  let key: Hex | undefined;
  try {
    key = parsePrivateKey(value as string);
  } catch {
    // Falls through to the error below; the input is secret and never echoed.
  }
  if (key === undefined || key !== value)
    throw new InvalidKeyringDataError({
      field,
      expected: 'a private key, lowercase hex with "0x"',
    });
  return key;
}

function readAccount(value: unknown, field: string): KeyringAccount {
  const account = readObject(value, field, ['address', 'kind', 'index', 'name', 'isHidden']);
  const { address, kind, name, isHidden } = account;
  if (
    typeof address !== 'string' ||
    !isAddress(address, { strict: false }) ||
    getAddress(address) !== address
  )
    throw new InvalidKeyringDataError({
      field: `${field}.address`,
      expected: 'an EIP-55 checksummed address',
    });
  if (kind !== 'hd' && kind !== 'imported')
    throw new InvalidKeyringDataError({ field: `${field}.kind`, expected: '"hd" or "imported"' });
  const index = readInteger(
    account.index,
    `${field}.index`,
    0,
    Math.max(maximumHdAccounts, maximumImportedKeys) - 1,
  );
  let canonicalName: string | undefined;
  try {
    canonicalName = normalizeAccountName(name as string);
  } catch {
    // Reported below with the field's path.
  }
  if (canonicalName === undefined || canonicalName !== name)
    throw new InvalidKeyringDataError({ field: `${field}.name`, expected: 'a valid account name' });
  if (typeof isHidden !== 'boolean')
    throw new InvalidKeyringDataError({ field: `${field}.isHidden`, expected: 'true or false' });
  return { address, kind, index, name: canonicalName, isHidden };
}

function readObject<Key extends string>(
  value: unknown,
  field: string,
  keys: readonly Key[],
): Record<Key, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidKeyringDataError({ field, expected: 'an object' });
  const present = Object.keys(value);
  const missing = keys.find((key) => !present.includes(key));
  if (missing !== undefined)
    throw new InvalidKeyringDataError({ field: `${field}.${missing}`, expected: 'present' });
  if (present.length !== keys.length)
    throw new InvalidKeyringDataError({ field, expected: `only the fields ${keys.join(', ')}` });
  return value as Record<Key, unknown>;
}

function readArray(value: unknown, field: string, maximumLength: number): unknown[] {
  if (!Array.isArray(value) || value.length > maximumLength)
    throw new InvalidKeyringDataError({
      field,
      expected: `a list of at most ${maximumLength} entries`,
    });
  return value as unknown[];
}

function readInteger(value: unknown, field: string, minimum: number, maximum: number): number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < minimum ||
    value > maximum
  )
    throw new InvalidKeyringDataError({
      field,
      expected: `an integer from ${minimum} to ${maximum}`,
    });
  return value;
}
