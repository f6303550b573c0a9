import { verifyMessage } from 'viem';
import type { Address, Hex } from 'viem';

export type VerifySubscriberSignatureParameters = {
  /** The address that must have signed. */
  address: string;
  /** The exact text that was signed. */
  message: string;
  /** 65 bytes as 0x-prefixed hex, as `personal_sign` returns it. */
  signature: string;
};
export type VerifySubscriberSignatureReturnType = boolean;

/*
 * Trusted: nothing from the request. An EIP-191 `personal_sign` signature is checked by
 * recovering its signer (ecrecover) and comparing with `address`: externally owned accounts
 * only. A smart-contract account (ERC-1271) would need a call to the chain; such subscribers
 * cancel through the merchant. Any malformed input is simply "not signed by that address".
 */

/** Whether `address` signed `message` with `personal_sign`. */
export async function verifySubscriberSignature({
  address,
  message,
  signature,
}: VerifySubscriberSignatureParameters): Promise<VerifySubscriberSignatureReturnType> {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address) || !/^0x[0-9a-fA-F]{130}$/.test(signature)) {
    return false;
  }
  try {
    return await verifyMessage({
      address: address as Address,
      message,
      signature: signature as Hex,
    });
  } catch {
    return false;
  }
}
