import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import packageJson from '../package.json' with { type: 'json' };
import type { Database } from './db/Database.ts';
import { healthRoutes } from './health/healthRoutes.ts';
import { ApiError } from './http/errors.ts';
import { replyWithError } from './http/replyWithError.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The provider's storage; plugins reach it here, never through a module-level import. */
    db: Database;
    /** The clock; plugins read time here so tests can set it. */
    now: () => Date;
  }
}

export type BuildServerParameters = {
  /** Opened and migrated by the caller, who also closes it (after the server). */
  db: Database;
  now?: () => Date;
  /** `false` (default) for silence, or pino options such as `{ level: 'info' }`. */
  logger?: FastifyServerOptions['logger'];
};

export type BuildServerReturnType = FastifyInstance;

export const bodyLimitBytes = 64 * 1024;

/**
 * The provider API as a Fastify instance, routes registered but not listening: `inject()` for
 * tests, `listen()` to serve. Each concern is a plugin; the db and the clock are decorations.
 */
export async function buildServer({
  db,
  now = () => new Date(),
  logger = false,
}: BuildServerParameters): Promise<BuildServerReturnType> {
  const app = Fastify({
    logger,
    bodyLimit: bodyLimitBytes,
    ajv: {
      customOptions: {
        // Unknown fields are refused (400), not silently dropped, where a schema sets
        // additionalProperties: false.
        removeAdditional: false,
        // Inputs are taken as sent: `"amount": 15` must not become "15" (money travels as decimal
        // strings, never as JSON numbers). Query and path values are strings too, so declare them
        // as `Type.String({ pattern })` and convert in the route.
        coerceTypes: false,
      },
    },
    frameworkErrors: replyWithError,
    // Fastify's own 503 while closing has another body shape; the preClose hook below answers instead.
    return503OnClosing: false,
  });

  app.decorate('db', db);
  app.decorate('now', now);

  app.setErrorHandler(replyWithError);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const error = new ApiError({
      code: 'not_found',
      message: `No route for ${request.method} ${path}.`,
    });
    replyWithError(error, request, reply);
  });

  let isClosing = false;
  app.addHook('preClose', (done) => {
    isClosing = true;
    done();
  });
  app.addHook('onRequest', (_request, reply, done) => {
    if (!isClosing) {
      done();
      return;
    }
    void reply.header('connection', 'close');
    done(new ApiError({ code: 'not_ready', message: 'The server is shutting down.' }));
  });

  // Before any route: the document is built from the routes registered after it.
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'TP Provider API',
        version: packageJson.version,
        description: 'Rates, checkout sessions, payments and webhooks for TP Pay.',
      },
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, () => Promise.resolve(app.swagger()));

  await app.register(healthRoutes);

  return app;
}
