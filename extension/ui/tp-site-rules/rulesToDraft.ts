import { checksumAddress } from '../checksumAddress.ts';
import type { RulesDraft, SiteRules } from './RulesDraft.ts';
import { ruleAssetKey } from './ruleAssetKey.ts';

export type RulesToDraftReturnType = RulesDraft;

/** A site's rules as the form shows them: addresses in EIP-55, one per line. */
export function rulesToDraft(rules: SiteRules): RulesToDraftReturnType {
  return {
    networkMode: rules.allowedChainIds === undefined ? 'any' : 'only',
    chainIds: rules.allowedChainIds ?? [],
    tokenMode: rules.allowedAssets === undefined ? 'any' : 'only',
    assetKeys: (rules.allowedAssets ?? []).map(ruleAssetKey),
    recipientMode: rules.allowedRecipients === undefined ? 'any' : 'only',
    recipientsText: (rules.allowedRecipients ?? []).map(checksumAddress).join('\n'),
    whenNotAllowed: rules.whenNotAllowed,
    confirmNewRecipients: rules.confirmNewRecipients,
  };
}
