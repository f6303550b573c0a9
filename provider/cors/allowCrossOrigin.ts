import type { FastifyInstance } from 'fastify';

export type AllowCrossOriginParameters = {
  /** Route patterns pages may call from any origin, as registered (`/v1/checkout/sessions/:id`). */
  routes: readonly string[];
  /** Methods of those routes. */
  methods: readonly string[];
};

const allowedHeaders = 'authorization, content-type, idempotency-key';
const exposedHeaders = 'retry-after, idempotent-replayed';

/*
 * CORS for the routes a page calls (the widget on the merchant's site): every origin, since the
 * credential is a bearer key the page holds, never a cookie (no `Allow-Credentials`). Routes that
 * take only the secret key are left out on purpose: a browser has no business holding it.
 */

/** Answers preflights for `routes` and lets any origin read their answers, errors included. */
export function allowCrossOrigin(
  app: FastifyInstance,
  { routes, methods }: AllowCrossOriginParameters,
): void {
  const allowed = new Set(routes);
  app.addHook('onSend', (request, reply, payload, done) => {
    const route = request.routeOptions.url;
    if (route !== undefined && allowed.has(route) && request.headers.origin !== undefined) {
      void reply.header('access-control-allow-origin', '*');
      void reply.header('access-control-expose-headers', exposedHeaders);
      void reply.header('vary', 'origin');
    }
    done(null, payload);
  });
  for (const route of routes) {
    app.options(route, { schema: { hide: true } }, (_request, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', methods.join(', '))
        .header('access-control-allow-headers', allowedHeaders)
        .header('access-control-max-age', '600')
        .send(),
    );
  }
}
