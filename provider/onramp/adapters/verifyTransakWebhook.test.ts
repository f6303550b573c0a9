import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MalformedOnrampWebhookError, OnrampWebhookSignatureError } from '../errors.ts';
import { verifyTransakWebhook } from './verifyTransakWebhook.ts';

const accessToken = 'test-partner-access-token';
const claims = JSON.parse(
  readFileSync(new URL('../fixtures/transak-order-completed.claims.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const now = new Date('2026-01-31T12:00:00Z');

function jwt(payload: unknown, key = accessToken, header: unknown = { alg: 'HS256', typ: 'JWT' }) {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${encode(header)}.${encode(payload)}`;
  return `${signed}.${createHmac('sha256', key).update(signed).digest('base64url')}`;
}
const verify = (rawBody: string, tokens = [accessToken]) =>
  verifyTransakWebhook({ rawBody, accessTokens: tokens, now });

describe('verifyTransakWebhook', () => {
  test("a known answer: jwt.io's published HS256 example", () => {
    const token =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    expect(verify(JSON.stringify({ data: token }), ['your-256-bit-secret'])).toEqual({
      sub: '1234567890',
      name: 'John Doe',
      iat: 1516239022,
    });
  });

  test('returns the claims of the recorded order signed with the access token', () => {
    expect(verify(JSON.stringify({ data: jwt(claims) }))).toEqual(claims);
  });

  test('accepts the previous token too (deliveries signed just before a renewal)', () => {
    const body = JSON.stringify({ data: jwt(claims, 'old-token') });
    expect(verify(body, [accessToken, 'old-token'])).toEqual(claims);
    expect(() => verify(body)).toThrow(OnrampWebhookSignatureError);
  });

  const refusals: [string, string][] = [
    ['another key', JSON.stringify({ data: jwt(claims, 'someone-else') })],
    [
      'alg none',
      JSON.stringify({
        data: `${jwt(claims, accessToken, { alg: 'none' }).split('.').slice(0, 2).join('.')}.`,
      }),
    ],
    ['alg HS512 claimed', JSON.stringify({ data: jwt(claims, accessToken, { alg: 'HS512' }) })],
    [
      'a changed claim',
      JSON.stringify({
        data: jwt(claims).replace(
          /\.[^.]+\./,
          `.${Buffer.from('{"webhookData":{}}').toString('base64url')}.`,
        ),
      }),
    ],
    ['no data', JSON.stringify({ webhookData: claims.webhookData })],
    ['data not a JWT', JSON.stringify({ data: 'a.b' })],
    ['an expired JWT', JSON.stringify({ data: jwt({ ...claims, exp: now.getTime() / 1000 - 1 }) })],
  ];
  for (const [name, body] of refusals) {
    test(`refuses ${name}`, () => {
      expect(() => verify(body)).toThrow(OnrampWebhookSignatureError);
    });
  }

  test('a body that is not JSON is malformed', () => {
    expect(() => verify('<xml/>')).toThrow(MalformedOnrampWebhookError);
  });

  test('signed claims that are not an object are malformed', () => {
    expect(() => verify(JSON.stringify({ data: jwt([1, 2]) }))).toThrow(
      MalformedOnrampWebhookError,
    );
  });
});
