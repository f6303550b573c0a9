import { describe, expect, it } from 'vitest';
import { formatActivityTime } from './formatActivityTime.ts';

const now = Date.UTC(2026, 11, 6, 14, 0, 0);
const at = (millisecondsAgo: number) =>
  formatActivityTime({ time: now - millisecondsAgo, now, locale: 'en', timeZone: 'UTC' });

describe('formatActivityTime', () => {
  it('says "now" within a minute, and for a clock slightly ahead', () => {
    expect(at(5_000).short).toBe('now');
    expect(at(-30_000).short).toBe('now');
  });

  it('counts minutes, then hours, within a day', () => {
    expect(at(3 * 60_000).short).toBe('3 minutes ago');
    expect(at(60_000).short).toBe('1 minute ago');
    expect(at(5 * 3_600_000 + 59 * 60_000).short).toBe('5 hours ago');
  });

  it('shows the date and time after a day, and always in full', () => {
    const older = at(3 * 86_400_000);
    expect(older.short).toBe(older.full);
    expect(older.full).toBe('Dec 3, 2026, 2:00 PM');
    expect(older.iso).toBe('2026-12-03T14:00:00.000Z');
    expect(at(60_000).full).toBe('Dec 6, 2026, 1:59 PM');
  });

  it('speaks Chinese for zh-CN', () => {
    expect(
      formatActivityTime({ time: now - 2 * 3_600_000, now, locale: 'zh-CN', timeZone: 'UTC' })
        .short,
    ).toBe('2小时前');
  });
});
