import { parseAmount } from '../../../shared/money/index.ts';

export type ParseFiatInputParameters = {
  readonly text: string;
  /** ISO 4217 code of the wallet's currency and its minor units. */
  readonly currency: string;
  readonly decimals: number;
};
export type ParseFiatInputReturnType =
  | { readonly ok: true; readonly value: bigint }
  | { readonly ok: false; readonly problem: 'empty' | 'format' | 'decimals' };

/**
 * What someone typed as a cap ("20", "20.50", or "20,50" where the comma is the decimal mark)
 * as minor units of the wallet's currency. Strict otherwise (no grouping, sign or exponent):
 * a cap read wrongly is worse than one refused with a clear reason.
 */
export function parseFiatInput({
  text,
  currency,
  decimals,
}: ParseFiatInputParameters): ParseFiatInputReturnType {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  // One comma and no point: the comma is the decimal mark (de-DE, fr-FR, zh-CN keyboards vary).
  const normalized =
    !trimmed.includes('.') && trimmed.split(',').length === 2 ? trimmed.replace(',', '.') : trimmed;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(normalized);
  if (match === null) return { ok: false, problem: 'format' };
  if ((match[2] ?? '').length > decimals) return { ok: false, problem: 'decimals' };
  try {
    return {
      ok: true,
      value: parseAmount(normalized, { kind: 'fiat', symbol: currency, decimals }),
    };
  } catch {
    return { ok: false, problem: 'format' };
  }
}
