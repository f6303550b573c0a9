import type { DatabaseSession } from '../db/Database.ts';
import { findMerchantByKey } from './findMerchantByKey.ts';
import type { AuthenticatedMerchant } from './findMerchantByKey.ts';
import { hashSecretKey } from './hashSecretKey.ts';
import { publishableKeyPattern, secretKeyPattern } from './merchantKeys.ts';

export type MerchantKeyCache = {
  /** As `findMerchantByKey`, answered from memory while a found key is younger than the TTL. */
  find(key: string): Promise<AuthenticatedMerchant | undefined>;
};

export type CreateMerchantKeyCacheParameters = {
  db: DatabaseSession;
  now: () => Date;
  /** How long a found key is trusted without asking the database again. Default 60 s. */
  ttlMs?: number;
  /** Keys remembered at once; the oldest is forgotten beyond it. Default 10,000. */
  maxEntries?: number;
};

export type CreateMerchantKeyCacheReturnType = MerchantKeyCache;

/*
 * Why: every authenticated request looked its key up in the database (a third of a session
 * read's cost). A key's merchant never changes and no key is ever revoked today, so a found key
 * can be remembered. Only found keys are: a key created on another instance is seen at once,
 * and made-up keys cannot fill the memory. The TTL bounds how long a revocation (when one is
 * added, it must also clear this cache) would go unseen by another instance. Secret keys are
 * remembered by their SHA-256, as the database keeps them, never in the clear.
 */

/** Merchant lookups by API key, cached per server. */
export function createMerchantKeyCache({
  db,
  now,
  ttlMs = 60_000,
  maxEntries = 10_000,
}: CreateMerchantKeyCacheParameters): CreateMerchantKeyCacheReturnType {
  const found = new Map<string, { merchant: AuthenticatedMerchant; foundAtMs: number }>();
  return {
    async find(key) {
      const cacheKey = toCacheKey(key);
      if (cacheKey === undefined) return undefined;
      const nowMs = now().getTime();
      const cached = found.get(cacheKey);
      if (cached !== undefined && nowMs - cached.foundAtMs < ttlMs && nowMs >= cached.foundAtMs) {
        return cached.merchant;
      }
      found.delete(cacheKey);
      const merchant = await findMerchantByKey({ db, key });
      if (merchant === undefined) return undefined;
      if (found.size >= maxEntries) {
        const oldest = found.keys().next();
        if (oldest.done !== true) found.delete(oldest.value);
      }
      found.set(cacheKey, { merchant, foundAtMs: nowMs });
      return merchant;
    },
  };
}

function toCacheKey(key: string): string | undefined {
  if (typeof key !== 'string') return undefined;
  if (secretKeyPattern.test(key)) return `sk:${hashSecretKey(key)}`;
  if (publishableKeyPattern.test(key)) return key;
  return undefined;
}
