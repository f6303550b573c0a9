import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../provider/db/Database.ts';
import { testDatabases } from '../../provider/db/testDatabases.ts';
import { startTestProvider } from '../../provider/testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../../provider/testing/startTestProvider.ts';
import { ProviderApiError } from '../../shared/providerClient/index.ts';
import { createCheckoutSession } from './createCheckoutSession.ts';

const [pglite] = testDatabases();

describe('createCheckoutSession', () => {
  let db: Database;
  let provider: StartTestProviderReturnType;

  beforeAll(async () => {
    if (pglite === undefined) throw new Error('no test database');
    db = await pglite.open();
    provider = await startTestProvider({ db });
    await provider.app.rates.refresh();
  });
  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  it('creates an open 19.99 EUR session payable in USDC, EURC, DAI and ETH on the dev chain', async () => {
    const session = await createCheckoutSession({
      providerUrl: provider.url,
      secretKey: provider.merchant.secretKey,
      orderId: 'order-1',
    });
    expect(session).toMatchObject({
      status: 'open',
      amount_minor: '1999',
      currency: 'EUR',
      recipients: { '31337': '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
      metadata: { order_id: 'order-1', product: 'house-blend-250g' },
    });
    expect(session.payment_options.map((option) => option.asset)).toEqual([
      'USDC',
      'EURC',
      'DAI',
      'ETH',
    ]);
  });

  it('gives the same session again for the same order (the order id is the idempotency key)', async () => {
    const parameters = {
      providerUrl: provider.url,
      secretKey: provider.merchant.secretKey,
      orderId: 'order-2',
    };
    const first = await createCheckoutSession(parameters);
    const again = await createCheckoutSession(parameters);
    expect(again.id).toBe(first.id);
  });

  it('fails with the API error when the key is refused', async () => {
    const attempt = createCheckoutSession({
      providerUrl: provider.url,
      secretKey: `sk_${'0'.repeat(64)}`,
      orderId: 'order-3',
    });
    await expect(attempt).rejects.toBeInstanceOf(ProviderApiError);
    await expect(attempt).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
  });
});
