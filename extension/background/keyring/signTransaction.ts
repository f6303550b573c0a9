/**
 * Trusts `state` (the unlocked keyring); assumes nothing about `address` or `transaction`, which
 * come from a site through the RPC layer. Signs EIP-1559 (type 2) transactions only, each field
 * checked and copied once before the key is derived; serialization and signing are viem's (noble).
 * The key never leaves the keyring (deriveAccountPrivateKey keeps an HD key beside its phrase
 * while unlocked; a JS string cannot be wiped, it goes with the keyring when the wallet locks).
 */
import { isAddress } from 'viem';
import type { AccessList, Address, Hex, TransactionSerializableEIP1559 } from 'viem';
import { signTransaction as signSerializableTransaction } from 'viem/accounts';
import type { KeyringState } from './KeyringState.ts';
import { deriveAccountPrivateKey } from './deriveAccountPrivateKey.ts';
import type { DeriveAccountPrivateKeyErrorType } from './deriveAccountPrivateKey.ts';
import { InvalidTransactionError } from './signingErrors.ts';

export type Eip1559TransactionRequest = {
  chainId: number;
  /** A count, so a safe integer suffices (EIP-2681 caps nonces below 2^64 − 1 anyway). */
  nonce: number | bigint;
  /** Absent to deploy a contract. */
  to?: Address | undefined;
  value: bigint;
  data?: Hex | undefined;
  gas: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
  accessList?: AccessList | undefined;
  /** Allowed only as a restatement of what this signer does. */
  type?: 'eip1559' | undefined;
};

export type SignTransactionParameters = {
  state: KeyringState;
  address: string;
  transaction: Eip1559TransactionRequest;
};
/** The signed transaction, serialized (0x02 ‖ rlp), ready for eth_sendRawTransaction. */
export type SignTransactionReturnType = Hex;
export type SignTransactionErrorType = InvalidTransactionError | DeriveAccountPrivateKeyErrorType;

export const maxTransactionDataBytes = 128 * 1024;
export const maxAccessListEntries = 256;
export const maxAccessListStorageKeys = 1024;

const maxUint256 = 2n ** 256n - 1n;
const allowedKeys = new Set([
  'chainId',
  'nonce',
  'to',
  'value',
  'data',
  'gas',
  'maxFeePerGas',
  'maxPriorityFeePerGas',
  'accessList',
  'type',
]);

export async function signTransaction({
  state,
  address,
  transaction,
}: SignTransactionParameters): Promise<SignTransactionReturnType> {
  const checked = checkTransaction(transaction);
  const privateKey = await deriveAccountPrivateKey({ state, address });
  return signSerializableTransaction({ privateKey, transaction: checked });
}

function checkTransaction(input: unknown): TransactionSerializableEIP1559 {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    fail('transaction', 'an object');
  const fields = input as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!allowedKeys.has(key)) fail(key, 'absent: only EIP-1559 fields are signed');
  }
  const {
    chainId,
    nonce,
    to,
    value,
    data,
    gas,
    maxFeePerGas,
    maxPriorityFeePerGas,
    accessList,
    type,
  } = fields;
  if (type !== undefined && type !== 'eip1559') fail('type', "'eip1559' or absent");
  if (typeof chainId !== 'number' || !Number.isSafeInteger(chainId) || chainId < 1)
    fail('chainId', 'a positive safe integer');
  const checkedNonce = readNonce(nonce);
  if (to !== undefined && (typeof to !== 'string' || !isAddress(to, { strict: true })))
    fail('to', 'an address with a valid EIP-55 checksum, or absent to deploy');
  const checkedValue = readQuantity(value, 'value');
  const checkedGas = readQuantity(gas, 'gas');
  if (checkedGas === 0n) fail('gas', 'greater than 0');
  const checkedMaxFee = readQuantity(maxFeePerGas, 'maxFeePerGas');
  const checkedPriorityFee = readQuantity(maxPriorityFeePerGas, 'maxPriorityFeePerGas');
  if (checkedPriorityFee > checkedMaxFee) fail('maxPriorityFeePerGas', 'at most maxFeePerGas');
  if (
    data !== undefined &&
    (typeof data !== 'string' ||
      !/^0x(?:[0-9a-fA-F]{2})*$/.test(data) ||
      data.length > 2 + 2 * maxTransactionDataBytes)
  )
    fail('data', `hex bytes (at most ${maxTransactionDataBytes}) or absent`);

  return {
    type: 'eip1559',
    chainId,
    nonce: checkedNonce,
    ...(to === undefined ? {} : { to: to }),
    value: checkedValue,
    ...(data === undefined ? {} : { data: data as Hex }),
    gas: checkedGas,
    maxFeePerGas: checkedMaxFee,
    maxPriorityFeePerGas: checkedPriorityFee,
    ...(accessList === undefined ? {} : { accessList: readAccessList(accessList) }),
  };
}

function readNonce(nonce: unknown): number {
  const asNumber = typeof nonce === 'bigint' ? Number(nonce) : nonce;
  if (
    typeof asNumber !== 'number' ||
    !Number.isSafeInteger(asNumber) ||
    asNumber < 0 ||
    (typeof nonce === 'bigint' && BigInt(asNumber) !== nonce)
  )
    fail('nonce', 'a non-negative safe integer');
  return asNumber;
}

function readQuantity(quantity: unknown, field: string): bigint {
  if (typeof quantity !== 'bigint' || quantity < 0n || quantity > maxUint256)
    fail(field, 'a bigint in [0, 2^256)');
  return quantity;
}

function readAccessList(accessList: unknown): AccessList {
  if (!Array.isArray(accessList) || accessList.length > maxAccessListEntries)
    fail('accessList', `a list of at most ${maxAccessListEntries} entries`);
  let storageKeyCount = 0;
  return (accessList as unknown[]).map((entry, index) => {
    const field = `accessList[${index}]`;
    if (typeof entry !== 'object' || entry === null)
      fail(field, 'an object { address, storageKeys }');
    const { address, storageKeys } = entry as Record<string, unknown>;
    if (typeof address !== 'string' || !isAddress(address, { strict: true }))
      fail(`${field}.address`, 'an address with a valid EIP-55 checksum');
    if (!Array.isArray(storageKeys)) fail(`${field}.storageKeys`, 'a list of 32-byte hex keys');
    storageKeyCount += storageKeys.length;
    if (storageKeyCount > maxAccessListStorageKeys)
      fail('accessList', `at most ${maxAccessListStorageKeys} storage keys in all`);
    const keys = (storageKeys as unknown[]).map((key, keyIndex) => {
      if (typeof key !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(key))
        fail(`${field}.storageKeys[${keyIndex}]`, '32 bytes of hex');
      return key as Hex;
    });
    return { address: address, storageKeys: keys };
  });
}

function fail(field: string, expected: string): never {
  throw new InvalidTransactionError({ field, expected });
}
