import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import type { AllowanceView, TypedDataView } from '../../../shared/protocol/ActionView.ts';
import { shortenAddress } from '../shortenAddress.ts';
import { formatTokenAmount } from './formatTokenAmount.ts';
import { formatUnixTime } from './formatUnixTime.ts';

export type DescribeTypedDataParameters = {
  readonly t: Translator;
  readonly locale: Locale;
  /** For tests; the user's own time zone otherwise. */
  readonly timeZone?: string;
};

/**
 * A typed-data signature in one plain sentence. A permit is spending: "Allow 0x… to spend
 * 100 USDC until 5 Jun 2026". An EIP-2612 or DAI allowance has no end date (only the signature
 * has a deadline), so none is claimed for it. Unrecognised data is said to be unrecognised.
 */
export function describeTypedData(
  view: TypedDataView,
  { t, locale, timeZone }: DescribeTypedDataParameters,
): string {
  if (view.kind === 'generic') {
    return view.primaryType === undefined || view.primaryType === ''
      ? t('approval.summary.typedDataUntyped')
      : t('approval.summary.typedData', { type: view.primaryType });
  }
  const spender = shortenAddress(view.spender);
  const list = (items: string[]) =>
    new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  const isRevocation = view.allowances.every(
    (allowance) => !allowance.isUnlimited && allowance.amount === '0',
  );
  if (isRevocation && view.allowances.length > 0) {
    const tokens = view.allowances.map(
      (allowance) => allowance.tokenSymbol ?? shortenAddress(allowance.token),
    );
    return t('approval.summary.revoke', { spender, token: list(tokens) });
  }
  if (view.kind === 'permit2-transfer' || view.kind === 'permit2-batch-transfer') {
    const amounts = list(
      view.allowances.map((allowance) => formatTokenAmount(allowance, t, locale)),
    );
    const date =
      view.deadline === undefined ? undefined : formatUnixTime(view.deadline, locale, timeZone);
    return date === undefined
      ? t('approval.summary.permitTransfer', { spender, amount: amounts })
      : t('approval.summary.permitTransferUntil', { spender, amount: amounts, date });
  }
  const amounts = list(
    view.allowances.map((allowance) => describeAllowance(allowance, t, locale, timeZone)),
  );
  const isAllUnlimited = view.allowances.every((allowance) => allowance.isUnlimited);
  return t(isAllUnlimited ? 'approval.summary.approve' : 'approval.summary.approveUpTo', {
    spender,
    amount: amounts,
  });
}

function describeAllowance(
  allowance: AllowanceView,
  t: Translator,
  locale: Locale,
  timeZone: string | undefined,
): string {
  const amount = formatTokenAmount(allowance, t, locale);
  if (allowance.expiresAt === undefined) return amount;
  if (allowance.expiresAt === '0') return t('approval.allowance.thisBlock', { amount });
  const date = formatUnixTime(allowance.expiresAt, locale, timeZone);
  return date === undefined ? amount : t('approval.allowance.until', { amount, date });
}
