import { describe, expect, test } from 'vitest';
import { normalizeAddress } from './normalizeAddress.ts';

const checksummed = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';

describe('normalizeAddress', () => {
  test('lower, upper and checksummed spellings give the one EIP-55 form', () => {
    expect(normalizeAddress(checksummed.toLowerCase())).toBe(checksummed);
    expect(normalizeAddress(`0x${checksummed.slice(2).toUpperCase()}`)).toBe(checksummed);
    expect(normalizeAddress(checksummed)).toBe(checksummed);
  });

  test('case is ignored entirely, even a wrong mixed-case checksum', () => {
    expect(normalizeAddress('0x15D34AAf54267DB7D7c367839AAf71A00a2C6A65')).toBe(checksummed);
  });

  test('anything but 0x and 40 hex digits is not an address', () => {
    for (const text of ['', '0x', checksummed.slice(0, -1), `${checksummed}0`, 'vitalik.eth']) {
      expect(normalizeAddress(text)).toBeUndefined();
    }
  });
});
