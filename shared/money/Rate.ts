/**
 * An exact exchange rate: one whole unit of the `from` asset is worth
 * `numerator / denominator` whole units of the `to` asset. Both are positive; a rational rather
 * than a decimal so that inverting it (`invertRate`) loses nothing. Not necessarily reduced.
 */
export type Rate = {
  readonly numerator: bigint;
  readonly denominator: bigint;
};
