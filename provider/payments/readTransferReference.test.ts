import { concat, encodeFunctionData, erc20Abi, getAddress, pad } from 'viem';
import type { Hex } from 'viem';
import { describe, expect, test } from 'vitest';
import { readTransferReference } from './readTransferReference.ts';

const token = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const merchant = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const reference = '00112233445566778899aabbccddeeff';

function transferCall(amount = 25_000_000n): Hex {
  return encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [merchant, amount] });
}

describe('readTransferReference', () => {
  test('an ERC-20 transfer followed by 16 bytes is a token payment', () => {
    expect(
      readTransferReference({
        to: token,
        input: concat([transferCall(), `0x${reference}`]),
        value: 0n,
      }),
    ).toEqual({
      kind: 'token',
      tokenAddress: getAddress(token),
      recipient: merchant,
      amount: 25_000_000n,
      reference,
    });
  });

  test('the reference comes back lowercase whatever the case of the calldata', () => {
    const input = concat([transferCall(), `0x${reference.toUpperCase()}`]);
    expect(readTransferReference({ to: token, input, value: 0n })).toMatchObject({ reference });
  });

  test('an ERC-20 transfer without reference is not a payment', () => {
    expect(readTransferReference({ to: token, input: transferCall(), value: 0n })).toEqual({
      kind: 'not_a_payment',
      reason: 'no_reference',
    });
  });

  test.each([
    ['15 bytes', `0x${reference.slice(2)}`],
    ['17 bytes', `0x${reference}00`],
    ['32 bytes', `0x${reference}${reference}`],
  ] as const)('a reference of %s is not a payment', (_label, tail) => {
    expect(
      readTransferReference({ to: token, input: concat([transferCall(), tail]), value: 0n }),
    ).toEqual({ kind: 'not_a_payment', reason: 'not_a_transfer' });
  });

  test('transferFrom with a reference is not a payment', () => {
    const input = concat([
      encodeFunctionData({
        abi: erc20Abi,
        functionName: 'transferFrom',
        args: [merchant, merchant, 1n],
      }),
      `0x${reference}`,
    ]);
    expect(readTransferReference({ to: token, input, value: 0n })).toEqual({
      kind: 'not_a_payment',
      reason: 'not_a_transfer',
    });
  });

  test('an address argument with dirty high bytes is not the call a token executes', () => {
    const call = transferCall();
    const dirty = `0xa9059cbb${'ff'.repeat(12)}${call.slice(2 + 8 + 24)}` as Hex;
    expect(
      readTransferReference({ to: token, input: concat([dirty, `0x${reference}`]), value: 0n }),
    ).toEqual({ kind: 'not_a_payment', reason: 'not_a_transfer' });
  });

  test('a native transfer whose data is the 16-byte reference is a native payment', () => {
    expect(
      readTransferReference({ to: merchant, input: `0x${reference}`, value: 10n ** 15n }),
    ).toEqual({
      kind: 'native',
      recipient: merchant,
      amount: 10n ** 15n,
      reference,
    });
  });

  test('a native transfer without data has no reference', () => {
    expect(readTransferReference({ to: merchant, input: '0x', value: 1n })).toEqual({
      kind: 'not_a_payment',
      reason: 'no_reference',
    });
  });

  test.each([
    ['other data', pad('0x01', { size: 20 }), 1n],
    ['a reference but no value', `0x${reference}` as Hex, 0n],
    ['odd-length hex', `0x${reference}0`, 1n],
    ['no data and no value', '0x', 0n],
  ] as const)('a native transaction with %s is not a payment', (_label, input, value) => {
    expect(readTransferReference({ to: merchant, input, value })).toEqual({
      kind: 'not_a_payment',
      reason: 'not_a_transfer',
    });
  });

  test('a contract creation is not a payment', () => {
    expect(readTransferReference({ to: null, input: `0x${reference}`, value: 1n })).toEqual({
      kind: 'not_a_payment',
      reason: 'not_a_transfer',
    });
  });
});
