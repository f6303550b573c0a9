import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCountdown } from './formatCountdown.ts';

describe('formatCountdown', () => {
  it('shows minutes and two-digit seconds, rounding seconds up', () => {
    expect(formatCountdown(598_000, 'en')).toBe('9:58');
    expect(formatCountdown(6_001, 'en')).toBe('0:07');
    expect(formatCountdown(0, 'en')).toBe('0:00');
    expect(formatCountdown(-5_000, 'en')).toBe('0:00');
  });

  it('writes the digits of the locale', () => {
    expect(formatCountdown(65_000, 'ar-EG')).toBe('١:٠٥');
  });

  it('never shows more seconds than are left, nor a negative time', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (milliseconds) => {
        const [minutes, seconds] = formatCountdown(milliseconds, 'en').split(':').map(Number);
        const shown = (minutes ?? 0) * 60 + (seconds ?? 0);
        return shown >= 0 && shown * 1000 - Math.max(milliseconds, 0) < 1000 && (seconds ?? 0) < 60;
      }),
    );
  });
});
