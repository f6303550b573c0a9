/**
 * What payment detection logs through: a subset of pino's interface, so Fastify's `app.log`
 * fits as is. Details never hold an RPC URL's path or query, where providers put API keys.
 */
export type PaymentsLogger = {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
};

export const silentPaymentsLogger: PaymentsLogger = {
  info() {},
  warn() {},
  error() {},
};
