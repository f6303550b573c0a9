import { describe, expect, test } from 'vitest';
import { chainWatcherLockKey } from './chainWatcherLockKey.ts';

describe('chainWatcherLockKey', () => {
  test('is stable per chain and differs between chains', () => {
    expect(chainWatcherLockKey(31337)).toBe(chainWatcherLockKey(31337));
    expect(chainWatcherLockKey(31337)).not.toBe(chainWatcherLockKey(1));
  });

  test('fits a signed 64-bit integer', () => {
    for (const chainId of [1, 10, 137, 8453, 31337, 11155111]) {
      const key = BigInt(chainWatcherLockKey(chainId));
      expect(key >= -(2n ** 63n) && key < 2n ** 63n).toBe(true);
    }
  });
});
