import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MalformedOnrampWebhookError } from '../errors.ts';
import { parseMoonPayWebhook } from './parseMoonPayWebhook.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

describe('parseMoonPayWebhook', () => {
  test('the documented example (status completed) completes the order with the transfer hash', () => {
    expect(parseMoonPayWebhook(fixture('moonpay-transaction-failed.json'))).toEqual({
      kind: 'order',
      orderId: 'oro_00000000000000000000000000000001',
      adapterOrderId: 'defb7c52-7bd3-422b-9052-374df50cc51a',
      walletAddress: '0xc216eD2D6c295579718dbd4a797845CdA70B3C36',
      event: {
        type: 'complete',
        txHash: '0x6751c8fce2e0fb5d57bb4801b31b35a7160fa362e0c5703d44cfd508317ee2f8',
      },
    });
  });

  test('waiting for 3-D Secure is under way', () => {
    expect(parseMoonPayWebhook(fixture('moonpay-transaction-created.json'))).toMatchObject({
      kind: 'order',
      orderId: 'oro_00000000000000000000000000000002',
      event: { type: 'start' },
    });
  });

  test('a declined purchase fails with MoonPay’s reason', () => {
    expect(parseMoonPayWebhook(fixture('moonpay-transaction-updated-declined.json'))).toMatchObject(
      {
        event: {
          type: 'fail',
          code: 'payment_failed',
          message: 'MoonPay: The card was declined by the issuing bank.',
        },
      },
    );
  });

  test('events other than buy transactions are ignored', () => {
    expect(parseMoonPayWebhook(fixture('moonpay-identity-check-updated.json'))).toEqual({
      kind: 'ignored',
      reason: 'event type identity_check_updated is not a buy transaction',
    });
  });

  const completed = fixture('moonpay-transaction-failed.json') as {
    type: string;
    data: Record<string, unknown>;
  };
  const malformed: [string, unknown, string][] = [
    ['not an object', 'hello', 'type'],
    ['null', null, 'type'],
    ['no data', { type: 'transaction_updated' }, 'data'],
    ['data an array', { type: 'transaction_updated', data: [] }, 'data'],
    ['no id', { ...completed, data: { ...completed.data, id: undefined } }, 'data.id'],
    ['a numeric status', { ...completed, data: { ...completed.data, status: 3 } }, 'data.status'],
    [
      'an unknown status',
      { ...completed, data: { ...completed.data, status: 'weird' } },
      'data.status',
    ],
    [
      'completed without a transaction hash',
      { ...completed, data: { ...completed.data, cryptoTransactionId: null } },
      'data.cryptoTransactionId',
    ],
    [
      'a wallet address that is not a string',
      { ...completed, data: { ...completed.data, walletAddress: 7 } },
      'data.walletAddress',
    ],
  ];
  for (const [name, payload, field] of malformed) {
    test(`${name}: a typed error naming ${field}`, () => {
      try {
        parseMoonPayWebhook(payload);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(MalformedOnrampWebhookError);
        expect((error as MalformedOnrampWebhookError).details).toEqual({
          adapter: 'moonpay',
          field,
        });
      }
    });
  }

  test('a prototype key in the payload is never read as a field', () => {
    const payload = JSON.parse('{"type":"transaction_updated","__proto__":{"data":{}}}') as unknown;
    expect(() => parseMoonPayWebhook(payload)).toThrow(MalformedOnrampWebhookError);
  });
});
