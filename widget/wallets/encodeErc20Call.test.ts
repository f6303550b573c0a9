import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesToHex, encodeFunctionData, getAddress, toFunctionSelector } from 'viem';
import { erc20Abi, erc20Selectors } from './erc20Abi.ts';
import { encodeErc20Call } from './encodeErc20Call.ts';

const address = fc
  .uint8Array({ minLength: 20, maxLength: 20 })
  .chain((bytes) => fc.constantFrom(bytesToHex(bytes), getAddress(bytesToHex(bytes))));
const uint256 = fc.bigInt({ min: 0n, max: 2n ** 256n - 1n });

describe('encodeErc20Call', () => {
  it('uses the selectors of transfer(address,uint256) and balanceOf(address)', () => {
    expect(erc20Selectors.transfer).toBe(toFunctionSelector('transfer(address,uint256)'));
    expect(erc20Selectors.balanceOf).toBe(toFunctionSelector('balanceOf(address)'));
  });

  it('encodes transfer exactly as viem encodeFunctionData does', () => {
    fc.assert(
      fc.property(address, uint256, (to, value) => {
        const expected = encodeFunctionData({
          abi: erc20Abi,
          functionName: 'transfer',
          args: [to, value],
        });
        return encodeErc20Call({ functionName: 'transfer', args: [to, value] }) === expected;
      }),
      { numRuns: 2_000 },
    );
  });

  it('encodes balanceOf exactly as viem encodeFunctionData does', () => {
    fc.assert(
      fc.property(address, (account) => {
        const expected = encodeFunctionData({
          abi: erc20Abi,
          functionName: 'balanceOf',
          args: [account],
        });
        return encodeErc20Call({ functionName: 'balanceOf', args: [account] }) === expected;
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses what is not an address or a uint256', () => {
    const to = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
    expect(() => encodeErc20Call({ functionName: 'transfer', args: [to, -1n] })).toThrow(/value/);
    expect(() => encodeErc20Call({ functionName: 'transfer', args: [to, 2n ** 256n] })).toThrow(
      /value/,
    );
    expect(() => encodeErc20Call({ functionName: 'transfer', args: ['0x1234', 1n] })).toThrow(
      /to must be/,
    );
    expect(() => encodeErc20Call({ functionName: 'balanceOf', args: [`${to}00`] })).toThrow(
      /account/,
    );
  });
});
