import { randomBytes } from 'node:crypto';
import type { Address, Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { startTestProvider, testStart } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../testing/startTestProvider.ts';
import { applyChainObservations } from './applyChainObservations.ts';
import { forgetChainHistory } from './forgetChainHistory.ts';

const merchantAddress: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const randomHash = (): Hex => `0x${randomBytes(32).toString('hex')}`;

describe.each(testDatabases())('forgetChainHistory on $name', ({ open }) => {
  let db: Database;
  let provider: StartTestProviderReturnType;

  beforeAll(async () => {
    db = await open();
    provider = await startTestProvider({ db });
    await provider.app.rates.refresh();
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  test("forgets the watcher's blocks of one chain and drops its unconfirmed payments", async () => {
    const server = provider.client({ secretKey: provider.merchant.secretKey });
    const pay = async (blockNumber: bigint, head: bigint) => {
      const session = await server.createCheckoutSession({
        amount_minor: '2400',
        currency: 'EUR',
        recipients: { '31337': merchantAddress },
        accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
      });
      const quote = await server.lockQuote(session.id, { chain_id: 31337, asset: 'USDC' });
      await db.transaction((transaction) =>
        applyChainObservations({
          transaction,
          observations: {
            chainId: 31337,
            head,
            transfers: [
              {
                chainId: 31337,
                txHash: randomHash(),
                blockNumber,
                blockHash: randomHash(),
                blockTime: testStart,
                from: merchantAddress,
                to: merchantAddress,
                tokenAddress: quote.token_address as Address,
                amount: BigInt(quote.amount),
                reference: quote.reference,
              },
            ],
            removedBlocks: [],
          },
          requiredConfirmations: 2,
          now: provider.clock.now(),
        }),
      );
      return session.id;
    };
    const confirmed = await pay(10n, 11n);
    const waiting = await pay(20n, 20n);
    expect((await server.getCheckoutSession(waiting)).status).toBe('pending');
    expect((await server.getCheckoutSession(confirmed)).status).toBe('settled');
    for (const chainId of [31337, 8453]) {
      await db.query(
        `insert into chain_cursors (chain_id, block_number, block_hash, updated_at)
         values ($1, 10, $2, $3)`,
        [chainId, randomHash(), testStart],
      );
      await db.query(
        'insert into chain_blocks (chain_id, number, hash, parent_hash) values ($1, 10, $2, $3)',
        [chainId, randomHash(), randomHash()],
      );
    }

    const forgotten = await forgetChainHistory({ db, chainId: 31337, now: provider.clock.now() });

    expect(forgotten).toEqual({ droppedPayments: 1 });
    const reopened = await server.getCheckoutSession(waiting);
    expect(reopened.status).toBe('open');
    expect(reopened.payments[0]?.status).toBe('dropped');
    expect((await server.getCheckoutSession(confirmed)).status).toBe('settled');
    const { rows } = await db.query<{ chain_id: bigint }>(
      'select chain_id from chain_cursors union all select chain_id from chain_blocks',
    );
    expect(rows.map((row) => row.chain_id)).toEqual([8453n, 8453n]);
  });
});
