import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';
import { limitRate } from '../rateLimits/limitRate.ts';
import type { AuthenticatedMerchant } from './findMerchantByKey.ts';
import type { MerchantKeyKind } from './merchantKeys.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticateMerchant` on the routes that use it; null elsewhere. */
    merchant: AuthenticatedMerchant | null;
  }
}

export type AuthenticateMerchantParameters = {
  /** The kinds of key the route takes. A publishable key may also come as `?key=pk_…`. */
  accepts: readonly MerchantKeyKind[];
};

export type AuthenticateMerchantReturnType = (
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<void>;

/*
 * Trusted: the database and the route's declaration of which keys it takes. Not trusted: the
 * request. Every failure is the same 401 `unauthorized` whatever went wrong (no key, a malformed
 * one, an unknown one), except that a known key of the wrong kind is told which kind to use.
 * Secret keys are refused in the URL (URLs end up in logs and browser history).
 */

/** An `onRequest` hook: finds the merchant of the request's key, or answers 401. */
export function authenticateMerchant({
  accepts,
}: AuthenticateMerchantParameters): AuthenticateMerchantReturnType {
  return async (request, reply) => {
    const key = readPresentedKey(request);
    const merchant = key === undefined ? undefined : await request.server.merchantKeys.find(key);
    if (merchant === undefined) {
      throw new ApiError({
        code: 'unauthorized',
        message: accepts.includes('publishable')
          ? 'Send a valid key as "Authorization: Bearer pk_…" (or sk_…), or as ?key=pk_….'
          : 'Send a valid secret key as "Authorization: Bearer sk_…".',
      });
    }
    if (!accepts.includes(merchant.keyKind)) {
      throw new ApiError({
        code: 'unauthorized',
        message: 'This route needs the secret key (sk_…), sent from your server.',
      });
    }
    limitRate({
      limiter: request.server.rateLimiters.perKey,
      key: `${merchant.id}:${merchant.keyKind}`,
      reply,
    });
    request.merchant = merchant;
  };
}

function readPresentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer ([!-~]{1,200})$/i.exec(header.trim());
    return match?.[1];
  }
  const query = request.query as Record<string, unknown> | undefined;
  const key = query?.key;
  return typeof key === 'string' && key.startsWith('pk_') ? key : undefined;
}
