import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RateBook } from '../rateBook/createRateBook.ts';

export type CreateProviderMetricsParameters = {
  /** Read at each scrape for `rate_pairs_unavailable` (nothing is pushed from the rate book). */
  rates: Pick<RateBook, 'pairs' | 'read'>;
};

/**
 * One server's metrics, in its own registry: tests build many servers in one process, and two
 * servers must never count into each other (prom-client's global registry would also refuse the
 * second registration of a name). Label values must come from a bounded set: route patterns,
 * codes, chain ids of the configuration; never an id or a URL from a request.
 */
export type ProviderMetrics = {
  readonly registry: Registry;
  /** Every answered request: method, route pattern (`unmatched` for 404s), status code. */
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly checkoutSessionsCreated: Counter;
  readonly quotesLocked: Counter;
  /** One per recorded attempt: `delivered`, `retrying`, `failed` or `stale`. */
  readonly webhookDeliveries: Counter<'outcome'>;
  /** Refreshes that failed as a whole (a source's failure is only that source's vote). */
  readonly rateRefreshFailures: Counter;
  /** For the chain watcher: each payment it records, by the status it gave the session. */
  readonly paymentsObserved: Counter<'status'>;
  /** For the chain watcher: the newest block it has read, per chain (`Number(blockNumber)`). */
  readonly chainWatcherHeadBlock: Gauge<'chain_id'>;
};

export type CreateProviderMetricsReturnType = ProviderMetrics;

/** A fresh registry with the provider's own metrics (process metrics are kept apart). */
export function createProviderMetrics({
  rates,
}: CreateProviderMetricsParameters): CreateProviderMetricsReturnType {
  const registry = new Registry();
  const registers = [registry];
  new Gauge({
    name: 'rate_pairs_unavailable',
    help: 'Configured pairs with no usable rate now: no quorum at the last refresh, or too old.',
    registers,
    collect() {
      this.set(rates.pairs.filter((pair) => rates.read(pair).status !== 'ok').length);
    },
  });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request to response, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    checkoutSessionsCreated: new Counter({
      name: 'checkout_sessions_created_total',
      help: 'Checkout sessions created (idempotent replays not counted).',
      registers,
    }),
    quotesLocked: new Counter({
      name: 'checkout_quotes_locked_total',
      help: 'Quotes locked and stored (idempotent replays not counted).',
      registers,
    }),
    webhookDeliveries: new Counter({
      name: 'webhook_deliveries_total',
      help: 'Webhook delivery attempts recorded, by outcome: delivered, retrying, failed, stale.',
      labelNames: ['outcome'],
      registers,
    }),
    rateRefreshFailures: new Counter({
      name: 'rate_refresh_failures_total',
      help: 'Rate refreshes of a pair that failed as a whole (not a lone source failing).',
      registers,
    }),
    paymentsObserved: new Counter({
      name: 'payments_observed_total',
      help: 'Payments the chain watcher recorded, by the status they gave the session.',
      labelNames: ['status'],
      registers,
    }),
    chainWatcherHeadBlock: new Gauge({
      name: 'chain_watcher_head_block',
      help: 'The newest block number the chain watcher has read, per chain.',
      labelNames: ['chain_id'],
      registers,
    }),
  };
}
