import type { FastifyServerOptions } from 'fastify';

export type WithLogRedactionParameters = FastifyServerOptions['logger'];
export type WithLogRedactionReturnType = FastifyServerOptions['logger'];

/*
 * What must never reach a log line: the merchant's secret key (`sk_…`, in an Authorization
 * header, or pasted into a URL by mistake), webhook signing secrets (`whsec_…`), and any bearer
 * credential (the metrics token). Publishable keys (`pk_…`) are public by design and stay, so
 * a request can still be traced to its merchant.
 * Two layers: pino's `redact` for fields known by name, and a last pass over each finished line
 * for the two secret formats, wherever they hide (a URL, an error message, a stack).
 */

export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'secret',
  '*.secret',
  'secretKey',
  '*.secretKey',
  'token',
  '*.token',
];

const secretPatterns: readonly (readonly [RegExp, string])[] = [
  [/sk_[0-9A-Za-z]{16,}/g, 'sk_[REDACTED]'],
  [/whsec_[0-9A-Za-z_-]{16,}/g, 'whsec_[REDACTED]'],
];

/** The pino options of `logger` with secrets redacted; `false` stays silent. */
export function withLogRedaction(logger: WithLogRedactionParameters): WithLogRedactionReturnType {
  if (logger === undefined || logger === false) return false;
  const options = logger === true ? {} : logger;
  const previousStreamWrite = options.hooks?.streamWrite;
  return {
    ...options,
    redact: { paths: redactedPaths, censor: '[REDACTED]' },
    hooks: {
      ...options.hooks,
      streamWrite: (line: string) =>
        scrubSecrets(previousStreamWrite === undefined ? line : previousStreamWrite(line)),
    },
  };
}

function scrubSecrets(line: string): string {
  if (!line.includes('sk_') && !line.includes('whsec_')) return line;
  return secretPatterns.reduce(
    (scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement),
    line,
  );
}
