import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import type { ApprovalDetails } from '../../../shared/protocol/approvalMessages.ts';
import { shortenAddress } from '../shortenAddress.ts';
import { describeAction } from './describeAction.ts';
import { describeTypedData } from './describeTypedData.ts';

export type DescribeApprovalParameters = {
  readonly t: Translator;
  readonly locale: Locale;
  /** For tests; the user's own time zone otherwise. */
  readonly timeZone?: string;
};

/** What approving a request does, in one plain sentence: the window's `approval-summary`. */
export function describeApproval(
  details: ApprovalDetails,
  { t, locale, timeZone }: DescribeApprovalParameters,
): string {
  switch (details.kind) {
    case 'unlock':
      return t('approval.summary.unlock');
    case 'connect':
      return t('approval.summary.connect');
    case 'send-transaction':
      return describeAction(details.action, { t, locale, nativeSymbol: details.nativeSymbol });
    case 'sign-message':
      return details.text === undefined
        ? t('approval.summary.signHex', { size: (details.hex.length - 2) / 2 })
        : t('approval.summary.signText');
    case 'sign-typed-data':
      return describeTypedData(details.view, { t, locale, ...(timeZone ? { timeZone } : {}) });
    case 'add-chain':
      return t('approval.summary.addChain', {
        name: details.chainName,
        chainId: String(details.chainId),
      });
    case 'switch-chain':
      return t('approval.summary.switchChain', {
        name: details.chainName,
        chainId: String(details.chainId),
      });
    case 'grant-permissions':
      return t('approval.summary.grantPermissions');
    case 'watch-asset':
      return t('approval.summary.watchAsset', {
        symbol: details.symbol,
        address: shortenAddress(details.address),
      });
  }
}
