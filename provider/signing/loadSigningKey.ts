import { createHash, createPrivateKey, sign } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { Database } from '../db/Database.ts';

/*
 * Trusted: the database (it holds the secret key; see 0005_signing_keys.sql). The secret key
 * stays inside the closure below: the returned object has no field holding it, so logging or
 * serialising the signer can never show it.
 */

export type SigningKey = {
  /** `key_` + the first 8 bytes of SHA-256(public key), hex. */
  readonly id: string;
  readonly algorithm: 'ed25519';
  /** 32 bytes, lowercase hex. */
  readonly publicKey: string;
  readonly createdAt: Date;
  /** Ed25519 signature of `message`, 64 bytes as lowercase hex. */
  sign(message: Uint8Array): string;
};

export type LoadSigningKeyParameters = { db: Database; now: () => Date };
export type LoadSigningKeyReturnType = SigningKey;

/** Any constant, the same in every instance: instances starting together create one key. */
const keyCreationLockKey = '2718281828459';

/** The provider's quote-signing key: the oldest stored, or a new one on first start. */
export async function loadSigningKey({
  db,
  now,
}: LoadSigningKeyParameters): Promise<LoadSigningKeyReturnType> {
  const row = await db.transaction(async (session) => {
    await session.query('select pg_advisory_xact_lock($1::bigint)', [keyCreationLockKey]);
    const existing = await session.query<StoredKey>(
      `select id, secret_key, public_key, created_at from signing_keys
       order by created_at, id limit 1`,
    );
    if (existing.rows[0] !== undefined) return existing.rows[0];
    const secretKey = ed25519.utils.randomSecretKey();
    const publicKey = bytesToHex(ed25519.getPublicKey(secretKey));
    const created: StoredKey = {
      id: `key_${createHash('sha256').update(publicKey, 'hex').digest('hex').slice(0, 16)}`,
      secret_key: bytesToHex(secretKey),
      public_key: publicKey,
      created_at: now(),
    };
    await session.query(
      `insert into signing_keys (id, algorithm, secret_key, public_key, created_at)
       values ($1, 'ed25519', $2, $3, $4)`,
      [created.id, created.secret_key, created.public_key, created.created_at],
    );
    return created;
  });
  const secretKey = hexToBytes(row.secret_key);
  if (bytesToHex(ed25519.getPublicKey(secretKey)) !== row.public_key) {
    throw new Error(`signing key ${row.id}: the stored public key does not match its secret key`);
  }
  // Node's native Ed25519 signs in ~0.07 ms where noble takes ~1 ms (it re-derives the key on
  // every call): quote creation is bound by it. Ed25519 is deterministic, so both give the same
  // bytes (checked against RFC 8032 in the test).
  const privateKey = createPrivateKey({
    key: Buffer.concat([ed25519Pkcs8Prefix, secretKey]),
    format: 'der',
    type: 'pkcs8',
  });
  return {
    id: row.id,
    algorithm: 'ed25519',
    publicKey: row.public_key,
    createdAt: row.created_at,
    sign: (message) => sign(null, message, privateKey).toString('hex'),
  };
}

/** PKCS#8 DER of an Ed25519 private key (RFC 8410), up to the 32 key bytes that follow it. */
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

type StoredKey = { id: string; secret_key: string; public_key: string; created_at: Date };
