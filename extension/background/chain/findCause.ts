export type FindCauseReturnType<matched> = matched | undefined;

/**
 * The first error in `error`'s `cause` chain (itself included) that `predicate` accepts. Works on
 * any error, unlike viem's and TpError's own `walk`, since causes mix both (and plain `Error`s).
 */
export function findCause<matched>(
  error: unknown,
  predicate: (candidate: unknown) => candidate is matched,
): FindCauseReturnType<matched> {
  const seen = new Set<unknown>();
  let current = error;
  while (current !== undefined && !seen.has(current)) {
    if (predicate(current)) return current;
    seen.add(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}
