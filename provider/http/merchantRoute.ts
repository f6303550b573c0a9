import { Type } from '@sinclair/typebox';
import type { TObject } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  createIdempotencyHooks,
  idempotencyKeyMaxLength,
} from '../idempotency/createIdempotencyHooks.ts';
import { authenticateMerchant } from '../merchants/authenticateMerchant.ts';
import type { AuthenticatedMerchant } from '../merchants/findMerchantByKey.ts';
import type { MerchantKeyKind } from '../merchants/merchantKeys.ts';

export type MerchantRouteParameters = {
  /** The keys the route takes: `['secret']` for the merchant's server only. */
  accepts: readonly MerchantKeyKind[];
  /** A POST that takes `Idempotency-Key` (createIdempotencyHooks). */
  isIdempotent?: boolean;
};

export type MerchantRoute = {
  /** Spread into the route's `schema`: security, and the headers and query these keys use. */
  schema: {
    security: Record<string, string[]>[];
    headers?: TObject;
    querystring?: TObject;
  };
  /** Spread into the route's options: authentication, then idempotency when asked. */
  hooks: {
    onRequest: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    preHandler?: (
      request: FastifyRequest,
      reply: FastifyReply,
    ) => Promise<FastifyReply | undefined>;
    onSend?: (request: FastifyRequest, reply: FastifyReply, payload: unknown) => Promise<unknown>;
  };
  /** The authenticated merchant, in the handler. */
  merchantOf: (request: FastifyRequest) => AuthenticatedMerchant;
};

export type MerchantRouteReturnType = MerchantRoute;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: idempotencyKeyMaxLength,
      description:
        'Optional. A retry with the same key and body gets the first response again (24 h, ' +
        'per merchant); another body with the same key gets 409 `idempotency_conflict`.',
    }),
  ),
});

export const PublishableKeyQuery = Type.Object(
  {
    key: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'The publishable key (`pk_…`), for pages that cannot set a header.',
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * The plumbing every merchant route repeats, declared once per route: which keys it takes (and
 * so its OpenAPI security, and `?key=` for publishable ones), authentication before anything
 * else, `Idempotency-Key` on POSTs, and the merchant in the handler. Each call makes its own
 * idempotency hooks: one per route, as createIdempotencyHooks requires.
 */
export function merchantRoute({
  accepts,
  isIdempotent = false,
}: MerchantRouteParameters): MerchantRouteReturnType {
  const takesPublishable = accepts.includes('publishable');
  const security: Record<string, string[]>[] = [];
  if (accepts.includes('secret')) security.push({ secretKey: [] });
  if (takesPublishable) security.push({ publishableKey: [] }, { publishableKeyQuery: [] });
  const idempotency = isIdempotent ? createIdempotencyHooks() : undefined;
  return {
    schema: {
      security,
      ...(isIdempotent ? { headers: IdempotencyHeaders } : {}),
      ...(takesPublishable ? { querystring: PublishableKeyQuery } : {}),
    },
    hooks: {
      onRequest: authenticateMerchant({ accepts }),
      ...(idempotency === undefined
        ? {}
        : { preHandler: idempotency.preHandler, onSend: idempotency.onSend }),
    },
    merchantOf: (request) => {
      if (request.merchant === null) throw new Error('merchantRoute: its hooks were not used');
      return request.merchant;
    },
  };
}
