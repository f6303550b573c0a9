import type { FastifyInstance } from 'fastify';
import { SigningKeysList } from '../../shared/providerApi/SigningKeysList.ts';
import type { SigningKeysList as SigningKeysListType } from '../../shared/providerApi/SigningKeysList.ts';
import { ErrorResponse } from '../http/ErrorResponse.ts';

/** `GET /v1/keys`: the public keys that sign quotes. Public, no API key. */
export function keyRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Reply: SigningKeysListType }>(
    '/v1/keys',
    {
      schema: {
        summary: 'The public keys that sign quotes',
        description:
          'Fetch once and cache; a quote names its key in `signature.key_id`. The signed bytes ' +
          'are laid out as in shared/quotes/encodeQuoteMessage.ts.',
        tags: ['keys'],
        response: { 200: SigningKeysList, 429: ErrorResponse },
      },
    },
    async () => {
      // Creates the first key if no quote has been signed yet, so the list is never empty.
      await app.signingKey();
      const { rows } = await app.db.query<{ id: string; public_key: string; created_at: Date }>(
        'select id, public_key, created_at from signing_keys order by created_at, id',
      );
      return {
        keys: rows.map((row) => ({
          id: row.id,
          algorithm: 'ed25519' as const,
          public_key: row.public_key,
          created_at: row.created_at.toISOString(),
        })),
      };
    },
  );
  return Promise.resolve();
}
