import type { Pair } from './Pair.ts';
import { MalformedResponseError } from './errors.ts';

export type ReadFieldParameters<Kind extends FieldKind> = {
  source: string;
  pair: Pair;
  /** The object read from, and the key. */
  from: unknown;
  key: string | number;
  /** Where the field sits, for the error (`result.XETHZUSD.c`). */
  path: string;
  kind: Kind;
};
export type FieldKind = 'object' | 'array' | 'string';
export type ReadFieldReturnType<Kind extends FieldKind> = Kind extends 'object'
  ? Readonly<Record<string, unknown>>
  : Kind extends 'array'
    ? readonly unknown[]
    : string;
export type ReadFieldErrorType = MalformedResponseError;

/**
 * One field of a parsed response, of the kind expected, or a `MalformedResponseError` naming the
 * path. Own properties only: a key like `constructor` never reaches the prototype.
 */
export function readField<Kind extends FieldKind>({
  source,
  pair,
  from,
  key,
  path,
  kind,
}: ReadFieldParameters<Kind>): ReadFieldReturnType<Kind> {
  const container = typeof from === 'object' && from !== null ? from : undefined;
  if (container === undefined || !Object.hasOwn(container, key)) {
    throw new MalformedResponseError({ source, pair, reason: `${path} is missing` });
  }
  const value: unknown = (container as Record<string | number, unknown>)[key];
  const isKind =
    kind === 'array'
      ? Array.isArray(value)
      : kind === 'object'
        ? typeof value === 'object' && value !== null && !Array.isArray(value)
        : typeof value === 'string';
  if (!isKind) {
    throw new MalformedResponseError({ source, pair, reason: `${path} is not ${article(kind)}` });
  }
  return value as ReadFieldReturnType<Kind>;
}

function article(kind: FieldKind): string {
  return kind === 'array' ? 'an array' : kind === 'object' ? 'an object' : 'a string';
}
