import type { LimitJson } from '../../../shared/protocol/policyMessages.ts';
import type { CapDraft, CapProblem, CapUnitOption } from './CapDraft.ts';
import { parseCapAmount } from './parseCapAmount.ts';

export type ReadCapDraftsParameters = {
  readonly drafts: readonly CapDraft[];
  readonly units: readonly CapUnitOption[];
  /** The wallet's currency (ISO 4217) and its minor units: what fiat caps count in. */
  readonly currency: string;
  readonly currencyDecimals: number;
};
export type ReadCapDraftsReturnType =
  | { readonly ok: true; readonly limits: readonly LimitJson[] }
  | { readonly ok: false; readonly problems: ReadonlyMap<number, CapProblem> };

/**
 * The form's rows as the caps `setWalletLimits` / `setSitePolicy` take, or what is wrong with each
 * row (by draft key) and nothing else: a form with one bad row saves nothing. Two caps over the
 * same window in the same unit are refused too: only the smaller could ever apply.
 */
export function readCapDrafts({
  drafts,
  units,
  currency,
  currencyDecimals,
}: ReadCapDraftsParameters): ReadCapDraftsReturnType {
  const problems = new Map<number, CapProblem>();
  const limits: LimitJson[] = [];
  const taken = new Set<string>();
  for (const draft of drafts) {
    const option = units.find((candidate) => candidate.key === draft.unitKey);
    if (option === undefined) {
      problems.set(draft.key, { kind: 'unit' });
      continue;
    }
    const unit = option.unit;
    const parsed = parseCapAmount({
      text: draft.amountText,
      asset:
        unit.kind === 'fiat'
          ? { kind: 'fiat', symbol: currency, decimals: currencyDecimals }
          : { kind: 'crypto', symbol: unit.symbol, decimals: unit.decimals },
    });
    if (!parsed.ok) {
      problems.set(draft.key, parsed.problem);
      continue;
    }
    const identity = `${draft.window} ${option.key}`;
    if (taken.has(identity)) {
      problems.set(draft.key, { kind: 'duplicate' });
      continue;
    }
    taken.add(identity);
    limits.push({
      window: draft.window,
      unit,
      amount: parsed.value.toString(),
      whenExceeded: draft.whenExceeded,
    });
  }
  return problems.size > 0 ? { ok: false, problems } : { ok: true, limits };
}
