export type Rounding = 'down' | 'up' | 'halfUp';

/**
 * numerator / denominator rounded as asked, exactly. For the non-negative numerators and positive
 * denominators used here, 'down' is floor and 'up' is ceiling; 'halfUp' rounds ties up.
 */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n || rounding === 'down') return quotient;
  if (rounding === 'up') return quotient + 1n;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}
