import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeWebhookSignature } from './computeWebhookSignature.ts';
import { InvalidWebhookInputError } from './errors.ts';

const secret = 'whsec_test_7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c2e';
const body =
  '{"id":"evt_1","type":"checkout.session.settled","created":1893456000,"data":{"id":"cs_1"}}';

function nodeSignature(key: string, timestamp: number, payload: string | Uint8Array): string {
  return createHmac('sha256', key).update(`${timestamp}.`).update(payload).digest('hex');
}

describe('computeWebhookSignature', () => {
  // Known answers, computed once with node:crypto's createHmac and frozen here.
  test.each([
    [
      secret,
      1_893_456_000,
      body,
      'a8e6ddc864680e09984db79c9ce920769e6f2fd3fb152b28f58cc5320749cd05',
    ],
    [secret, 0, '', '1cf1a3bf9e64246e3711e795a5c2ebcaab5a24e4d940c8cee396836c0f1583e3'],
    [
      'whsec_other',
      1_893_456_000,
      body,
      '3df57155804ac80b3bfb29c2079b78912f8969dee085854a4021181f8ee97f11',
    ],
    [
      secret,
      1_893_456_000,
      '{"name":"Café ☕"}',
      'a34210c0f1a62d0c408b2ff9cdf2288b4510f352155d643317a705508eb783a5',
    ],
  ])('HMAC-SHA256(%s, "%i." + body) is the frozen hex', (key, timestamp, payload, expected) => {
    expect(computeWebhookSignature({ payload, secret: key, timestamp })).toBe(expected);
    expect(nodeSignature(key, timestamp, payload)).toBe(expected);
  });

  test('signs a string and its UTF-8 bytes alike', () => {
    const bytes = new TextEncoder().encode(body);
    expect(computeWebhookSignature({ payload: bytes, secret, timestamp: 1 })).toBe(
      computeWebhookSignature({ payload: body, secret, timestamp: 1 }),
    );
  });

  test('agrees with node:crypto on any secret, timestamp and body', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 100 }),
        fc.integer({ min: 0, max: 99_999_999_999 }),
        fc.oneof(fc.string({ maxLength: 500 }), fc.uint8Array({ maxLength: 500 })),
        (key, timestamp, payload) => {
          expect(computeWebhookSignature({ payload, secret: key, timestamp })).toBe(
            nodeSignature(key, timestamp, payload),
          );
        },
      ),
    );
  });

  test.each([
    ['an empty secret', { payload: body, secret: '', timestamp: 1 }, 'secret'],
    ['a huge secret', { payload: body, secret: 'k'.repeat(1025), timestamp: 1 }, 'secret'],
    ['a negative timestamp', { payload: body, secret, timestamp: -1 }, 'timestamp'],
    ['a fractional timestamp', { payload: body, secret, timestamp: 1.5 }, 'timestamp'],
    [
      'milliseconds past the safe range',
      { payload: body, secret, timestamp: 2 ** 53 },
      'timestamp',
    ],
    [
      'a parsed object as payload',
      { payload: JSON.parse(body) as string, secret, timestamp: 1 },
      'payload',
    ],
  ])('refuses %s', (_name, parameters, field) => {
    expect(() => computeWebhookSignature(parameters)).toThrow(InvalidWebhookInputError);
    expect(() => computeWebhookSignature(parameters)).toThrow(`${field} must be`);
  });
});
