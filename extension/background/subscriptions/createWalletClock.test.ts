import { describe, expect, it } from 'vitest';
import { createMemoryStorageArea } from '../wallet/StorageArea.ts';
import { clockOffsetStorageKey, createWalletClock } from './createWalletClock.ts';
import { InvalidClockOffsetError } from './errors.ts';

describe('createWalletClock', () => {
  it('adds the stored offset to the real time, and keeps it across restarts', async () => {
    const local = createMemoryStorageArea();
    const clock = createWalletClock({ local, realNow: () => 1_000 });
    await clock.ready();
    expect(clock.now().getTime()).toBe(1_000);
    await clock.setOffset(86_400_000);
    expect(clock.now().getTime()).toBe(86_401_000);
    const restarted = createWalletClock({ local, realNow: () => 2_000 });
    await restarted.ready();
    expect(restarted.offsetMs()).toBe(86_400_000);
  });

  it('refuses a backwards, fractional or huge offset and ignores a tampered one', async () => {
    const local = createMemoryStorageArea();
    const clock = createWalletClock({ local, realNow: () => 0 });
    for (const bad of [-1, 1.5, 10 * 366 * 86_400_000, '5'])
      await expect(clock.setOffset(bad)).rejects.toThrow(InvalidClockOffsetError);
    await local.set({ [clockOffsetStorageKey]: -5 });
    const other = createWalletClock({ local, realNow: () => 0 });
    await other.ready();
    expect(other.offsetMs()).toBe(0);
  });
});
