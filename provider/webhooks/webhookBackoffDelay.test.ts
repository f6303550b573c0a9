import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { webhookBackoffDelay } from './webhookBackoffDelay.ts';

const noJitter = (): number => 0;

describe('webhookBackoffDelay', () => {
  test('doubles from 30 s and stops at 1 h', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 30].map((attempt) =>
      webhookBackoffDelay({ attempt, random: noJitter }),
    );
    expect(delays).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });

  test('stays at the cap for absurd attempt counts', () => {
    expect(webhookBackoffDelay({ attempt: 10_000, random: noJitter })).toBe(3_600_000);
  });

  test('jitter shortens by at most a quarter, never lengthens', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, value) => {
          const full = webhookBackoffDelay({ attempt, random: noJitter });
          const jittered = webhookBackoffDelay({ attempt, random: () => value });
          expect(jittered).toBeLessThanOrEqual(full);
          expect(jittered).toBeGreaterThanOrEqual(Math.floor(full * 0.75));
        },
      ),
    );
  });
});
