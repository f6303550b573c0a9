import type { Hex } from 'viem';
import { InvalidPaymentError } from './InvalidPaymentError.ts';
import { erc20Selectors } from './erc20Abi.ts';

export type EncodeErc20CallParameters =
  | { functionName: 'transfer'; args: readonly [to: string, value: bigint] }
  | { functionName: 'balanceOf'; args: readonly [account: string] };
export type EncodeErc20CallReturnType = Hex;
export type EncodeErc20CallErrorType = InvalidPaymentError;

/*
 * Calldata of the two ERC-20 calls the widget makes, both with static arguments only: the
 * 4-byte selector, then each argument as one 32-byte word (an address left-padded with zeros, a
 * uint256 as 64 hex digits). viem's encodeFunctionData makes the same bytes but brings its whole
 * ABI coder and Keccak-256 (5.6 KB gzip, a fifth of the widget's 30 KB budget). The test compares
 * this function with encodeFunctionData on thousands of random inputs.
 */
const addressPattern = /^0x[0-9a-fA-F]{40}$/;
const maxUint256 = 2n ** 256n - 1n;

function addressWord(address: string, field: string): string {
  if (!addressPattern.test(address))
    throw new InvalidPaymentError({ field, expected: 'an address' });
  return address.slice(2).toLowerCase().padStart(64, '0');
}

function uint256Word(value: bigint, field: string): string {
  if (typeof value !== 'bigint' || value < 0n || value > maxUint256) {
    throw new InvalidPaymentError({ field, expected: 'an integer from 0 to 2^256 - 1' });
  }
  return value.toString(16).padStart(64, '0');
}

/** `transfer(to, value)` or `balanceOf(account)` as calldata (`0x` + selector + words). */
export function encodeErc20Call(call: EncodeErc20CallParameters): EncodeErc20CallReturnType {
  if (call.functionName === 'transfer') {
    const [to, value] = call.args;
    return `${erc20Selectors.transfer}${addressWord(to, 'to')}${uint256Word(value, 'value')}`;
  }
  const [account] = call.args;
  return `${erc20Selectors.balanceOf}${addressWord(account, 'account')}`;
}
