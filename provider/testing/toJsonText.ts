/** A JSON value written as is into a body (`1e309`, which no JavaScript number can be). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of `value`, with each `RawJson` in it written as its raw text. */
export function toJsonText(value: unknown): string {
  const raw: string[] = [];
  const text =
    (JSON.stringify(value, (_key, inner: unknown) => {
      if (inner instanceof RawJson) {
        raw.push(inner.text);
        return `\u0000raw${raw.length - 1}\u0000`;
      }
      return inner;
    }) as string | undefined) ?? 'null';
  return text.replace(
    /"\\u0000raw(\d+)\\u0000"/g,
    (_match, index: string) => raw[Number(index)] ?? '',
  );
}
