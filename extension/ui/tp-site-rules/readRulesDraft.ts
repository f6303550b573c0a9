import type { RuleAssetOption, RulesDraft, RulesProblems, SiteRules } from './RulesDraft.ts';
import { parseRecipientList } from './parseRecipientList.ts';

export type ReadRulesDraftParameters = {
  readonly draft: RulesDraft;
  /** What `assetKeys` refer to (`listRuleAssets`). */
  readonly assets: readonly RuleAssetOption[];
};
export type ReadRulesDraftReturnType =
  | { readonly ok: true; readonly rules: SiteRules }
  | { readonly ok: false; readonly problems: RulesProblems };

/** `parsePolicy` takes at most this many entries per list. */
const maxListEntries = 256;

/**
 * The "Rules" form as the policy fields `setSitePolicy` takes, or every problem and nothing else.
 * "Only these" with nothing chosen would refuse every payment; it is refused here with words
 * instead. With networks limited, a token chosen on another network could never be paid, so it
 * is dropped; if that leaves no token, that is the problem named.
 */
export function readRulesDraft({
  draft,
  assets,
}: ReadRulesDraftParameters): ReadRulesDraftReturnType {
  const problems: {
    networks?: 'none-chosen';
    tokens?: 'none-chosen';
    recipients?: RulesProblems['recipients'];
  } = {};
  const allowedChainIds = draft.networkMode === 'only' ? [...new Set(draft.chainIds)] : undefined;
  if (allowedChainIds !== undefined && allowedChainIds.length === 0)
    problems.networks = 'none-chosen';
  let allowedAssets: { chainId: number; asset: RuleAssetOption['asset'] }[] | undefined;
  if (draft.tokenMode === 'only') {
    const chosen = new Set(draft.assetKeys);
    allowedAssets = assets
      .filter(
        (option) =>
          chosen.has(option.key) &&
          (allowedChainIds === undefined || allowedChainIds.includes(option.chainId)),
      )
      .map(({ chainId, asset }) => ({ chainId, asset }));
    if (allowedAssets.length === 0) problems.tokens = 'none-chosen';
  }
  let allowedRecipients: SiteRules['allowedRecipients'];
  if (draft.recipientMode === 'only') {
    const parsed = parseRecipientList(draft.recipientsText);
    if (parsed.problems.length > 0) problems.recipients = { kind: 'lines', lines: parsed.problems };
    else if (parsed.addresses.length === 0) problems.recipients = { kind: 'none-given' };
    else if (parsed.addresses.length > maxListEntries)
      problems.recipients = { kind: 'too-many', count: maxListEntries };
    allowedRecipients = parsed.addresses;
  }
  if (
    problems.networks !== undefined ||
    problems.tokens !== undefined ||
    problems.recipients !== undefined
  )
    return { ok: false, problems };
  return {
    ok: true,
    rules: {
      ...(allowedChainIds === undefined ? {} : { allowedChainIds }),
      ...(allowedAssets === undefined ? {} : { allowedAssets }),
      ...(allowedRecipients === undefined ? {} : { allowedRecipients }),
      whenNotAllowed: draft.whenNotAllowed,
      confirmNewRecipients: draft.confirmNewRecipients,
    },
  };
}
