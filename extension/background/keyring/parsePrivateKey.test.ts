import fc from 'fast-check';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { InvalidPrivateKeyError } from './errors.ts';
import { parsePrivateKey } from './parsePrivateKey.ts';

const order = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const hex64 = (value: bigint) => value.toString(16).padStart(64, '0');
const hardhatKey = 'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

describe('parsePrivateKey', () => {
  it.each([hardhatKey, `0x${hardhatKey}`, `  0X${hardhatKey.toUpperCase()}\n`])(
    'reads %j as the canonical lowercase key',
    (input) => {
      expect(parsePrivateKey(input)).toBe(`0x${hardhatKey}`);
    },
  );

  it('accepts 1 and n - 1, the ends of the valid range', () => {
    expect(parsePrivateKey(hex64(1n))).toBe(`0x${hex64(1n)}`);
    expect(parsePrivateKey(hex64(order - 1n))).toBe(`0x${hex64(order - 1n)}`);
  });

  it.each([0n, order, order + 1n, 2n ** 256n - 1n])('refuses %s as out of range', (value) => {
    expect(() => parsePrivateKey(hex64(value))).toThrow(
      expect.objectContaining({ code: 'keyring/invalid-private-key' }),
    );
  });

  it.each([
    '',
    hardhatKey.slice(1),
    `${hardhatKey}0`,
    `0x${hardhatKey.slice(0, 63)}g`,
    `0x 0x${hardhatKey}`,
    null,
  ])('refuses %j as badly formatted', (input) => {
    expect(() => parsePrivateKey(input as string)).toThrow(InvalidPrivateKeyError);
  });

  it('never repeats the key it refuses', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 31, maxLength: 33 }), (bytes) => {
        const input = bytesToHex(bytes);
        try {
          parsePrivateKey(input);
        } catch (error) {
          expect(JSON.stringify((error as InvalidPrivateKeyError).details)).not.toContain(
            input.slice(0, 16),
          );
          expect((error as Error).message).not.toContain(input.slice(0, 16));
        }
      }),
    );
  });
});
