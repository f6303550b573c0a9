import { describe, expect, it } from 'vitest';
import { mnemonicLanguages } from './Mnemonic.ts';
import { assertMnemonicLanguage } from './assertMnemonicLanguage.ts';
import { UnsupportedMnemonicLanguageError } from './errors.ts';

describe('assertMnemonicLanguage', () => {
  it.each(mnemonicLanguages)('accepts %s', (language) => {
    expect(() => {
      assertMnemonicLanguage(language);
    }).not.toThrow();
  });

  it.each(['english', 'EN', 'zh', 'de', '', null, 1])(
    'refuses %j, listing the supported ones',
    (language) => {
      expect(() => {
        assertMnemonicLanguage(language);
      }).toThrow(UnsupportedMnemonicLanguageError);
    },
  );
});
