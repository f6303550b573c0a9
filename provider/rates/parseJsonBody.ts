import type { Pair } from './Pair.ts';
import { MalformedResponseError } from './errors.ts';

export type ParseJsonBodyParameters = { source: string; pair: Pair; body: string };
export type ParseJsonBodyReturnType = Readonly<Record<string, unknown>>;
export type ParseJsonBodyErrorType = MalformedResponseError;

/** A source's body as a JSON object; anything else (not JSON, an array, null) is malformed. */
export function parseJsonBody({
  source,
  pair,
  body,
}: ParseJsonBodyParameters): ParseJsonBodyReturnType {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (cause) {
    throw new MalformedResponseError({ source, pair, reason: 'the body is not JSON', cause });
  }
  if (!isRecord(value)) {
    throw new MalformedResponseError({ source, pair, reason: 'the body is not a JSON object' });
  }
  return value;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
