import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import type { ActionView } from '../../../shared/protocol/ActionView.ts';
import { shortenAddress } from '../shortenAddress.ts';
import { formatNativeAmount } from './formatNativeAmount.ts';
import { formatTokenAmount } from './formatTokenAmount.ts';

export type DescribeActionParameters = {
  readonly t: Translator;
  readonly locale: Locale;
  /** The active chain's currency (`ETH`), for `value`. */
  readonly nativeSymbol: string;
};

/**
 * A decoded transaction in one plain sentence: "Send 25 USDC to 0x12ab…cdef", "Allow 0x…
 * to spend UNLIMITED USDC". Native currency sent alongside a token or contract call is always
 * named, since it is spent whatever the call does.
 */
export function describeAction(
  action: ActionView,
  { t, locale, nativeSymbol }: DescribeActionParameters,
): string {
  const native = formatNativeAmount({ wei: action.value, symbol: nativeSymbol, locale });
  const sendsValue = action.value !== '0';
  const withValue = (summary: string) =>
    sendsValue ? t('approval.summary.withValue', { summary, amount: native }) : summary;
  switch (action.kind) {
    case 'native-transfer':
      return t('approval.summary.send', { amount: native, to: shortenAddress(action.to) });
    case 'erc20-transfer':
      return withValue(
        t('approval.summary.send', {
          amount: formatTokenAmount(action, t, locale),
          to: shortenAddress(action.to),
        }),
      );
    case 'erc20-approve':
      return withValue(describeAllowance(action, t, locale));
    case 'erc20-increase-allowance':
      return withValue(
        action.isUnlimited
          ? describeAllowance(action, t, locale)
          : t('approval.summary.increaseAllowance', {
              spender: shortenAddress(action.spender),
              amount: formatTokenAmount(action, t, locale),
            }),
      );
    case 'erc20-transfer-from':
      return withValue(
        t('approval.summary.transferFrom', {
          amount: formatTokenAmount(action, t, locale),
          from: shortenAddress(action.from),
          to: shortenAddress(action.to),
        }),
      );
    case 'deploy':
      return withValue(t('approval.summary.deploy', { size: action.dataSize }));
    case 'contract-call':
      return sendsValue
        ? t('approval.summary.contractCallWithValue', {
            to: shortenAddress(action.to),
            amount: native,
          })
        : t('approval.summary.contractCall', { to: shortenAddress(action.to) });
  }
}

/** approve / unlimited increaseAllowance: a cap, an unlimited cap, or a revocation (0). */
function describeAllowance(
  action: Extract<ActionView, { kind: 'erc20-approve' | 'erc20-increase-allowance' }>,
  t: Translator,
  locale: Locale,
): string {
  const spender = shortenAddress(action.spender);
  if (action.isUnlimited) {
    return t('approval.summary.approve', {
      spender,
      amount: formatTokenAmount(action, t, locale),
    });
  }
  if (action.amount === '0') {
    const token = action.tokenSymbol ?? shortenAddress(action.token);
    return t('approval.summary.revoke', { spender, token });
  }
  return t('approval.summary.approveUpTo', {
    spender,
    amount: formatTokenAmount(action, t, locale),
  });
}
