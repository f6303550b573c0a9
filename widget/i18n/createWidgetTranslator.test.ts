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

describe('createWidgetTranslator for right-to-left languages', () => {
  it('isolates each inserted value so left-to-right amounts keep their place', () => {
    const t = createWidgetTranslator(
      { 'error.insufficient.body': 'تحتاج إلى {missing} إضافية على {network}.' },
      { isolateValues: true },
    );
    expect(t('error.insufficient.body', { missing: '5 USDC', network: 'TP Pay dev chain' })).toBe(
      'تحتاج إلى \u20685 USDC\u2069 إضافية على \u2068TP Pay dev chain\u2069.',
    );
  });
});
