import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './toErrorResponse.ts';

/** The error handler of every route, of the not-found handler and of Fastify's framework errors. */
export function replyWithError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { statusCode, body } = toErrorResponse(error);
  if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.error.code, param: body.error.param }, body.error.message);
  void reply.code(statusCode).send(body);
}
