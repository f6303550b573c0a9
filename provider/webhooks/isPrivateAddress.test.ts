import { describe, expect, test } from 'vitest';
import { isPrivateAddress } from './isPrivateAddress.ts';

describe('isPrivateAddress', () => {
  test.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::',
    '::1',
    '[::1]',
    '::ffff:7f00:1',
    '::ffff:8.8.8.8',
    '64:ff9b::a00:1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    '2001:db8::1',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  test.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '192.169.0.1',
    '2606:4700::1111',
    '[2a00:1450::1]',
  ])('accepts the public address %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  test('leaves host names to the caller', () => {
    expect(isPrivateAddress('localhost')).toBe(false);
    expect(isPrivateAddress('example.com')).toBe(false);
  });
});
