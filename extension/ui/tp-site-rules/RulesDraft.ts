import type { Address } from 'viem';
import type {
  EscalationActionName,
  SitePolicyJson,
} from '../../../shared/protocol/policyMessages.ts';

/** The part of a site's policy the "Rules" form edits. */
export type SiteRules = Pick<
  SitePolicyJson,
  | 'allowedChainIds'
  | 'allowedAssets'
  | 'allowedRecipients'
  | 'whenNotAllowed'
  | 'confirmNewRecipients'
>;

/** The "Rules" form as the user left it, not yet checked. */
export type RulesDraft = {
  readonly networkMode: 'any' | 'only';
  readonly chainIds: readonly number[];
  readonly tokenMode: 'any' | 'only';
  /** `<chainId>:<asset in lower case>` (see `ruleAssetKey`). */
  readonly assetKeys: readonly string[];
  readonly recipientMode: 'any' | 'only';
  /** One address per line, as typed. */
  readonly recipientsText: string;
  readonly whenNotAllowed: EscalationActionName;
  readonly confirmNewRecipients: boolean;
};

/** A token (or a network's native coin) a site can be limited to. */
export type RuleAssetOption = {
  readonly key: string;
  readonly chainId: number;
  readonly asset: 'native' | Address;
  /** The wallet's own name for it; a shortened address for one it does not list. */
  readonly symbol: string;
  readonly networkName?: string;
  /** A token a site asked the wallet to watch (EIP-747): its symbol is the site's word. */
  readonly isAddedBySite?: boolean;
  /** On a network a site added (EIP-3085): its name is the site's word. */
  readonly isNetworkAddedBySite?: boolean;
};

/** What is wrong with one line of the recipient list (lines count from 1). */
export type RecipientProblem =
  | { readonly kind: 'not-address'; readonly line: number; readonly text: string }
  | { readonly kind: 'checksum'; readonly line: number; readonly text: string }
  | { readonly kind: 'repeated'; readonly line: number; readonly first: number };

export type RulesProblems = {
  readonly networks?: 'none-chosen';
  readonly tokens?: 'none-chosen';
  readonly recipients?:
    | { readonly kind: 'none-given' }
    | { readonly kind: 'too-many'; readonly count: number }
    | { readonly kind: 'lines'; readonly lines: readonly RecipientProblem[] };
};
