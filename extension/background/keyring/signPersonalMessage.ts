/**
 * Trusts `state` (the unlocked keyring); assumes nothing about `address` or `message` (a page's
 * personal_sign input). EIP-191 version 0x45: `0x`-hex is signed as bytes, other text as UTF-8
 * (parsePersonalMessage, the same reading the approval window shows). Signing is viem's (noble).
 */
import type { Hex } from 'viem';
import { signMessage } from 'viem/accounts';
import { parsePersonalMessage } from '../decode/parsePersonalMessage.ts';
import type { ParsePersonalMessageErrorType } from '../decode/parsePersonalMessage.ts';
import type { KeyringState } from './KeyringState.ts';
import { deriveAccountPrivateKey } from './deriveAccountPrivateKey.ts';
import type { DeriveAccountPrivateKeyErrorType } from './deriveAccountPrivateKey.ts';

export type SignPersonalMessageParameters = {
  state: KeyringState;
  address: string;
  /** Hex bytes (`0x…`) or text. */
  message: string;
};
/** 65 bytes r ‖ s ‖ v, v = 27 or 28. */
export type SignPersonalMessageReturnType = Hex;
export type SignPersonalMessageErrorType =
  ParsePersonalMessageErrorType | DeriveAccountPrivateKeyErrorType;

export async function signPersonalMessage({
  state,
  address,
  message,
}: SignPersonalMessageParameters): Promise<SignPersonalMessageReturnType> {
  const { raw } = parsePersonalMessage({ message });
  const privateKey = await deriveAccountPrivateKey({ state, address });
  return signMessage({ privateKey, message: { raw } });
}
