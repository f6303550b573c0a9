import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';
import { createProviderMetrics } from './createProviderMetrics.ts';
import type { ProviderMetrics } from './createProviderMetrics.ts';
import { processMetricsRegistry } from './processMetricsRegistry.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** This server's Prometheus metrics; code that has something to count counts it here. */
    metrics: ProviderMetrics;
  }
}

export type RegisterMetricsParameters = {
  /**
   * When set, `GET /metrics` needs `Authorization: Bearer <token>` (a provider reachable from
   * outside); unset, it is open, for a scraper on a private network.
   */
  token?: string | undefined;
};

export const metricsPath = '/metrics';

/** The `route` label of requests that matched no route: one value, whatever the URL. */
export const unmatchedRouteLabel = 'unmatched';

/*
 * Trusted: the token from the configuration. Not trusted: the request. The token is compared
 * through SHA-256 digests of equal length with `timingSafeEqual`, so neither its length nor
 * where a guess first differs shows in the timing.
 */

/**
 * Decorates `app.metrics` (call it before the plugins that count), times every request into
 * `http_request_duration_seconds`, and serves the Prometheus text format at `GET /metrics`:
 * not under /v1 (no per-IP rate limit, no CORS) and hidden from the OpenAPI document.
 */
export function registerMetrics(app: FastifyInstance, { token }: RegisterMetricsParameters): void {
  const metrics = createProviderMetrics({ rates: app.rates });
  app.decorate('metrics', metrics);

  app.addHook('onResponse', (request, reply, done) => {
    metrics.httpRequestDuration.observe(
      {
        method: request.method,
        route: routeLabel(request),
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });

  const expectedDigest = token === undefined ? undefined : sha256(token);
  app.get(metricsPath, { schema: { hide: true } }, async (request, reply) => {
    if (expectedDigest !== undefined && !isPresentedToken(request, expectedDigest)) {
      throw new ApiError({
        code: 'unauthorized',
        message: 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".',
      });
    }
    const processText = await processMetricsRegistry().metrics();
    const serverText = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(`${processText}\n${serverText}`);
  });
}

function routeLabel(request: FastifyRequest): string {
  if (request.is404) return unmatchedRouteLabel;
  return request.routeOptions.url ?? unmatchedRouteLabel;
}

function isPresentedToken(request: FastifyRequest, expectedDigest: Buffer): boolean {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return false;
  const match = /^Bearer (\S+)$/i.exec(header.trim());
  if (match?.[1] === undefined) return false;
  return timingSafeEqual(sha256(match[1]), expectedDigest);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
