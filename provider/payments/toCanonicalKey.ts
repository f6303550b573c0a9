/**
 * One string per value, the same whichever endpoint the value came from: object keys sorted,
 * bigints tagged, hex strings (`0x…`) lowercased, so a checksummed and a lowercase address are
 * the same answer. Two answers agree exactly when their keys are equal.
 */
export function toCanonicalKey(value: unknown): string {
  return JSON.stringify(toCanonicalValue(value));
}

function toCanonicalValue(value: unknown): unknown {
  if (typeof value === 'bigint') return `bigint:${value.toString()}`;
  if (typeof value === 'string')
    return /^0x[0-9a-fA-F]*$/.test(value) ? value.toLowerCase() : value;
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (Array.isArray(value)) return value.map(toCanonicalValue);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
      .map(([key, inner]) => [key, toCanonicalValue(inner)] as const);
    return Object.fromEntries(entries);
  }
  return value;
}
