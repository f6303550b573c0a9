import fc from 'fast-check';
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { checksumAddress } from './checksumAddress.ts';
import { InvalidAddressError } from './InvalidAddressError.ts';

describe('checksumAddress', () => {
  it('gives the EIP-55 examples', () => {
    // From EIP-55 itself.
    for (const address of [
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
      '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
    ]) {
      expect(checksumAddress(address.toLowerCase())).toBe(address);
    }
  });

  it('agrees with viem on any address, whatever its letter case', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.boolean(), (bytes, upper) => {
        const hex = `0x${Buffer.from(bytes).toString('hex')}`;
        const input = upper ? `0x${hex.slice(2).toUpperCase()}` : hex;
        expect(checksumAddress(input)).toBe(getAddress(hex));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what is not an address', () => {
    for (const bad of ['', '0x', '0x1234', `0x${'g'.repeat(40)}`, 'a'.repeat(42)]) {
      expect(() => checksumAddress(bad)).toThrow(InvalidAddressError);
    }
  });
});
