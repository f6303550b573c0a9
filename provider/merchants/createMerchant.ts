import { randomBytes } from 'node:crypto';
import type { DatabaseSession } from '../db/Database.ts';
import { hashSecretKey } from './hashSecretKey.ts';
import { InvalidMerchantNameError } from './errors.ts';

export type CreateMerchantParameters = {
  db: DatabaseSession;
  name: string;
  now: () => Date;
};
export type CreateMerchantReturnType = {
  merchant: { id: string; name: string; createdAt: Date };
  /** Shown once: only its hash is stored, so it cannot be recovered. */
  secretKey: string;
  publishableKey: string;
};
export type CreateMerchantErrorType = InvalidMerchantNameError;

export const maxMerchantNameLength = 100;

/** Registers a merchant and issues its two keys. */
export async function createMerchant({
  db,
  name,
  now,
}: CreateMerchantParameters): Promise<CreateMerchantReturnType> {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  // Printable text only: the name shows in logs and dashboards.
  if (trimmed.length === 0 || trimmed.length > maxMerchantNameLength || /\p{Cc}/u.test(trimmed)) {
    throw new InvalidMerchantNameError({ name, maxLength: maxMerchantNameLength });
  }
  const id = `mer_${randomBytes(12).toString('hex')}`;
  const secretKey = `sk_${randomBytes(32).toString('hex')}`;
  const publishableKey = `pk_${randomBytes(16).toString('hex')}`;
  const createdAt = now();
  await db.query(
    `insert into merchants (id, name, secret_key_hash, publishable_key, created_at)
     values ($1, $2, $3, $4, $5)`,
    [id, trimmed, hashSecretKey(secretKey), publishableKey, createdAt],
  );
  return { merchant: { id, name: trimmed, createdAt }, secretKey, publishableKey };
}
