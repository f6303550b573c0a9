import type { AcceptedAsset } from '../../shared/providerApi/CheckoutSession.ts';
import type {
  BillingInterval,
  BillingIntervalUnit,
} from '../../shared/subscriptions/BillingInterval.ts';

/** A plan as stored (`subscription_plans`). Plans never change once created. */
export type PlanRecord = {
  readonly id: string;
  readonly merchantId: string;
  readonly name: string;
  /** The price of one period in minor units of `currency`. */
  readonly amountMinor: bigint;
  /** ISO 4217. */
  readonly currency: string;
  readonly interval: BillingInterval;
  readonly trialDays: number;
  /** Paid periods in all; null: until canceled. */
  readonly cycles: number | null;
  readonly allowanceMarginPercent: number;
  readonly gracePeriodHours: number;
  /** Chain id (decimal string) → EIP-55 address. */
  readonly recipients: Readonly<Record<string, string>>;
  readonly acceptedAssets: readonly AcceptedAsset[];
  readonly metadata: Readonly<Record<string, string>>;
  readonly createdAt: Date;
};

/** The row as the database returns it (int8 → bigint, jsonb → parsed, timestamptz → Date). */
export type PlanRow = {
  id: string;
  merchant_id: string;
  name: string;
  amount_minor: bigint;
  currency: string;
  interval_unit: BillingIntervalUnit;
  interval_count: number;
  trial_days: number;
  cycles: number | null;
  allowance_margin_percent: number;
  grace_period_hours: number;
  recipients: Record<string, string>;
  accepted_assets: AcceptedAsset[];
  metadata: Record<string, string>;
  created_at: Date;
};

export const planColumns =
  'id, merchant_id, name, amount_minor, currency, interval_unit, interval_count, trial_days, ' +
  'cycles, allowance_margin_percent, grace_period_hours, recipients, accepted_assets, metadata, ' +
  'created_at';

export function toPlanRecord(row: PlanRow): PlanRecord {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    name: row.name,
    amountMinor: row.amount_minor,
    currency: row.currency,
    interval: { unit: row.interval_unit, count: row.interval_count },
    trialDays: row.trial_days,
    cycles: row.cycles,
    allowanceMarginPercent: row.allowance_margin_percent,
    gracePeriodHours: row.grace_period_hours,
    recipients: row.recipients,
    acceptedAssets: row.accepted_assets,
    metadata: row.metadata,
    createdAt: row.created_at,
  };
}
