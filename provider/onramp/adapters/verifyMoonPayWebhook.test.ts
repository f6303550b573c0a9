import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MalformedOnrampWebhookError, OnrampWebhookSignatureError } from '../errors.ts';
import { verifyMoonPayWebhook } from './verifyMoonPayWebhook.ts';

const webhookKey = 'wk_test';
const fixture = readFileSync(
  new URL('../fixtures/moonpay-transaction-failed.json', import.meta.url),
  'utf8',
);
const signedAt = 1_770_000_000;
const now = new Date(signedAt * 1000);
const sign = (body: string, t = signedAt, key = webhookKey) =>
  `t=${t},s=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`;
const verify = (header: string | undefined, rawBody = fixture, at = now) =>
  verifyMoonPayWebhook({
    headers: header === undefined ? {} : { 'moonpay-signature-v2': header },
    rawBody,
    now: at,
    webhookKey,
  });

describe('verifyMoonPayWebhook', () => {
  test('a known answer: t=1492774577 over {"type":"x"} (computed with openssl)', () => {
    expect(
      verifyMoonPayWebhook({
        headers: {
          'moonpay-signature-v2':
            't=1492774577,s=ccd7ae23dc52273db11aa7bd29de2bd83589c77b0c0b6011b7c468aedb1d2b32',
        },
        rawBody: '{"type":"x"}',
        now: new Date(1_492_774_577_000),
        webhookKey,
      }),
    ).toEqual({ type: 'x' });
  });

  test('accepts the recorded payload signed with the key, and returns it parsed', () => {
    expect(verify(sign(fixture))).toMatchObject({ type: 'transaction_failed' });
  });

  const refusals: [string, () => unknown][] = [
    ['no header', () => verify(undefined)],
    ['another key', () => verify(sign(fixture, signedAt, 'wk_other'))],
    ['a body changed by one byte', () => verify(sign(fixture), fixture.replace('45.5', '45.6'))],
    ['a header without s', () => verify(`t=${signedAt}`)],
    ['a header without t', () => verify(sign(fixture).replace(/^t=\d+,/, ''))],
    ['a short signature', () => verify(`t=${signedAt},s=abcd`)],
    ['a header of junk', () => verify('t=1=2,s')],
    [
      'an old delivery (replay)',
      () => verify(sign(fixture), fixture, new Date((signedAt + 301) * 1000)),
    ],
    ['a delivery from the future', () => verify(sign(fixture, signedAt + 301))],
    ['a huge header', () => verify(`t=${signedAt},s=${'a'.repeat(1000)}`)],
  ];
  for (const [name, call] of refusals) {
    test(`refuses ${name}`, () => {
      expect(call).toThrow(OnrampWebhookSignatureError);
    });
  }

  test('a correctly signed body that is not JSON is malformed, not a crash', () => {
    expect(() => verify(sign('not json'), 'not json')).toThrow(MalformedOnrampWebhookError);
  });
});
