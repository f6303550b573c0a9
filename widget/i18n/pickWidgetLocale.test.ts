import { describe, expect, it } from 'vitest';
import { pickWidgetLocale } from './pickWidgetLocale.ts';

describe('pickWidgetLocale', () => {
  it('matches on the primary language', () => {
    expect(pickWidgetLocale(['de-AT'])).toBe('de');
    expect(pickWidgetLocale(['es-419'])).toBe('es');
    expect(pickWidgetLocale(['ar-EG'])).toBe('ar');
    expect(pickWidgetLocale(['JA_jp'])).toBe('ja');
    expect(pickWidgetLocale(['zh-TW'])).toBe('zh-CN');
  });

  it('takes the first shipped language in order, skipping absent ones', () => {
    expect(pickWidgetLocale([null, '', 'fr', 'ja', 'de'])).toBe('ja');
  });

  it('falls back to English', () => {
    expect(pickWidgetLocale(['fr-FR', 'pt'])).toBe('en');
    expect(pickWidgetLocale([])).toBe('en');
  });
});
