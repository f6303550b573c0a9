/**
 * The one base class for every error TP Pay throws on purpose.
 *
 * `code` is stable and machine readable (`amount/too-many-decimals`), `shortMessage` is one line
 * for people, `details` carries what programs need (the offending field, the limit hit). The
 * full `message` is composed from those parts so logs read the same everywhere.
 */
export type TpErrorDetails = Readonly<Record<string, unknown>>;

export type TpErrorParameters = {
  code: string;
  shortMessage: string;
  details?: TpErrorDetails;
  cause?: unknown;
};

export class TpError extends Error {
  override name = 'TpError';
  readonly code: string;
  readonly shortMessage: string;
  readonly details: TpErrorDetails;

  constructor({ code, shortMessage, details = {}, cause }: TpErrorParameters) {
    super(composeMessage(shortMessage, details), cause === undefined ? undefined : { cause });
    this.code = code;
    this.shortMessage = shortMessage;
    this.details = details;
  }

  /** Follows the `cause` chain; returns the first error matching `predicate`, else the deepest one. */
  walk(predicate?: (error: unknown) => boolean): unknown {
    return walkCauses(this, predicate);
  }
}

function walkCauses(start: unknown, predicate?: (error: unknown) => boolean): unknown {
  let current = start;
  for (;;) {
    if (predicate?.(current)) return current;
    const next: unknown = current instanceof Error ? current.cause : undefined;
    if (next === undefined) return predicate ? undefined : current;
    current = next;
  }
}

function composeMessage(shortMessage: string, details: TpErrorDetails): string {
  const entries = Object.entries(details);
  if (entries.length === 0) return shortMessage;
  const lines = entries.map(([key, value]) => `${key}: ${describeValue(value)}`);
  return `${shortMessage}\n\n${lines.join('\n')}`;
}

function describeValue(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, (_key, inner: unknown) =>
      typeof inner === 'bigint' ? inner.toString() : inner,
    );
  } catch {
    return String(value);
  }
}
