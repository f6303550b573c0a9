import type { CompliancePolicy } from './compliance/ComplianceRule.ts';
import type { OnrampAdapter } from './OnrampAdapter.ts';

/** What the operator configures for the on-ramp (the `onramp` option of `buildServer`). */
export type OnrampSettings = {
  /** In order of preference: a quote without `adapter` takes the first that sells the asset. */
  readonly adapters: readonly OnrampAdapter[];
  readonly compliance: CompliancePolicy;
  /** How long a quote may be turned into an order (default 300 s). */
  readonly quoteTtlSeconds?: number;
  /** How long a `created` order waits for the shopper before it expires (default 1800 s). */
  readonly orderTtlSeconds?: number;
  /**
   * The provider's public origin (`https://pay.example.com`), for the pages it serves itself
   * (the sandbox's card page). Default: the origin the API request came to.
   */
  readonly publicUrl?: string;
};

export const defaultOnrampQuoteTtlSeconds = 300;
export const defaultOnrampOrderTtlSeconds = 30 * 60;
