import { describe, expect, test } from 'vitest';
import { signMoonPayUrl } from './signMoonPayUrl.ts';

// MoonPay's documented example URL and test key ("URL signing", dev.moonpay.com); the expected
// signature was computed independently with `openssl dgst -sha256 -hmac sk_test_key -binary | base64`
// over the query string.
const documentedUrl =
  'https://buy-sandbox.moonpay.com?apiKey=pk_test_key&currencyCode=eth&walletAddress=0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae';

describe('signMoonPayUrl', () => {
  test('signs the documented example: base64 HMAC-SHA256 of the query string, URL-encoded', () => {
    const signed = signMoonPayUrl({ url: new URL(documentedUrl), secretKey: 'sk_test_key' });
    expect(signed.searchParams.get('signature')).toBe(
      'o1eO2arzL16TstEolGakHHFa33Mb61RCTfqToRWg7PA=',
    );
    expect(
      signed.search.endsWith('&signature=o1eO2arzL16TstEolGakHHFa33Mb61RCTfqToRWg7PA%3D'),
    ).toBe(true);
  });

  test('the signature is over the query string as sent (another key or parameter changes it)', () => {
    const base = signMoonPayUrl({ url: new URL(documentedUrl), secretKey: 'sk_test_key' });
    const otherKey = signMoonPayUrl({ url: new URL(documentedUrl), secretKey: 'sk_test_other' });
    const otherAmount = signMoonPayUrl({
      url: new URL(`${documentedUrl}&baseCurrencyAmount=50`),
      secretKey: 'sk_test_key',
    });
    const signatures = [base, otherKey, otherAmount].map((url) =>
      url.searchParams.get('signature'),
    );
    expect(new Set(signatures).size).toBe(3);
  });

  test('refuses a URL that already carries a signature, and an empty key', () => {
    expect(() =>
      signMoonPayUrl({ url: new URL(`${documentedUrl}&signature=x`), secretKey: 'sk_test_key' }),
    ).toThrow(/signed already/);
    expect(() => signMoonPayUrl({ url: new URL(documentedUrl), secretKey: '' })).toThrow(TypeError);
  });
});
