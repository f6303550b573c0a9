import type { FastifyInstance } from 'fastify';
import { RatesList } from '../../shared/providerApi/RatesList.ts';
import type { RatesList as RatesListType } from '../../shared/providerApi/RatesList.ts';
import { ErrorResponse } from '../http/ErrorResponse.ts';
import { toRateEntry } from './toRateEntry.ts';

/** `GET /v1/rates`: every configured pair's rate, with its sources, spread and age. Public. */
export function rateRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Reply: RatesListType }>(
    '/v1/rates',
    {
      schema: {
        summary: 'Current rates, with their sources',
        description:
          'Each pair is the median of the sources that agree within the tolerance; with n ' +
          'sources, up to f = ⌊(n − 1)/3⌋ may be wrong, and fewer than 2f + 1 agreeing means ' +
          '`unavailable` (no quotes in that pair until they agree again).',
        tags: ['rates'],
        response: { 200: RatesList, 429: ErrorResponse },
      },
    },
    () =>
      Promise.resolve({ rates: app.rates.pairs.map((pair) => toRateEntry(app.rates.read(pair))) }),
  );
  return Promise.resolve();
}
