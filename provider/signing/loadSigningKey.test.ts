import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { openPgliteDatabase } from '../db/openPgliteDatabase.ts';
import { loadSigningKey } from './loadSigningKey.ts';

// RFC 8032, section 7.1, tests 1 and 2 (one key per test; the oldest stored key is loaded).
const vectors = [
  {
    secretKey: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    secretKey: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
];

describe('loadSigningKey', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openPgliteDatabase({ dataDir: undefined });
    await migrate({ db });
  });

  afterAll(async () => {
    await db.close();
  });

  test.each(vectors)(
    'signs as RFC 8032 says (public key $publicKey)',
    async ({ secretKey, publicKey, message, signature }) => {
      await db.query('delete from signing_keys');
      await db.query(
        `insert into signing_keys (id, algorithm, secret_key, public_key, created_at)
         values ('key_rfc8032', 'ed25519', $1, $2, $3)`,
        [secretKey, publicKey, new Date('2026-01-31T12:00:00.000Z')],
      );
      const key = await loadSigningKey({ db, now: () => new Date() });
      expect(key.publicKey).toBe(publicKey);
      expect(key.sign(hexToBytes(message))).toBe(signature);
      expect(
        ed25519.verify(hexToBytes(signature), hexToBytes(message), hexToBytes(publicKey)),
      ).toBe(true);
    },
  );

  test('creates one key on first use and signs what noble verifies', async () => {
    await db.query('delete from signing_keys');
    const key = await loadSigningKey({ db, now: () => new Date() });
    const message = new TextEncoder().encode('a quote');
    const signed = key.sign(message);
    expect(ed25519.verify(hexToBytes(signed), message, hexToBytes(key.publicKey))).toBe(true);
    expect((await loadSigningKey({ db, now: () => new Date() })).id).toBe(key.id);
  });
});
