import { TpError } from '../../shared/errors/TpError.ts';
import type { Pair } from './Pair.ts';

/**
 * The errors of the rates module; each `code` is stable and part of the API. Every error a source
 * can cause names the source and the pair, so the aggregator can record it as "no answer".
 */

const maxEchoedLength = 200;

/** Echoes untrusted input (a remote body, a config value) without copying a huge one into logs. */
function describeInput(input: unknown): string {
  switch (typeof input) {
    case 'string':
      return input.length <= maxEchoedLength
        ? input
        : `${input.slice(0, maxEchoedLength)}… (${input.length} characters)`;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'undefined':
      return String(input);
    default:
      return input === null ? 'null' : `(${typeof input})`;
  }
}

export class InvalidPairError extends TpError {
  override name = 'InvalidPairError';
  override readonly code = 'rates/invalid-pair';

  constructor({ input, reason }: { input: unknown; reason: string }) {
    super({
      code: 'rates/invalid-pair',
      shortMessage: `Invalid pair: ${reason} (like ETH/USD).`,
      details: { input: describeInput(input), reason },
    });
  }
}

/** A parameter or configuration value the rates module cannot work with (a programming error). */
export class InvalidRatesInputError extends TpError {
  override name = 'InvalidRatesInputError';
  override readonly code = 'rates/invalid-input';

  constructor({
    field,
    reason,
    received,
    cause,
  }: {
    field: string;
    reason: string;
    received?: unknown;
    cause?: unknown;
  }) {
    super({
      code: 'rates/invalid-input',
      shortMessage: `Invalid ${field}: ${reason}.`,
      details: { field, reason, received: describeInput(received) },
      cause,
    });
  }
}

export class UnsupportedPairError extends TpError {
  override name = 'UnsupportedPairError';
  override readonly code = 'rates/unsupported-pair';

  constructor({ source, pair }: { source: string; pair: Pair }) {
    super({
      code: 'rates/unsupported-pair',
      shortMessage: `Source ${source} cannot quote ${pair}, directly, inverted or through a cross.`,
      details: { source, pair },
    });
  }
}

/** The source answered, but not with a well-formed, positive, decimal rate for the pair asked. */
export class MalformedResponseError extends TpError {
  override name = 'MalformedResponseError';
  override readonly code = 'rates/malformed-response';

  constructor({
    source,
    pair,
    reason,
    cause,
  }: {
    source: string;
    pair: Pair;
    reason: string;
    cause?: unknown;
  }) {
    super({
      code: 'rates/malformed-response',
      shortMessage: `Source ${source} answered ${pair} with something unusable: ${reason}.`,
      details: { source, pair, reason },
      cause,
    });
  }
}

/** The source said, in its own error format, that it has no answer. */
export class SourceReportedError extends TpError {
  override name = 'SourceReportedError';
  override readonly code = 'rates/source-reported-error';

  constructor({
    source,
    pair,
    messages,
  }: {
    source: string;
    pair: Pair;
    messages: readonly string[];
  }) {
    super({
      code: 'rates/source-reported-error',
      shortMessage: `Source ${source} reported an error for ${pair}.`,
      details: { source, pair, messages: messages.map(describeInput) },
    });
  }
}

export class SourceHttpError extends TpError {
  override name = 'SourceHttpError';
  override readonly code = 'rates/http-status';

  constructor({
    source,
    pair,
    url,
    status,
    body,
  }: {
    source: string;
    pair: Pair;
    url: string;
    status: number;
    body: string;
  }) {
    super({
      code: 'rates/http-status',
      shortMessage: `Source ${source} answered ${pair} with HTTP ${status}.`,
      details: { source, pair, url, status, body: describeInput(body) },
    });
  }
}

export class SourceUnreachableError extends TpError {
  override name = 'SourceUnreachableError';
  override readonly code = 'rates/unreachable';

  constructor({
    source,
    pair,
    url,
    cause,
  }: {
    source: string;
    pair: Pair;
    url: string;
    cause: unknown;
  }) {
    super({
      code: 'rates/unreachable',
      shortMessage: `Source ${source} could not be reached for ${pair}.`,
      details: { source, pair, url },
      cause,
    });
  }
}

export class SourceTimeoutError extends TpError {
  override name = 'SourceTimeoutError';
  override readonly code = 'rates/timeout';

  constructor({
    source,
    pair,
    url,
    timeoutMs,
  }: {
    source: string;
    pair: Pair;
    url: string;
    timeoutMs: number;
  }) {
    super({
      code: 'rates/timeout',
      shortMessage: `Source ${source} did not answer ${pair} within ${timeoutMs} ms.`,
      details: { source, pair, url, timeoutMs },
    });
  }
}

export type NoQuorumOutSource = { source: string; reason: string; detail: string };

/** Too few sources agree to quote: the pair has no rate until they do. */
export class NoQuorumError extends TpError {
  override name = 'NoQuorumError';
  override readonly code = 'rates/no-quorum';

  constructor({
    pair,
    sources,
    required,
    agreeing,
    out,
    isConflicting,
  }: {
    pair: Pair;
    /** Every configured source. */
    sources: readonly string[];
    /** 2f + 1. */
    required: number;
    /** The largest set of sources that agree within the tolerance. */
    agreeing: readonly string[];
    /** The other sources, and why each was left out. */
    out: readonly NoQuorumOutSource[];
    /** Two disjoint sets of sources, equally large, agree on different rates. */
    isConflicting: boolean;
  }) {
    super({
      code: 'rates/no-quorum',
      shortMessage: isConflicting
        ? `No rate for ${pair}: two equally large groups of sources disagree.`
        : `No rate for ${pair}: ${agreeing.length} of ${sources.length} sources agree, ${required} needed.`,
      details: { pair, sources, required, agreeing, out, isConflicting },
    });
  }
}
