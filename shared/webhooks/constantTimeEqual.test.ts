import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { constantTimeEqual } from './constantTimeEqual.ts';

describe('constantTimeEqual', () => {
  test('is true for equal bytes, including empty ones', () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  test('is false when only the last byte differs', () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
  });

  test('is false for a prefix (lengths differ)', () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3))).toBe(false);
  });

  test('is false for anything that is not bytes', () => {
    expect(constantTimeEqual('abc' as unknown as Uint8Array, Uint8Array.of(1))).toBe(false);
  });

  test('agrees with a plain comparison on any two byte strings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
        const isEqual = a.length === b.length && a.every((byte, index) => byte === b[index]);
        expect(constantTimeEqual(a, b)).toBe(isEqual);
      }),
    );
  });

  test('detects any single-bit flip', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (bytes, position, bit) => {
          const flipped = Uint8Array.from(bytes);
          const index = position % flipped.length;
          flipped[index] = (flipped[index] ?? 0) ^ (1 << bit);
          expect(constantTimeEqual(bytes, flipped)).toBe(false);
        },
      ),
    );
  });
});
