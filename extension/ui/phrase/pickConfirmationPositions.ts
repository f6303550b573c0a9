export type PickConfirmationPositionsParameters = {
  wordCount: number;
  /** How many positions to ask for. */
  count: number;
  /** A uniform random integer in [0, maximum); defaults to crypto.getRandomValues. */
  randomInt?: (maximum: number) => number;
};

/**
 * Distinct word positions (1-based, ascending) to ask back after showing a new phrase, so the
 * user proves it was written down before the wallet relies on it.
 */
export function pickConfirmationPositions({
  wordCount,
  count,
  randomInt = cryptoRandomInt,
}: PickConfirmationPositionsParameters): number[] {
  if (!Number.isSafeInteger(wordCount) || !Number.isSafeInteger(count) || count < 0)
    throw new RangeError('wordCount and count must be non-negative integers');
  if (count > wordCount) throw new RangeError('Cannot pick more positions than there are words');
  const positions = Array.from({ length: wordCount }, (_, index) => index + 1);
  // A partial Fisher–Yates shuffle: the first `count` entries end up a uniform random sample.
  for (let index = 0; index < count; index++) {
    const other = index + randomInt(wordCount - index);
    const current = positions[index];
    const swapped = positions[other];
    if (current === undefined || swapped === undefined)
      throw new RangeError('randomInt out of range');
    positions[index] = swapped;
    positions[other] = current;
  }
  return positions.slice(0, count).sort((left, right) => left - right);
}

function cryptoRandomInt(maximum: number): number {
  // Rejection sampling keeps every value equally likely.
  const limit = Math.floor(2 ** 32 / maximum) * maximum;
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % maximum;
  }
}
