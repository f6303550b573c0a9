import { describe, expect, test } from 'vitest';
import { assertWebhookUrl } from './assertWebhookUrl.ts';
import { InvalidWebhookUrlError } from './errors.ts';

function reasonFor(url: string, allowInsecureWebhookUrls = false): string {
  try {
    assertWebhookUrl({ url, allowInsecureWebhookUrls });
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidWebhookUrlError);
    return (error as InvalidWebhookUrlError).shortMessage;
  }
  return 'accepted';
}

describe('assertWebhookUrl', () => {
  test('accepts and normalizes a public https URL', () => {
    expect(assertWebhookUrl({ url: 'HTTPS://Shop.Example.com:8443/hooks/tp?x=1' })).toBe(
      'https://shop.example.com:8443/hooks/tp?x=1',
    );
  });

  test('accepts a public IP literal', () => {
    expect(reasonFor('https://8.8.8.8/hook')).toBe('accepted');
  });

  test.each([
    ['not a URL', 'shop.example.com/hook', 'not an absolute URL'],
    ['http', 'http://shop.example.com/hook', 'only https'],
    ['ftp', 'ftp://shop.example.com/hook', 'only https'],
    ['credentials', 'https://user:secret@shop.example.com/hook', 'user name or password'],
    ['localhost', 'https://localhost/hook', 'own machine'],
    ['localhost with a trailing dot', 'https://LOCALHOST./hook', 'own machine'],
    ['a .localhost name', 'https://shop.localhost/hook', 'own machine'],
    ['127.0.0.1', 'https://127.0.0.1/hook', 'own machine'],
    ['127.0.0.1 written as a number', 'https://2130706433/hook', 'own machine'],
    ['[::1]', 'https://[::1]/hook', 'own machine'],
    ['an IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook', 'private or reserved'],
    ['the metadata service', 'https://169.254.169.254/latest', 'private or reserved'],
    ['a private network', 'https://10.0.0.8/hook', 'private or reserved'],
    ['a single-label name', 'https://intranet/hook', 'not a public domain'],
    ['a .internal name', 'https://billing.internal/hook', 'not a public domain'],
  ])('refuses %s in production', (_name, url, reason) => {
    expect(reasonFor(url)).toContain(reason);
  });

  test.each(['http://localhost:3000/hook', 'http://127.0.0.1:4000/hook', 'http://[::1]:4000/hook'])(
    'accepts %s in development',
    (url) => {
      expect(reasonFor(url, true)).toBe('accepted');
    },
  );

  test('refuses plain http to another machine even in development', () => {
    expect(reasonFor('http://shop.example.com/hook', true)).toContain('only for localhost');
  });
});
