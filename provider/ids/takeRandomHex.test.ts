import { describe, expect, it } from 'vitest';
import { takeRandomHex } from './takeRandomHex.ts';

describe('takeRandomHex', () => {
  it('gives byteCount bytes as lowercase hex', () => {
    for (const byteCount of [1, 16, 32, 4096]) {
      expect(takeRandomHex(byteCount)).toMatch(new RegExp(`^[0-9a-f]{${byteCount * 2}}$`));
    }
  });

  it('never gives the same value twice, across many refills of the pool', () => {
    const seen = new Set<string>();
    // 16-byte values over 20 pools of 4 KiB, and sizes that do not divide the pool evenly.
    for (let index = 0; index < 5_120; index += 1) seen.add(takeRandomHex(16));
    for (let index = 0; index < 600; index += 1) seen.add(takeRandomHex(23));
    expect(seen.size).toBe(5_720);
  });

  it('is not all zeros (the used bytes are zeroed in the pool, never handed out zeroed)', () => {
    const values = Array.from({ length: 600 }, () => takeRandomHex(16));
    expect(values.filter((value) => /^0+$/.test(value))).toEqual([]);
  });

  it('refuses sizes it cannot give', () => {
    for (const byteCount of [0, -1, 1.5, 4097, Number.NaN]) {
      expect(() => takeRandomHex(byteCount)).toThrow(RangeError);
    }
  });
});
