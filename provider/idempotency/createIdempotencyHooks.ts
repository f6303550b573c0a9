import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';
import { canonicalJson } from './canonicalJson.ts';

export type IdempotencyHooks = {
  /** After validation and authentication: claims the key, or replays / refuses. */
  preHandler: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;
  /** Stores the first response (status and body) for the claimed key. */
  onSend: (request: FastifyRequest, reply: FastifyReply, payload: unknown) => Promise<unknown>;
};

export type CreateIdempotencyHooksReturnType = IdempotencyHooks;

export const idempotencyKeyHeader = 'idempotency-key';
export const idempotencyKeyMaxLength = 255;
export const idempotencyRetentionMs = 24 * 60 * 60 * 1000;

type Claim = { merchantId: string; key: string };

/*
 * `Idempotency-Key`, as Stripe does it: optional on every POST; per merchant; kept 24 h.
 * - First request with a key: claimed (row with no response), run, and its response stored,
 *   whatever its status, except a 5xx (the claim is dropped: a retry runs again).
 * - Same key, same method, path and body (compared as canonical JSON): the stored status and
 *   body are sent again, with `Idempotent-Replayed: true`; nothing runs.
 * - Same key, another request: 409 `idempotency_conflict`. Same key while the first still runs:
 *   409 too; retry later.
 * Requests refused before the route runs (401, 429, invalid body) store nothing. A process that
 * dies between claim and store leaves the key claimed until it expires (24 h).
 */

/** Hooks for one route; the route must authenticate the merchant first (`onRequest`). */
export function createIdempotencyHooks(): CreateIdempotencyHooksReturnType {
  const claims = new WeakMap<FastifyRequest, Claim>();
  return {
    async preHandler(request, reply) {
      const key = request.headers[idempotencyKeyHeader];
      if (key === undefined) return undefined;
      if (typeof key !== 'string' || key.length === 0 || key.length > idempotencyKeyMaxLength) {
        throw new ApiError({
          code: 'invalid_request',
          message: `Idempotency-Key must be one header of 1 to ${idempotencyKeyMaxLength} characters.`,
          param: idempotencyKeyHeader,
        });
      }
      const merchant = request.merchant;
      if (merchant === null) throw new Error('createIdempotencyHooks needs an authenticated route');
      const { db } = request.server;
      const now = request.server.now();
      const requestHash = hashRequest(request);
      await db.query('delete from idempotency_keys where merchant_id = $1 and created_at <= $2', [
        merchant.id,
        new Date(now.getTime() - idempotencyRetentionMs),
      ]);
      const claimed = await db.query(
        `insert into idempotency_keys (merchant_id, key, request_hash, created_at)
         values ($1, $2, $3, $4)
         on conflict (merchant_id, key) do nothing
         returning key`,
        [merchant.id, key, requestHash, now],
      );
      if (claimed.rows.length === 1) {
        claims.set(request, { merchantId: merchant.id, key });
        return undefined;
      }
      const { rows } = await db.query<{
        request_hash: string;
        status_code: number | null;
        response_body: string | null;
      }>(
        `select request_hash, status_code, response_body from idempotency_keys
         where merchant_id = $1 and key = $2`,
        [merchant.id, key],
      );
      const stored = rows[0];
      if (stored === undefined || stored.status_code === null || stored.response_body === null) {
        throw new ApiError({
          code: 'idempotency_conflict',
          message: 'A request with this Idempotency-Key is still running: retry in a moment.',
          param: idempotencyKeyHeader,
        });
      }
      if (stored.request_hash !== requestHash) {
        throw new ApiError({
          code: 'idempotency_conflict',
          message: 'This Idempotency-Key was already used with another request: use a new key.',
          param: idempotencyKeyHeader,
        });
      }
      return reply
        .code(stored.status_code)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .send(stored.response_body);
    },

    async onSend(request, reply, payload) {
      const claim = claims.get(request);
      if (claim === undefined) return payload;
      claims.delete(request);
      const { db } = request.server;
      try {
        if (reply.statusCode >= 500 || typeof payload !== 'string') {
          await db.query('delete from idempotency_keys where merchant_id = $1 and key = $2', [
            claim.merchantId,
            claim.key,
          ]);
        } else {
          await db.query(
            `update idempotency_keys set status_code = $3, response_body = $4
             where merchant_id = $1 and key = $2`,
            [claim.merchantId, claim.key, reply.statusCode, payload],
          );
        }
      } catch (error) {
        request.log.error({ err: error }, 'could not store the idempotent response');
      }
      return payload;
    },
  };
}

function hashRequest(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '';
  return createHash('sha256')
    .update(`${request.method} ${path}\n${canonicalJson(request.body ?? null)}`, 'utf8')
    .digest('hex');
}
