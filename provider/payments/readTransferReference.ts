import {
  decodeFunctionData,
  encodeFunctionData,
  erc20Abi,
  getAddress,
  isHex,
  size,
  slice,
  toFunctionSelector,
} from 'viem';
import type { Address, Hex } from 'viem';

/*
 * Pure: what a transaction's own fields say, before any receipt. A payment is either
 *   an ERC-20 `transfer(to, amount)` whose calldata goes on with exactly 16 bytes of reference,
 *   or a native transfer (value > 0) whose calldata is exactly the 16-byte reference.
 * Everything else is not a payment. This says nothing about success: the receipt decides that.
 */

export type TransferReferenceTransaction = {
  to: Address | null;
  input: Hex;
  value: bigint;
};

export type ReadTransferReferenceParameters = TransferReferenceTransaction;

export type TransferReading =
  | {
      kind: 'token';
      /** The transaction's `to`: the ERC-20 contract called. */
      tokenAddress: Address;
      /** The `to` argument of `transfer`. */
      recipient: Address;
      /** The `amount` argument; the Transfer log has the last word on what arrived. */
      amount: bigint;
      reference: string;
    }
  | { kind: 'native'; recipient: Address; amount: bigint; reference: string }
  | { kind: 'not_a_payment'; reason: 'no_reference' | 'not_a_transfer' };

export type ReadTransferReferenceReturnType = TransferReading;

/** Bytes of the reference; the same as checkout's `referenceBytes`. */
export const transferReferenceBytes = 16;
const transferSelector = toFunctionSelector('transfer(address,uint256)');
/** 4-byte selector + two 32-byte arguments. */
const transferCallBytes = 68;

export function readTransferReference({
  to,
  input,
  value,
}: ReadTransferReferenceParameters): ReadTransferReferenceReturnType {
  if (to === null || !isHex(input, { strict: true }) || input.length % 2 !== 0) {
    return { kind: 'not_a_payment', reason: 'not_a_transfer' };
  }
  const inputBytes = size(input);
  if (inputBytes >= 4 && slice(input, 0, 4).toLowerCase() === transferSelector) {
    return readTokenTransfer({ tokenAddress: to, input, inputBytes });
  }
  if (inputBytes === 0) {
    return { kind: 'not_a_payment', reason: value > 0n ? 'no_reference' : 'not_a_transfer' };
  }
  if (inputBytes !== transferReferenceBytes || value <= 0n) {
    return { kind: 'not_a_payment', reason: 'not_a_transfer' };
  }
  return {
    kind: 'native',
    recipient: getAddress(to),
    amount: value,
    reference: input.slice(2).toLowerCase(),
  };
}

function readTokenTransfer({
  tokenAddress,
  input,
  inputBytes,
}: {
  tokenAddress: Address;
  input: Hex;
  inputBytes: number;
}): TransferReading {
  if (inputBytes === transferCallBytes) return { kind: 'not_a_payment', reason: 'no_reference' };
  if (inputBytes !== transferCallBytes + transferReferenceBytes) {
    return { kind: 'not_a_payment', reason: 'not_a_transfer' };
  }
  const call = slice(input, 0, transferCallBytes);
  let recipient: Address;
  let amount: bigint;
  try {
    const decoded = decodeFunctionData({ abi: erc20Abi, data: call });
    if (decoded.functionName !== 'transfer') {
      return { kind: 'not_a_payment', reason: 'not_a_transfer' };
    }
    [recipient, amount] = decoded.args;
  } catch {
    return { kind: 'not_a_payment', reason: 'not_a_transfer' };
  }
  // Only the canonical encoding (an address padded with zeros) is the call a token executes.
  const reencoded = encodeFunctionData({
    abi: erc20Abi,
    functionName: 'transfer',
    args: [recipient, amount],
  });
  if (reencoded.toLowerCase() !== call.toLowerCase()) {
    return { kind: 'not_a_payment', reason: 'not_a_transfer' };
  }
  return {
    kind: 'token',
    tokenAddress: getAddress(tokenAddress),
    recipient: getAddress(recipient),
    amount,
    reference: slice(input, transferCallBytes).slice(2).toLowerCase(),
  };
}
