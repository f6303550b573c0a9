import type {
  EscalationActionName,
  LimitJson,
  LimitWindowName,
} from '../../../shared/protocol/policyMessages.ts';

/** One cap as the form holds it: what the user typed, not yet checked. */
export type CapDraft = {
  /** Stable while the form is open, so rows keep their identity when one is removed. */
  readonly key: number;
  readonly window: LimitWindowName;
  /** `fiat`, or `token:<chainId>:<asset in lower case>` (see `capUnitKey`). */
  readonly unitKey: string;
  readonly amountText: string;
  readonly whenExceeded: EscalationActionName;
};

/** A unit a cap can count in: the wallet's currency, or one token on one network. */
export type CapUnitOption = {
  readonly key: string;
  readonly unit: LimitJson['unit'];
  /** The network's name; absent for fiat and for a chain the wallet does not know. */
  readonly networkName?: string;
  /** A token a site asked the wallet to watch (EIP-747): its symbol is the site's word. */
  readonly isAddedBySite?: boolean;
  /** On a network a site added (EIP-3085): its name is the site's word. */
  readonly isNetworkAddedBySite?: boolean;
};

/** What is wrong with one row, for the form to say in the user's language. */
export type CapProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'format' }
  | { readonly kind: 'decimals'; readonly symbol: string; readonly decimals: number }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'unit' }
  | { readonly kind: 'duplicate' };
