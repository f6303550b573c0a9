import { describe, expect, it } from 'vitest';
import { isLocale } from './isLocale.ts';
import { pickLocale } from './pickLocale.ts';

describe('pickLocale', () => {
  it('gives Simplified Chinese to any Chinese tag', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-TW', 'zh-Hans-CN', 'ZH_hk']) {
      expect(pickLocale([tag]), tag).toBe('zh-CN');
    }
  });

  it('takes the first language it supports, in the user’s order', () => {
    expect(pickLocale(['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(pickLocale(['en-GB', 'zh-CN'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLocale(['de-DE', 'ja'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

describe('isLocale', () => {
  it('accepts exactly the supported tags', () => {
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('zh')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
