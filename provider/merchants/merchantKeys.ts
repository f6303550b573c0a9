/**
 * Merchant API keys. `sk_` + 64 hex digits (32 random bytes): the secret key, for the
 * merchant's server, stored only as a hash. `pk_` + 32 hex digits (16 random bytes): the
 * publishable key, for the page; public by design, it only reads and quotes its own sessions.
 */
export const secretKeyPattern = /^sk_[0-9a-f]{64}$/;
export const publishableKeyPattern = /^pk_[0-9a-f]{32}$/;

export type MerchantKeyKind = 'secret' | 'publishable';
