import { describe, expect, it } from 'vitest';
import { createWidgetTranslator } from './createWidgetTranslator.ts';

describe('createWidgetTranslator', () => {
  it('fills placeholders from values, as text', () => {
    const t = createWidgetTranslator({ 'quoted.expiresIn': 'Locked for {time} ({time})' });
    expect(t('quoted.expiresIn', { time: "$& $'" })).toBe("Locked for $& $' ($& $')");
  });

  it('falls back to English for a missing key, and leaves an unfilled placeholder visible', () => {
    const t = createWidgetTranslator({});
    expect(t('action.pay')).toBe('Pay with wallet');
    expect(t('quoted.expiresIn', {})).toBe('Price locked for {time}');
  });
});
