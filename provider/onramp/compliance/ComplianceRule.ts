import type { Asset } from '../../../shared/money/Asset.ts';

/** What a compliance rule sees of an order about to be created. */
export type ComplianceContext = {
  /** ISO 3166-1 alpha-2, upper case, as the shopper's quote said. */
  readonly country: string;
  /** EIP-55 checksummed. */
  readonly walletAddress: string;
  readonly fiatCurrency: Asset;
  /** What the shopper pays, fees included, in minor units of `fiatCurrency`. */
  readonly fiatAmountMinor: bigint;
  /** The region the country fell in (its name, for messages). */
  readonly region: string;
};

/** The API codes a refusal may carry (each maps to a status in provider/http/toErrorResponse.ts). */
export type ComplianceRefusalCode =
  | 'onramp_amount_below_minimum'
  | 'onramp_amount_above_maximum'
  | 'onramp_verification_required'
  | 'onramp_address_denied'
  | 'onramp_country_not_served'
  | 'onramp_currency_not_supported';

/** Why an order is refused: a stable code, a sentence for people, the field at fault. */
export type ComplianceRefusal = {
  readonly code: ComplianceRefusalCode;
  readonly message: string;
  readonly param: 'fiat_amount_minor' | 'fiat_currency' | 'wallet_address' | 'country';
  /** Which rule refused (its `type`), for logs. */
  readonly rule: string;
};

/**
 * One compliance check, a plug-in: pure, synchronous, given everything it needs when built (a
 * deny-list file is read once, at load). Returns a refusal, or nothing when the order may go on.
 */
export type ComplianceRule = {
  /** As written in the operator's file: `amount_limits`, `deny_list`… */
  readonly type: string;
  check(context: ComplianceContext): ComplianceRefusal | undefined;
};

/** The operator's policy: the shopper's country picks a region, whose rules run in order. */
export type CompliancePolicy = {
  readonly regions: readonly ComplianceRegion[];
};

export type ComplianceRegion = {
  readonly name: string;
  /** Upper-case ISO 3166-1 alpha-2 codes, or `*` for every country no other region lists. */
  readonly countries: ReadonlySet<string> | '*';
  readonly rules: readonly ComplianceRule[];
};
