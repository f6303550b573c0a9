import type { FastifyRequest } from 'fastify';
import { describe, expect, test } from 'vitest';
import { IdempotencyHeaders, PublishableKeyQuery, merchantRoute } from './merchantRoute.ts';

describe('merchantRoute', () => {
  test('a secret-only route documents the secret key alone, and takes no ?key=', () => {
    const route = merchantRoute({ accepts: ['secret'] });
    expect(route.schema).toEqual({ security: [{ secretKey: [] }] });
    expect(Object.keys(route.hooks)).toEqual(['onRequest']);
  });

  test('a route for any key documents all three ways to send one, and takes ?key=', () => {
    const route = merchantRoute({ accepts: ['secret', 'publishable'] });
    expect(route.schema).toEqual({
      security: [{ secretKey: [] }, { publishableKey: [] }, { publishableKeyQuery: [] }],
      querystring: PublishableKeyQuery,
    });
  });

  test('an idempotent route takes Idempotency-Key, with hooks of its own', () => {
    const first = merchantRoute({ accepts: ['secret'], isIdempotent: true });
    const second = merchantRoute({ accepts: ['secret'], isIdempotent: true });
    expect(first.schema.headers).toBe(IdempotencyHeaders);
    expect(Object.keys(first.hooks)).toEqual(['onRequest', 'preHandler', 'onSend']);
    expect(first.hooks.preHandler).not.toBe(second.hooks.preHandler);
  });

  test('gives the handler the authenticated merchant, and refuses to guess without one', () => {
    const route = merchantRoute({ accepts: ['secret'] });
    const merchant = { id: 'mer_1', name: 'Shop', keyKind: 'secret' as const };
    expect(route.merchantOf({ merchant } as unknown as FastifyRequest)).toBe(merchant);
    expect(() => route.merchantOf({ merchant: null } as unknown as FastifyRequest)).toThrow(
      /hooks were not used/,
    );
  });
});
