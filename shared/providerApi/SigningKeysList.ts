import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Timestamp } from './wireTypes.ts';

export const SigningKey = Type.Object(
  {
    id: Type.String({ examples: ['key_3f1c2a9b7d4e8a10'] }),
    algorithm: Type.Literal('ed25519'),
    public_key: Type.String({
      pattern: '^[0-9a-f]{64}$',
      description: 'The 32-byte Ed25519 public key (RFC 8032) as lowercase hex.',
    }),
    created_at: Timestamp,
  },
  { title: 'SigningKey' },
);

export const SigningKeysList = Type.Object(
  { keys: Type.Array(SigningKey) },
  {
    title: 'SigningKeysList',
    description:
      'The keys that sign quotes; a quote names its key in `signature.key_id`. Check with ' +
      '`verifyQuoteSignature` (shared/quotes).',
  },
);

export type SigningKey = Static<typeof SigningKey>;
export type SigningKeysList = Static<typeof SigningKeysList>;
