import { invertRate } from '../../shared/money/invertRate.ts';
import type { Rate } from '../../shared/money/Rate.ts';
import type { Pair } from './Pair.ts';
import type { HttpRateSource, RateSource, SourceQuote, SourceRequest } from './RateSource.ts';
import {
  InvalidRatesInputError,
  MalformedResponseError,
  SourceHttpError,
  SourceTimeoutError,
  SourceUnreachableError,
} from './errors.ts';
import type { InvalidPairError, SourceReportedError, UnsupportedPairError } from './errors.ts';
import { multiplyRates } from './multiplyRates.ts';
import { planRoute } from './planRoute.ts';
import { reduceRate } from './reduceRate.ts';
import type { RouteLeg } from './planRoute.ts';

/** The part of `fetch` used here, so tests and the server can pass their own. */
export type FetchFunction = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<Response>;

export type FetchSourceQuoteParameters = {
  fetch: FetchFunction;
  now: () => Date;
  /** For each request, body included. */
  timeoutMs: number;
  /** Bodies above this are refused unread (default 1 MiB; Coinbase's largest is ~30 KB). */
  maxResponseBytes?: number;
};
export type FetchSourceQuoteReturnType = SourceQuote;
export type FetchSourceQuoteErrorType =
  | InvalidPairError
  | InvalidRatesInputError
  | UnsupportedPairError
  | MalformedResponseError
  | SourceReportedError
  | SourceHttpError
  | SourceUnreachableError
  | SourceTimeoutError;

const defaultMaxResponseBytes = 1024 * 1024;
const maxEchoedBodyBytes = 2048;

/**
 * One source's quote for `pair`: read from its own market, or derived exactly from one or two of
 * them (`planRoute`), the requests made in parallel (a URL asked once even if two legs need it).
 * A derived quote is dated by its oldest leg. Every failure is a typed error naming the source.
 */
export async function fetchSourceQuote(
  source: RateSource,
  pair: Pair,
  { fetch, now, timeoutMs, maxResponseBytes = defaultMaxResponseBytes }: FetchSourceQuoteParameters,
): Promise<FetchSourceQuoteReturnType> {
  assertPositiveInteger('timeoutMs', timeoutMs);
  assertPositiveInteger('maxResponseBytes', maxResponseBytes);
  const { legs, assumptions } = planRoute({
    source: source.id,
    target: pair,
    pairs: source.pairs,
    equivalences: source.equivalences,
  });

  const downloads = new Map<string, Promise<Download>>();
  const readLeg = async (leg: RouteLeg): Promise<SourceQuote> => {
    if (source.kind === 'fixed') return source.quote(leg.pair, now());
    const request = source.buildRequest(leg.pair);
    let download = downloads.get(request.url);
    if (download === undefined) {
      download = downloadWithTimeout({
        source,
        pair: leg.pair,
        request,
        fetch,
        now,
        timeoutMs,
        maxResponseBytes,
      });
      downloads.set(request.url, download);
    }
    const { body, fetchedAt } = await download;
    return source.parseResponse(leg.pair, body, fetchedAt);
  };
  const quotes = await Promise.all(legs.map(readLeg));

  let rate: Rate | undefined;
  quotes.forEach((quote, index) => {
    const legRate = legs[index]?.isInverted ? invertRate(quote.rate) : quote.rate;
    rate = rate === undefined ? legRate : multiplyRates(rate, legRate);
  });
  const [first] = quotes;
  if (rate === undefined || first === undefined) throw new Error('unreachable: a route has legs');
  if (legs.length === 1 && legs[0]?.isInverted === false && assumptions.length === 0) return first;
  return {
    source: source.id,
    pair,
    rate: reduceRate(rate),
    observedAt: earliest(quotes.map((quote) => quote.observedAt)),
    fetchedAt: earliest(quotes.map((quote) => quote.fetchedAt)),
    via: legs.map((leg) => leg.pair),
    assumptions,
  };
}

type Download = { body: string; fetchedAt: Date };

async function downloadWithTimeout({
  source,
  pair,
  request,
  fetch,
  now,
  timeoutMs,
  maxResponseBytes,
}: {
  source: HttpRateSource;
  pair: Pair;
  request: SourceRequest;
  fetch: FetchFunction;
  now: () => Date;
  timeoutMs: number;
  maxResponseBytes: number;
}): Promise<Download> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Raced rather than trusted to the signal: a fetch or a body stream that ignores the abort
  // still cannot hold the caller past the timeout.
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new SourceTimeoutError({ source: source.id, pair, url: request.url, timeoutMs }));
      controller.abort();
    }, timeoutMs);
  });
  const download = async (): Promise<Download> => {
    let response: Response;
    try {
      response = await fetch(request.url, {
        headers: { ...request.headers },
        signal: controller.signal,
      });
    } catch (cause) {
      throw new SourceUnreachableError({ source: source.id, pair, url: request.url, cause });
    }
    const fetchedAt = now();
    let body: { text: string; isComplete: boolean };
    try {
      body = await readBody(response, response.ok ? maxResponseBytes : maxEchoedBodyBytes);
    } catch (cause) {
      if (!response.ok) body = { text: '', isComplete: false };
      else throw new SourceUnreachableError({ source: source.id, pair, url: request.url, cause });
    }
    if (!response.ok) {
      throw new SourceHttpError({
        source: source.id,
        pair,
        url: request.url,
        status: response.status,
        body: body.text,
      });
    }
    if (!body.isComplete) {
      throw new MalformedResponseError({
        source: source.id,
        pair,
        reason: `the body is larger than ${maxResponseBytes} bytes`,
      });
    }
    return { body: body.text, fetchedAt };
  };
  try {
    return await Promise.race([download(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The body as UTF-8 text, cut at `maxBytes` (then `isComplete` is false and the rest unread). */
async function readBody(
  response: Response,
  maxBytes: number,
): Promise<{ text: string; isComplete: boolean }> {
  const reader = response.body?.getReader();
  if (reader === undefined) return { text: '', isComplete: true };
  const chunks: Uint8Array[] = [];
  let total = 0;
  let isComplete = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > maxBytes) {
      isComplete = false;
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  const bytes = new Uint8Array(Math.min(total, maxBytes));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return { text: new TextDecoder().decode(bytes), isComplete };
}

function earliest(dates: readonly Date[]): Date {
  return new Date(Math.min(...dates.map((date) => date.getTime())));
}

function assertPositiveInteger(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new InvalidRatesInputError({
      field,
      reason: 'expected a positive integer',
      received: value,
    });
  }
}
