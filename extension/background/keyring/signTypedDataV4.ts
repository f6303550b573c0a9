/**
 * Trusts `state` (the unlocked keyring) and `activeChainId` (the wallet's own setting); assumes
 * nothing about `address` or `typedData` (a page's eth_signTypedData_v4 input, JSON string or
 * object). Parses strictly (parseTypedData), refuses a domain bound to another chain, then signs
 * the parsed copy with viem (EIP-712 hashing and noble secp256k1).
 */
import type { Hex, TypedDataDefinition } from 'viem';
import { signTypedData } from 'viem/accounts';
import { parseTypedData } from '../decode/parseTypedData.ts';
import type { ParseTypedDataErrorType } from '../decode/parseTypedData.ts';
import type { KeyringState } from './KeyringState.ts';
import { deriveAccountPrivateKey } from './deriveAccountPrivateKey.ts';
import type { DeriveAccountPrivateKeyErrorType } from './deriveAccountPrivateKey.ts';
import { KeyringInvalidArgumentError } from './errors.ts';
import { ChainMismatchError } from './signingErrors.ts';

export type SignTypedDataV4Parameters = {
  state: KeyringState;
  address: string;
  /** As the site sent it: a JSON string or an object. */
  typedData: unknown;
  /** The chain the wallet is on; a domain with another `chainId` is refused. */
  activeChainId: number;
};
/** 65 bytes r ‖ s ‖ v, v = 27 or 28. */
export type SignTypedDataV4ReturnType = Hex;
export type SignTypedDataV4ErrorType =
  | ParseTypedDataErrorType
  | ChainMismatchError
  | DeriveAccountPrivateKeyErrorType
  | KeyringInvalidArgumentError;

export async function signTypedDataV4({
  state,
  address,
  typedData,
  activeChainId,
}: SignTypedDataV4Parameters): Promise<SignTypedDataV4ReturnType> {
  if (!Number.isSafeInteger(activeChainId) || activeChainId < 1)
    throw new KeyringInvalidArgumentError({
      argument: 'activeChainId',
      expected: 'a positive safe integer',
    });
  const parsed = parseTypedData({ typedData });
  const { chainId } = parsed.domain;
  if (typeof chainId === 'bigint' && chainId !== BigInt(activeChainId))
    throw new ChainMismatchError({ chainId, activeChainId });
  const privateKey = await deriveAccountPrivateKey({ state, address });
  // parseTypedData checked every value against its declared type, which viem's types cannot see.
  const definition = parsed as unknown as TypedDataDefinition;
  return signTypedData({ ...definition, privateKey });
}
