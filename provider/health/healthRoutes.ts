import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from '../http/ErrorResponse.ts';
import { ApiError } from '../http/errors.ts';

export type HealthRoutesOptions = {
  /** How long `/readyz` waits for the database before answering 503. */
  readinessTimeoutMs?: number;
};

const HealthReply = Type.Object({ status: Type.Literal('ok') }, { title: 'HealthReply' });
const ReadyReply = Type.Object({ status: Type.Literal('ready') }, { title: 'ReadyReply' });

/**
 * `/healthz`: the process answers (liveness; restart it if not).
 * `/readyz`: it can serve, its database answers (readiness; route traffic elsewhere if not).
 */
export function healthRoutes(
  app: FastifyInstance,
  { readinessTimeoutMs = 2_000 }: HealthRoutesOptions,
): Promise<void> {
  app.get<{ Reply: Static<typeof HealthReply> }>(
    '/healthz',
    {
      schema: {
        summary: 'Liveness: the process answers',
        tags: ['health'],
        response: { 200: HealthReply },
      },
    },
    () => Promise.resolve({ status: 'ok' as const }),
  );

  app.get<{ Reply: Static<typeof ReadyReply> }>(
    '/readyz',
    {
      schema: {
        summary: 'Readiness: the database answers',
        tags: ['health'],
        response: { 200: ReadyReply, 503: ErrorResponse },
      },
    },
    async (request) => {
      try {
        await answersWithin(app.db.query('select 1'), readinessTimeoutMs);
      } catch (cause) {
        request.log.warn({ err: cause }, 'database is not answering');
        throw new ApiError({ code: 'not_ready', message: 'The database is not answering.', cause });
      }
      return { status: 'ready' as const };
    },
  );
  return Promise.resolve();
}

async function answersWithin(work: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
