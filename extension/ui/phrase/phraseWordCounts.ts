/** BIP-39 phrase lengths. New phrases are 12 or 24 words; an imported one may be any of these. */
export const importableWordCounts: readonly number[] = [12, 15, 18, 21, 24];
export const newPhraseWordCounts = [12, 24] as const;
export type NewPhraseWordCount = (typeof newPhraseWordCounts)[number];
