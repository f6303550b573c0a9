/**
 * Whether a word typed back matches the phrase's word: compared in NFKD (as BIP-39 does), with
 * case and surrounding spaces ignored, so "Apple " matches "apple" and a composed "é" matches a
 * decomposed one.
 */
export function isSameWord(typed: string, expected: string): boolean {
  const normalize = (word: string) => word.normalize('NFKD').trim().toLowerCase();
  return normalize(typed) !== '' && normalize(typed) === normalize(expected);
}
