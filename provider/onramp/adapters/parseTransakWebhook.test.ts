import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MalformedOnrampWebhookError } from '../errors.ts';
import { parseTransakWebhook } from './parseTransakWebhook.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as {
    webhookData: Record<string, unknown>;
    eventID: string;
  };

describe('parseTransakWebhook', () => {
  test('PROCESSING: the order is under way', () => {
    expect(parseTransakWebhook(fixture('transak-order-processing.claims.json'))).toEqual({
      kind: 'order',
      orderId: 'oro_00000000000000000000000000000011',
      adapterOrderId: '0c142cab-342d-492c-84a6-5ee2a7df3ae6',
      walletAddress: '0x50eBFe54aA1B6aB6Bf4B46550ed4C2E5e3e83991',
      event: { type: 'start' },
    });
  });

  test('COMPLETED: completes with the transfer hash', () => {
    expect(parseTransakWebhook(fixture('transak-order-completed.claims.json'))).toMatchObject({
      orderId: 'oro_00000000000000000000000000000012',
      event: {
        type: 'complete',
        txHash: '0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060',
      },
    });
  });

  test('FAILED: fails, saying why', () => {
    expect(parseTransakWebhook(fixture('transak-order-failed.claims.json'))).toMatchObject({
      event: { type: 'fail', code: 'payment_failed' },
    });
  });

  test('a sell order is ignored', () => {
    const claims = fixture('transak-order-processing.claims.json');
    claims.webhookData.isBuyOrSell = 'SELL';
    expect(parseTransakWebhook(claims)).toEqual({
      kind: 'ignored',
      reason: 'a SELL order is not an on-ramp purchase',
    });
  });

  const base = fixture('transak-order-completed.claims.json');
  const malformed: [string, unknown, string][] = [
    ['no webhookData', { eventID: 'ORDER_COMPLETED' }, 'webhookData'],
    ['webhookData a string', { webhookData: 'x' }, 'webhookData'],
    ['no id', { webhookData: { ...base.webhookData, id: undefined } }, 'webhookData.id'],
    [
      'an unknown status',
      { webhookData: { ...base.webhookData, status: 'LOST' } },
      'webhookData.status',
    ],
    [
      'a prototype status',
      { webhookData: { ...base.webhookData, status: 'toString' } },
      'webhookData.status',
    ],
    [
      'completed without a hash',
      { webhookData: { ...base.webhookData, transactionHash: 'pending' } },
      'webhookData.transactionHash',
    ],
  ];
  for (const [name, claims, field] of malformed) {
    test(`${name}: a typed error naming ${field}`, () => {
      try {
        parseTransakWebhook(claims);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(MalformedOnrampWebhookError);
        expect((error as MalformedOnrampWebhookError).details).toEqual({
          adapter: 'transak',
          field,
        });
      }
    });
  }
});
