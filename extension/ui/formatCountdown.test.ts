import { describe, expect, it } from 'vitest';
import { formatCountdown } from './formatCountdown.ts';

describe('formatCountdown', () => {
  it('shows minutes and seconds, rounding up so a wait never reads 0:00', () => {
    expect(formatCountdown(42_000)).toBe('0:42');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(899_001)).toBe('15:00');
  });

  it('adds hours past an hour and treats a negative wait as none', () => {
    expect(formatCountdown(3_600_000)).toBe('1:00:00');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});
