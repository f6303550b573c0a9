import { describe, expect, test } from 'vitest';
import { findTransferMismatch } from './findTransferMismatch.ts';

const usdc = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const eurc = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const merchant = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const shopper = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

const quote = { chainId: 31337, tokenAddress: usdc, recipient: merchant } as const;
const transfer = { chainId: 31337, tokenAddress: usdc, to: merchant, amount: 1n } as const;

describe('findTransferMismatch', () => {
  test('the quoted chain, token and recipient with something paid: a match', () => {
    expect(findTransferMismatch({ transfer, quote })).toBeUndefined();
  });

  test('addresses match whatever their checksum case', () => {
    const lower = {
      ...transfer,
      tokenAddress: usdc.toLowerCase() as `0x${string}`,
      to: merchant.toLowerCase() as `0x${string}`,
    };
    expect(findTransferMismatch({ transfer: lower, quote })).toBeUndefined();
  });

  test('native for a native quote matches', () => {
    expect(
      findTransferMismatch({
        transfer: { ...transfer, tokenAddress: null },
        quote: { ...quote, tokenAddress: null },
      }),
    ).toBeUndefined();
  });

  test.each([
    ['another chain', { chainId: 1 }, { reason: 'wrong_chain', expected: '31337', actual: '1' }],
    [
      'another token',
      { tokenAddress: eurc },
      { reason: 'wrong_token', expected: usdc.toLowerCase(), actual: eurc.toLowerCase() },
    ],
    [
      'the native coin for a token',
      { tokenAddress: null },
      { reason: 'wrong_token', expected: usdc.toLowerCase(), actual: 'native' },
    ],
    [
      'another recipient',
      { to: shopper },
      {
        reason: 'wrong_recipient',
        expected: merchant.toLowerCase(),
        actual: shopper.toLowerCase(),
      },
    ],
    ['nothing', { amount: 0n }, { reason: 'nothing_paid', expected: 'more than 0', actual: '0' }],
  ] as const)('%s is a mismatch', (_name, change, mismatch) => {
    expect(findTransferMismatch({ transfer: { ...transfer, ...change }, quote })).toEqual(mismatch);
  });
});
