import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs.ts';
import type { MessageKey } from './catalogs.ts';
import { createTranslator } from './createTranslator.ts';

describe('createTranslator', () => {
  it('returns the message of the locale', () => {
    expect(createTranslator('en')('unlock.submit')).toBe('Unlock');
    expect(createTranslator('zh-CN')('unlock.submit')).toBe('解锁');
  });

  it('fills {name} placeholders, numbers included, every time they occur', () => {
    const t = createTranslator('en');
    expect(t('unlock.retryIn', { time: '0:42' })).toBe(
      'Too many wrong passwords. Try again in 0:42.',
    );
    expect(t('onboarding.step', { number: 1, total: 2, name: 'Password' })).toBe(
      'Step 1 of 2: Password',
    );
  });

  it('leaves a placeholder without a value visible', () => {
    expect(createTranslator('en')('popup.version', {})).toBe('Version {version}');
  });

  it('does not interpret replacement patterns inside values', () => {
    expect(createTranslator('en')('popup.version', { version: "$& $' $1" })).toBe(
      "Version $& $' $1",
    );
  });

  it('falls back to English for a key the locale lacks', () => {
    const zhCN = catalogs['zh-CN'] as Partial<Record<MessageKey, string>>;
    const saved = zhCN['common.back'];
    delete zhCN['common.back'];
    try {
      expect(createTranslator('zh-CN')('common.back')).toBe('Back');
    } finally {
      zhCN['common.back'] = saved;
    }
  });
});
