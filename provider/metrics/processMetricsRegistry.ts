import { collectDefaultMetrics, Registry } from 'prom-client';

let registry: Registry | undefined;

/**
 * prom-client's default metrics (CPU, memory, event loop lag, GC, handles) in a registry of
 * their own, made once per process and shown by every server's `/metrics`. They describe the
 * process, not a server; and each `collectDefaultMetrics` call starts an event-loop monitor and
 * a GC observer that are never stopped, so calling it per server (tests build hundreds) would
 * pile them up.
 */
export function processMetricsRegistry(): Registry {
  if (registry === undefined) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
