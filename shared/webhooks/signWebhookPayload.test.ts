import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { InvalidWebhookInputError } from './errors.ts';
import { signWebhookPayload } from './signWebhookPayload.ts';

const body = '{"id":"evt_1"}';

function hex(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

describe('signWebhookPayload', () => {
  test('writes t=<timestamp>,v1=<HMAC-SHA256 of "t.body">', () => {
    expect(signWebhookPayload({ payload: body, secret: 'whsec_a', timestamp: 1_893_456_000 })).toBe(
      `t=1893456000,v1=${hex('whsec_a', 1_893_456_000)}`,
    );
  });

  test('writes one v1 per secret while rotating, in order', () => {
    expect(
      signWebhookPayload({ payload: body, secret: ['whsec_new', 'whsec_old'], timestamp: 7 }),
    ).toBe(`t=7,v1=${hex('whsec_new', 7)},v1=${hex('whsec_old', 7)}`);
  });

  test.each([[[]], [Array.from({ length: 9 }, (_, index) => `whsec_${index}`)]])(
    'refuses %j secrets',
    (secrets) => {
      expect(() => signWebhookPayload({ payload: body, secret: secrets, timestamp: 1 })).toThrow(
        InvalidWebhookInputError,
      );
    },
  );
});
