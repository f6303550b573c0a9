import type { Database } from '../db/Database.ts';
import { loadSigningKey } from './loadSigningKey.ts';
import type { SigningKey } from './loadSigningKey.ts';

export type CreateSigningKeyCacheParameters = { db: Database; now: () => Date };
/** Resolves with the signing key, loading (or creating) it on first use. */
export type SigningKeyCache = () => Promise<SigningKey>;
export type CreateSigningKeyCacheReturnType = SigningKeyCache;

/**
 * The signing key, loaded when first needed rather than at start: the server must come up (and
 * answer `/readyz` with 503) while its database is down. A failed load is forgotten, so the next
 * request tries again.
 */
export function createSigningKeyCache({
  db,
  now,
}: CreateSigningKeyCacheParameters): CreateSigningKeyCacheReturnType {
  let loading: Promise<SigningKey> | undefined;
  return () => {
    loading ??= loadSigningKey({ db, now }).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
