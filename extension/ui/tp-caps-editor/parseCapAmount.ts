import { AmountOverflowError, parseAmount } from '../../../shared/money/index.ts';
import type { Asset } from '../../../shared/money/index.ts';
import type { CapProblem } from './CapDraft.ts';

export type ParseCapAmountParameters = {
  readonly text: string;
  /** The wallet's currency (`fiat`, ISO 4217) or a token (`crypto`, its ticker and decimals). */
  readonly asset: Asset;
};
export type ParseCapAmountReturnType =
  | { readonly ok: true; readonly value: bigint }
  | { readonly ok: false; readonly problem: CapProblem };

/**
 * What someone typed as a cap ("20", "20.50", or "20,50" where the comma is the decimal mark) as
 * base units of `asset`. Strict otherwise (no grouping, sign or exponent, never more decimals than
 * the asset has): a cap read wrongly is worse than one refused with a clear reason.
 */
export function parseCapAmount({
  text,
  asset,
}: ParseCapAmountParameters): ParseCapAmountReturnType {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: { kind: 'empty' } };
  // One comma and no point: the comma is the decimal mark (de-DE, fr-FR, zh-CN keyboards vary).
  const normalized =
    !trimmed.includes('.') && trimmed.split(',').length === 2 ? trimmed.replace(',', '.') : trimmed;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(normalized);
  if (match === null) return { ok: false, problem: { kind: 'format' } };
  if ((match[2] ?? '').length > asset.decimals)
    return {
      ok: false,
      problem: { kind: 'decimals', symbol: asset.symbol, decimals: asset.decimals },
    };
  try {
    return { ok: true, value: parseAmount(normalized, asset) };
  } catch (error) {
    return {
      ok: false,
      problem: { kind: error instanceof AmountOverflowError ? 'too-large' : 'format' },
    };
  }
}
