import type { Translator } from '../../../shared/i18n/index.ts';
import type { ActionView, TokenReference } from '../../../shared/protocol/ActionView.ts';
import type { ApprovalRequest } from '../../../shared/protocol/approvalMessages.ts';
import { shortenAddress } from '../shortenAddress.ts';
import { readOrigin } from './readOrigin.ts';

export type ApprovalWarning = {
  /** `danger`: approving can cost everything of something; `caution`: check before approving. */
  readonly level: 'danger' | 'caution';
  readonly message: string;
};

/**
 * Everything the user should weigh before approving, most serious first: an insecure site,
 * unlimited allowances, effects the wallet cannot read, tokens it does not know.
 */
export function approvalWarnings(request: ApprovalRequest, t: Translator): ApprovalWarning[] {
  const warnings: ApprovalWarning[] = [];
  const danger = (message: string) => warnings.push({ level: 'danger', message });
  const caution = (message: string) => warnings.push({ level: 'caution', message });
  const tokenName = (reference: TokenReference) =>
    reference.tokenSymbol ?? shortenAddress(reference.token);
  const unknownToken = (reference: TokenReference) => {
    if (reference.tokenSymbol === undefined || reference.tokenDecimals === undefined)
      caution(t('approval.warning.unknownToken', { token: shortenAddress(reference.token) }));
  };

  if (readOrigin(request.origin).isInsecure) danger(t('approval.warning.insecure'));
  const { details } = request;
  switch (details.kind) {
    case 'send-transaction': {
      const action: ActionView = details.action;
      if (
        (action.kind === 'erc20-approve' || action.kind === 'erc20-increase-allowance') &&
        action.isUnlimited
      ) {
        danger(
          t('approval.warning.unlimited', {
            spender: shortenAddress(action.spender),
            token: tokenName(action),
          }),
        );
      }
      if (action.kind === 'contract-call') danger(t('approval.warning.contractCall'));
      if (action.kind === 'deploy') caution(t('approval.warning.deploy'));
      if (
        action.kind === 'erc20-transfer' ||
        action.kind === 'erc20-approve' ||
        action.kind === 'erc20-transfer-from' ||
        action.kind === 'erc20-increase-allowance'
      )
        unknownToken(action);
      break;
    }
    case 'sign-message':
      if (details.text === undefined) caution(t('approval.warning.hexMessage'));
      break;
    case 'sign-typed-data': {
      const { view } = details;
      if (view.kind === 'generic') {
        if (view.isWellFormed) danger(t('approval.warning.typedData'));
        else danger(t('approval.warning.malformedTypedData'));
        break;
      }
      const spender = shortenAddress(view.spender);
      for (const allowance of view.allowances) {
        if (allowance.isUnlimited)
          danger(t('approval.warning.unlimited', { spender, token: tokenName(allowance) }));
      }
      caution(t('approval.warning.permit', { spender }));
      for (const allowance of view.allowances) unknownToken(allowance);
      break;
    }
    case 'add-chain':
      caution(t('approval.warning.addChain'));
      break;
    case 'watch-asset':
      caution(t('approval.warning.watchAsset'));
      break;
    case 'unlock':
    case 'connect':
    case 'switch-chain':
      break;
  }
  return warnings;
}
