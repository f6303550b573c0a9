import { describe, expect, it } from 'vitest';
import { formatUnixTime } from './formatUnixTime.ts';

describe('formatUnixTime', () => {
  it('shows unix seconds as a date and time in the locale', () => {
    expect(formatUnixTime('1780000000', 'en', 'UTC')).toBe('May 28, 2026, 8:26 PM');
    expect(formatUnixTime('1780000000', 'zh-CN', 'UTC')).toBe('2026年5月28日 20:26');
  });

  it('has no date for a moment beyond the calendar (a max-uint deadline means never)', () => {
    expect(formatUnixTime((2n ** 256n - 1n).toString(), 'en')).toBeUndefined();
    expect(formatUnixTime('8640000000001', 'en')).toBeUndefined();
  });

  it('refuses what is not a count of seconds', () => {
    expect(formatUnixTime('-1', 'en')).toBeUndefined();
    expect(formatUnixTime('1e9', 'en')).toBeUndefined();
  });
});
