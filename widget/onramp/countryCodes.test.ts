import { describe, expect, it } from 'vitest';
import { countryCodes } from './countryCodes.ts';

describe('countryCodes', () => {
  it('lists the 249 assigned ISO 3166-1 alpha-2 codes once each, sorted', () => {
    expect(countryCodes).toHaveLength(249);
    expect(new Set(countryCodes).size).toBe(249);
    expect([...countryCodes].sort()).toEqual(countryCodes);
    for (const code of ['US', 'DE', 'CN', 'JP', 'SA', 'ES', 'KP', 'ZW']) {
      expect(countryCodes).toContain(code);
    }
  });

  it('has a name in every widget language for every code', () => {
    for (const locale of ['en', 'zh-CN', 'es', 'de', 'ja', 'ar']) {
      const names = new Intl.DisplayNames([locale], { type: 'region' });
      for (const code of countryCodes) expect(names.of(code), `${locale} ${code}`).not.toBe(code);
    }
  });
});
