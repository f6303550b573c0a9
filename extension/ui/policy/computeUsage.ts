export type ComputeUsageParameters = {
  /** Base units, decimal strings (as the worker sends them). */
  readonly used: string;
  readonly limit: string;
};
export type UsageLevel = 'normal' | 'high' | 'full';
export type ComputeUsageReturnType = {
  /** 0 to 100, rounded up: any spending shows, and a bar never looks emptier than it is. */
  readonly percent: number;
  /** `high` from 80 %, `full` once nothing is left. */
  readonly level: UsageLevel;
  readonly isExhausted: boolean;
};

const highFromPercent = 80n;

/**
 * How full a cap or an allowance is, for a progress bar. Computed on bigints, since a token
 * amount with 18 decimals does not fit a number; a limit of 0 is full from the start.
 * Anything that is not a decimal string counts as full, so a garbled answer never shows room.
 */
export function computeUsage({ used, limit }: ComputeUsageParameters): ComputeUsageReturnType {
  const isDecimal = (text: string) => /^\d{1,78}$/.test(text);
  if (!isDecimal(used) || !isDecimal(limit))
    return { percent: 100, level: 'full', isExhausted: true };
  const usedValue = BigInt(used);
  const limitValue = BigInt(limit);
  if (usedValue >= limitValue) return { percent: 100, level: 'full', isExhausted: true };
  const percent = Number((usedValue * 100n + limitValue - 1n) / limitValue);
  // The level is read on the exact ratio: 79.98 % rounds up to 80 on the bar but is not high yet.
  const isHigh = usedValue * 100n >= limitValue * highFromPercent;
  return { percent, level: isHigh ? 'high' : 'normal', isExhausted: false };
}
