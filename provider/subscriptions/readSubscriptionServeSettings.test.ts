import { describe, expect, it } from 'vitest';
import {
  InvalidSubscriptionServeSettingError,
  readSubscriptionServeSettings,
} from './readSubscriptionServeSettings.ts';

describe('readSubscriptionServeSettings', () => {
  it('defaults to a 5 s sweep and the real clock', () => {
    const settings = readSubscriptionServeSettings({ env: {}, realNow: () => 1_000 });
    expect(settings.sweepIntervalMs).toBe(5_000);
    expect(settings.now().getTime()).toBe(1_000);
  });

  it('reads the sweep interval and refuses nonsense', () => {
    expect(
      readSubscriptionServeSettings({ env: { SUBSCRIPTION_SWEEP_INTERVAL_MS: '1000' } })
        .sweepIntervalMs,
    ).toBe(1_000);
    for (const bad of ['50', '-1', 'soon', '99999999'])
      expect(() =>
        readSubscriptionServeSettings({ env: { SUBSCRIPTION_SWEEP_INTERVAL_MS: bad } }),
      ).toThrow(InvalidSubscriptionServeSettingError);
  });

  it('adds the dev clock file offset, re-read at most every 500 ms, keeping the last good one', () => {
    let real = 10_000;
    let content = '86400000';
    let reads = 0;
    const { now } = readSubscriptionServeSettings({
      env: { DEV_CLOCK_FILE: '/clock' },
      realNow: () => real,
      readFile: () => {
        reads += 1;
        return content;
      },
    });
    expect(now().getTime()).toBe(10_000 + 86_400_000);
    content = '172800000';
    real += 100;
    expect(now().getTime()).toBe(10_100 + 86_400_000);
    real += 500;
    expect(now().getTime()).toBe(10_600 + 172_800_000);
    content = 'garbage';
    real += 500;
    expect(now().getTime()).toBe(11_100 + 172_800_000);
    expect(reads).toBe(3);
  });

  it('has no offset while the file is missing', () => {
    const { now } = readSubscriptionServeSettings({
      env: { DEV_CLOCK_FILE: '/missing' },
      realNow: () => 5,
      readFile: () => {
        throw new Error('ENOENT');
      },
    });
    expect(now().getTime()).toBe(5);
  });
});
