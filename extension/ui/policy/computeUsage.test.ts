import { describe, expect, it } from 'vitest';
import { computeUsage } from './computeUsage.ts';

describe('computeUsage', () => {
  it('shows an untouched cap as empty', () => {
    expect(computeUsage({ used: '0', limit: '5000' })).toEqual({
      percent: 0,
      level: 'normal',
      isExhausted: false,
    });
  });

  it('rounds up, so any spending shows on the bar', () => {
    expect(computeUsage({ used: '1', limit: '5000' }).percent).toBe(1);
    expect(computeUsage({ used: '2501', limit: '5000' }).percent).toBe(51);
    expect(computeUsage({ used: '2500', limit: '5000' }).percent).toBe(50);
  });

  it('turns high from 80 % and full once nothing is left', () => {
    expect(computeUsage({ used: '3999', limit: '5000' }).level).toBe('normal');
    expect(computeUsage({ used: '4000', limit: '5000' }).level).toBe('high');
    expect(computeUsage({ used: '4999', limit: '5000' })).toEqual({
      percent: 100,
      level: 'high',
      isExhausted: false,
    });
    expect(computeUsage({ used: '5000', limit: '5000' })).toEqual({
      percent: 100,
      level: 'full',
      isExhausted: true,
    });
  });

  it('caps the bar at 100 % when spending passed the cap', () => {
    expect(computeUsage({ used: '9000', limit: '5000' }).percent).toBe(100);
  });

  it('counts on bigints: 18-decimal amounts keep their precision', () => {
    const limit = (10n ** 30n).toString();
    const used = (10n ** 30n / 2n).toString();
    expect(computeUsage({ used, limit }).percent).toBe(50);
    expect(computeUsage({ used: (10n ** 30n - 1n).toString(), limit }).isExhausted).toBe(false);
  });

  it('treats a cap of 0 as full from the start', () => {
    expect(computeUsage({ used: '0', limit: '0' }).isExhausted).toBe(true);
  });

  it('never shows room for a garbled answer', () => {
    expect(computeUsage({ used: '-1', limit: '5000' }).level).toBe('full');
    expect(computeUsage({ used: '10', limit: '1e3' }).level).toBe('full');
  });
});
