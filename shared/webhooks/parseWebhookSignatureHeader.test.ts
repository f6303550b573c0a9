import { describe, expect, test } from 'vitest';
import { InvalidWebhookHeaderError } from './errors.ts';
import {
  maxSignatureHeaderLength,
  parseWebhookSignatureHeader,
} from './parseWebhookSignatureHeader.ts';

const a = 'a'.repeat(64);
const b = '0123456789abcdef'.repeat(4);

describe('parseWebhookSignatureHeader', () => {
  test('reads the timestamp and the signature', () => {
    expect(parseWebhookSignatureHeader(`t=1893456000,v1=${a}`)).toEqual({
      timestamp: 1_893_456_000,
      signatures: [a],
    });
  });

  test('keeps every v1, in order (secret rotation)', () => {
    expect(parseWebhookSignatureHeader(`t=1,v1=${a},v1=${b}`).signatures).toEqual([a, b]);
  });

  test('skips schemes it does not know, and spaces around items', () => {
    expect(parseWebhookSignatureHeader(` t=5 , v0=xyz, v1=${b} `)).toEqual({
      timestamp: 5,
      signatures: [b],
    });
  });

  test.each([
    ['missing', undefined, 'missing'],
    ['sent twice (an array)', [`t=1,v1=${a}`, `t=1,v1=${a}`], 'more than once'],
    ['empty', '  ', 'empty'],
    ['too long', `t=1,v1=${a}`.padEnd(maxSignatureHeaderLength + 1, ','), 'longer'],
    ['without t', `v1=${a}`, 'no t'],
    [
      'with two t (a repeated header joined by Node)',
      `t=1,v1=${a}, t=2,v1=${b}`,
      'more than one t',
    ],
    ['with a t that is not seconds', `t=1.5,v1=${a}`, 't is not unix seconds'],
    ['with a negative t', `t=-1,v1=${a}`, 't is not unix seconds'],
    ['without v1', 't=1,v0=abc', 'no v1'],
    ['with a short v1', `t=1,v1=${a.slice(1)}`, 'not 64 lowercase hex'],
    ['with an uppercase v1', `t=1,v1=${a.toUpperCase()}`, 'not 64 lowercase hex'],
    ['with an item that is not key=value', `t=1,v1=${a},oops`, 'not key=value'],
    ['in Stripe-like but wrong syntax', `t:1;v1:${a}`, 'not key=value'],
  ])('refuses a header %s', (_name, header, reason) => {
    expect(() => parseWebhookSignatureHeader(header)).toThrow(InvalidWebhookHeaderError);
    expect(() => parseWebhookSignatureHeader(header)).toThrow(reason);
  });
});
