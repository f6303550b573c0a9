export type CanonicalJsonReturnType = string;

/**
 * JSON with object keys sorted (by UTF-16 code units) at every depth, no whitespace: two parsed
 * bodies that mean the same give the same text, whatever order their keys were sent in.
 * Takes what `JSON.parse` gives (no bigint, no undefined inside arrays).
 */
export function canonicalJson(value: unknown): CanonicalJsonReturnType {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  // JSON.stringify gives undefined for undefined (and functions), which JSON writes as null.
  const text = JSON.stringify(value) as string | undefined;
  return text ?? 'null';
}
