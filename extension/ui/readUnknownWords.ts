export type UnknownWord = { readonly position: number; readonly word: string };

/** The unknown words named by a `mnemonic/unknown-words` error (positions 1-based); [] if malformed. */
export function readUnknownWords(details: Readonly<Record<string, unknown>>): UnknownWord[] {
  const { words } = details;
  if (!Array.isArray(words)) return [];
  return words.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { position, word } = entry as Record<string, unknown>;
    return typeof position === 'number' && typeof word === 'string' ? [{ position, word }] : [];
  });
}
