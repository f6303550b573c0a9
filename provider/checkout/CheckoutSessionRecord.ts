import type { AcceptedAsset, SessionStatus } from '../../shared/providerApi/CheckoutSession.ts';

/** A checkout session as stored (`checkout_sessions`). */
export type CheckoutSessionRecord = {
  readonly id: string;
  readonly merchantId: string;
  readonly status: SessionStatus;
  /** The price in minor units of `currency`. */
  readonly amountMinor: bigint;
  /** ISO 4217. */
  readonly currency: string;
  /** Chain id (decimal string) → EIP-55 address. */
  readonly recipients: Readonly<Record<string, string>>;
  readonly acceptedAssets: readonly AcceptedAsset[];
  readonly metadata: Readonly<Record<string, string>>;
  readonly successUrl: string | null;
  /** Whole seconds. */
  readonly expiresAt: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};

/** The row as the database returns it (int8 → bigint, jsonb → parsed, timestamptz → Date). */
export type CheckoutSessionRow = {
  id: string;
  merchant_id: string;
  status: SessionStatus;
  amount_minor: bigint;
  currency: string;
  recipients: Record<string, string>;
  accepted_assets: AcceptedAsset[];
  metadata: Record<string, string>;
  success_url: string | null;
  expires_at: Date;
  created_at: Date;
  updated_at: Date;
};

export const checkoutSessionColumns =
  'id, merchant_id, status, amount_minor, currency, recipients, accepted_assets, metadata, ' +
  'success_url, expires_at, created_at, updated_at';

export function toCheckoutSessionRecord(row: CheckoutSessionRow): CheckoutSessionRecord {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    status: row.status,
    amountMinor: row.amount_minor,
    currency: row.currency,
    recipients: row.recipients,
    acceptedAssets: row.accepted_assets,
    metadata: row.metadata,
    successUrl: row.success_url,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
