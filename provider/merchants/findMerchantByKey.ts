import { timingSafeEqual } from 'node:crypto';
import type { DatabaseSession } from '../db/Database.ts';
import { hashSecretKey } from './hashSecretKey.ts';
import { publishableKeyPattern, secretKeyPattern } from './merchantKeys.ts';
import type { MerchantKeyKind } from './merchantKeys.ts';

export type AuthenticatedMerchant = {
  id: string;
  name: string;
  /** Which key the request showed: it decides what the request may do. */
  keyKind: MerchantKeyKind;
};

export type FindMerchantByKeyParameters = { db: DatabaseSession; key: string };
export type FindMerchantByKeyReturnType = AuthenticatedMerchant | undefined;

/*
 * Trusted: the database. Not trusted: `key`, straight from a request.
 * A secret key is found by its SHA-256 (the table has no key to compare with). Looking up by hash
 * leaks, through timing, at most how much of a *hash* matched, which says nothing of the key;
 * the found hash is still compared in constant time, so the decision itself never depends on
 * where two strings first differ.
 */

/** The merchant a secret (`sk_…`) or publishable (`pk_…`) key belongs to, or `undefined`. */
export async function findMerchantByKey({
  db,
  key,
}: FindMerchantByKeyParameters): Promise<FindMerchantByKeyReturnType> {
  if (typeof key !== 'string') return undefined;
  if (secretKeyPattern.test(key)) {
    const hash = hashSecretKey(key);
    const { rows } = await db.query<{ id: string; name: string; secret_key_hash: string }>(
      'select id, name, secret_key_hash from merchants where secret_key_hash = $1',
      [hash],
    );
    const row = rows[0];
    if (row === undefined || !isSameHex(row.secret_key_hash, hash)) return undefined;
    return { id: row.id, name: row.name, keyKind: 'secret' };
  }
  if (publishableKeyPattern.test(key)) {
    const { rows } = await db.query<{ id: string; name: string }>(
      'select id, name from merchants where publishable_key = $1',
      [key],
    );
    const row = rows[0];
    return row === undefined ? undefined : { id: row.id, name: row.name, keyKind: 'publishable' };
  }
  return undefined;
}

function isSameHex(stored: string, computed: string): boolean {
  const a = Buffer.from(stored, 'utf8');
  const b = Buffer.from(computed, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
