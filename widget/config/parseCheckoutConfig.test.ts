import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCheckoutConfig } from './parseCheckoutConfig.ts';

const valid = {
  session: 'cs_8f14e45fceea167a5a36dedd4bea2543',
  publishableKey: 'pk_0123456789abcdef0123456789abcdef',
  provider: 'https://pay.example/',
  layout: null,
  theme: null,
};

describe('parseCheckoutConfig', () => {
  it('reads a complete configuration, with inline layout and automatic theme by default', () => {
    expect(parseCheckoutConfig(valid)).toEqual({
      isValid: true,
      config: {
        sessionId: valid.session,
        publishableKey: valid.publishableKey,
        providerUrl: 'https://pay.example',
        layout: 'inline',
        theme: 'auto',
      },
    });
  });

  it('accepts http on the loopback only, and keeps a path prefix', () => {
    const local = parseCheckoutConfig({ ...valid, provider: 'http://127.0.0.1:8787' });
    expect(local.isValid && local.config.providerUrl).toBe('http://127.0.0.1:8787');
    const prefixed = parseCheckoutConfig({ ...valid, provider: 'https://api.example/tp/' });
    expect(prefixed.isValid && prefixed.config.providerUrl).toBe('https://api.example/tp');
    const plain = parseCheckoutConfig({ ...valid, provider: 'http://pay.example' });
    expect(plain).toEqual({
      isValid: false,
      issues: [
        'provider must use https (http only on localhost or 127.0.0.1); got "http://pay.example".',
      ],
    });
  });

  it('names every missing attribute at once', () => {
    const result = parseCheckoutConfig({
      session: null,
      publishableKey: '',
      provider: undefined,
      layout: null,
      theme: null,
    });
    expect(result.isValid).toBe(false);
    expect(!result.isValid && result.issues.map((issue) => issue.split(' ')[1])).toEqual([
      'session',
      'publishable-key',
      'provider',
    ]);
  });

  it('warns about a secret key put in the page', () => {
    const result = parseCheckoutConfig({ ...valid, publishableKey: `sk_${'a'.repeat(64)}` });
    expect(!result.isValid && result.issues[0]).toMatch(/Never put a secret key/);
  });

  it('refuses an unknown layout or theme, and a provider URL with query or credentials', () => {
    expect(parseCheckoutConfig({ ...valid, layout: 'popup' }).isValid).toBe(false);
    expect(parseCheckoutConfig({ ...valid, theme: 'blue' }).isValid).toBe(false);
    expect(parseCheckoutConfig({ ...valid, provider: 'https://a.example/?x=1' }).isValid).toBe(
      false,
    );
    expect(parseCheckoutConfig({ ...valid, provider: 'https://u:p@a.example' }).isValid).toBe(
      false,
    );
    expect(parseCheckoutConfig({ ...valid, provider: 'javascript:alert(1)' }).isValid).toBe(false);
  });

  it('never throws, and either gives a config or at least one issue, bounded in length', () => {
    const text = fc.option(fc.string({ maxLength: 300 }), { nil: null });
    fc.assert(
      fc.property(
        text,
        text,
        text,
        text,
        text,
        (session, publishableKey, provider, layout, theme) => {
          const result = parseCheckoutConfig({ session, publishableKey, provider, layout, theme });
          if (result.isValid) return result.config.sessionId.startsWith('cs_');
          return result.issues.length > 0 && result.issues.every((issue) => issue.length < 200);
        },
      ),
    );
  });
});
