/**
 * The words of a recovery phrase, in order. Words are separated by any whitespace, including
 * the ideographic space (U+3000) that Japanese phrases use.
 */
export function splitPhrase(phrase: string): string[] {
  const trimmed = phrase.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/u);
}
