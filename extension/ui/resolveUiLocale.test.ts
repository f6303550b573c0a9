import { describe, expect, it } from 'vitest';
import { resolveUiLocale } from './resolveUiLocale.ts';

describe('resolveUiLocale', () => {
  it('follows the browser when nothing was chosen', () => {
    expect(resolveUiLocale({ search: '', stored: null, languages: ['zh-TW', 'en'] })).toEqual({
      locale: 'zh-CN',
      setting: 'auto',
    });
  });

  it('prefers the saved choice over the browser', () => {
    expect(resolveUiLocale({ search: '', stored: 'en', languages: ['zh-CN'] })).toEqual({
      locale: 'en',
      setting: 'en',
    });
  });

  it('lets the URL override both, without changing the saved setting', () => {
    expect(
      resolveUiLocale({ search: '?locale=zh-CN', stored: 'en', languages: ['en-US'] }),
    ).toEqual({ locale: 'zh-CN', setting: 'en' });
  });

  it('ignores unknown values', () => {
    expect(
      resolveUiLocale({ search: '?locale=xx', stored: 'klingon', languages: ['de-DE'] }),
    ).toEqual({ locale: 'en', setting: 'auto' });
  });
});
