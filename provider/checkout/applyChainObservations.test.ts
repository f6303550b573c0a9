import { randomBytes } from 'node:crypto';
import type { Address, Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { CheckoutSession } from '../../shared/providerApi/CheckoutSession.ts';
import type { ProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import type { ChainObservations, ObservedTransfer } from '../payments/ChainObservations.ts';
import { startTestProvider, testStart } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../testing/startTestProvider.ts';
import { applyChainObservations } from './applyChainObservations.ts';
import type { OnSessionPaid } from './applyChainObservations.ts';

// The checkout side of detection against observations built by hand (the watcher's own tests
// and the dev-chain tests in paymentFlow.test.ts cover real chains): every rule of matching,
// confirming, reorgs and events, on the real schema.

const merchantAddress: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const otherAddress: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const payer: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const eurcAddress: Address = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';

function randomHash(): Hex {
  return `0x${randomBytes(32).toString('hex')}`;
}

describe.each(testDatabases())('applyChainObservations on $name', ({ open }) => {
  let db: Database;
  let provider: StartTestProviderReturnType;
  let server: ProviderClient;

  beforeAll(async () => {
    db = await open();
    provider = await startTestProvider({ db });
    await provider.app.rates.refresh();
    server = provider.client({ secretKey: provider.merchant.secretKey });
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  async function sessionWithQuote(
    asset = 'USDC',
  ): Promise<{ session: CheckoutSession; quote: CheckoutQuote }> {
    provider.clock.set(testStart);
    const session = await server.createCheckoutSession({
      amount_minor: '2400',
      currency: 'EUR',
      recipients: { '31337': merchantAddress },
      accepted_assets: [
        { chain_id: 31337, asset: 'USDC' },
        { chain_id: 31337, asset: 'ETH' },
      ],
      metadata: { order_id: 'A-1' },
    });
    const quote = await server.lockQuote(session.id, { chain_id: 31337, asset });
    return { session, quote };
  }

  function transferFor(quote: CheckoutQuote, change: Partial<ObservedTransfer> = {}) {
    return {
      chainId: quote.chain_id,
      txHash: randomHash(),
      blockNumber: 100n,
      blockHash: randomHash(),
      blockTime: new Date(testStart.getTime() + 60_000),
      from: payer,
      to: quote.recipient as Address,
      tokenAddress: quote.token_address as Address | null,
      amount: BigInt(quote.amount),
      reference: quote.reference,
      ...change,
    } satisfies ObservedTransfer;
  }

  async function apply(
    observations: Partial<ChainObservations> & { head: bigint },
    requiredConfirmations = 3,
    onSessionPaid?: OnSessionPaid,
  ): Promise<void> {
    await db.transaction((transaction) =>
      applyChainObservations({
        transaction,
        observations: { chainId: 31337, transfers: [], removedBlocks: [], ...observations },
        requiredConfirmations,
        now: provider.clock.now(),
        onSessionPaid,
      }),
    );
  }

  async function eventsOf(sessionId: string): Promise<{ type: string; data: CheckoutSession }[]> {
    const { rows } = await db.query<{ type: string; data: CheckoutSession }>(
      `select type, data from webhook_events where data->>'id' = $1 order by seq`,
      [sessionId],
    );
    return rows;
  }

  const read = (id: string) => server.getCheckoutSession(id);

  test('a matching transfer is seen (pending), then confirmed (settled), one event each', async () => {
    const { session, quote } = await sessionWithQuote();
    const transfer = transferFor(quote);
    await apply({ head: 100n, transfers: [transfer] });

    const pending = await read(session.id);
    expect(pending.status).toBe('pending');
    expect(pending.amount_paid).toBeNull();
    expect(pending.payments).toEqual([
      expect.objectContaining({
        object: 'checkout.payment',
        session_id: session.id,
        quote_id: quote.id,
        chain_id: 31337,
        asset: 'USDC',
        tx_hash: transfer.txHash,
        from: payer,
        amount: quote.amount,
        status: 'seen',
        block_number: '100',
        confirmations: 1,
        required_confirmations: 3,
        late: false,
      }),
    ]);
    expect(pending.payments[0]?.id).toMatch(/^py_[0-9a-f]{32}$/);

    await apply({ head: 101n });
    expect((await read(session.id)).status).toBe('pending');
    expect((await read(session.id)).payments[0]?.confirmations).toBe(2);

    await apply({ head: 102n });
    const settled = await read(session.id);
    expect(settled.status).toBe('settled');
    expect(settled.payments[0]).toMatchObject({ status: 'confirmed', confirmations: 3 });
    expect(settled.amount_paid).toEqual({
      quote_id: quote.id,
      chain_id: 31337,
      asset: 'USDC',
      amount_quoted: quote.amount,
      amount_paid: quote.amount,
      amount_remaining: '0',
    });

    const events = await eventsOf(session.id);
    expect(events.map((event) => event.type)).toEqual([
      'checkout.session.pending',
      'checkout.session.settled',
    ]);
    // The session as the merchant's API shows it: metadata, payments, amount paid.
    expect(events[1]?.data).toEqual({ ...settled, metadata: { order_id: 'A-1' } });
    expect(events[0]?.data.payments[0]?.status).toBe('seen');
  });

  test('tells onSessionPaid, in the transaction, each time a session becomes paid', async () => {
    const { session, quote } = await sessionWithQuote();
    const told: { id: string; status: string; paymentRows: bigint }[] = [];
    const onSessionPaid: OnSessionPaid = async (transaction, paid) => {
      // The confirmed payment is already written, in the same transaction.
      const { rows } = await transaction.query<{ count: bigint }>(
        `select count(*) as count from checkout_payments
         where session_id = $1 and status = 'confirmed'`,
        [paid.id],
      );
      told.push({ id: paid.id, status: paid.status, paymentRows: rows[0]?.count ?? 0n });
    };
    const first = transferFor(quote, { blockNumber: 150n });
    await apply({ head: 150n, transfers: [first] }, 2, onSessionPaid);
    expect(told).toEqual([]);
    await apply({ head: 151n }, 2, onSessionPaid);
    await apply({ head: 151n, transfers: [first] }, 2, onSessionPaid);
    expect(told).toEqual([{ id: session.id, status: 'settled', paymentRows: 1n }]);
    await apply(
      { head: 161n, transfers: [transferFor(quote, { blockNumber: 160n })] },
      2,
      onSessionPaid,
    );
    expect(told.map((call) => call.status)).toEqual(['settled', 'overpaid']);
  });

  test('applying the same observations again changes nothing and writes no event', async () => {
    const { session, quote } = await sessionWithQuote();
    const step = { head: 102n, transfers: [transferFor(quote)] };
    await apply(step);
    await apply(step);
    await apply(step);
    const after = await read(session.id);
    expect(after.status).toBe('settled');
    expect(after.payments).toHaveLength(1);
    expect((await eventsOf(session.id)).map((event) => event.type)).toEqual([
      'checkout.session.pending',
      'checkout.session.settled',
    ]);
  });

  test('less than quoted is underpaid; a top-up with the same reference settles it', async () => {
    const { session, quote } = await sessionWithQuote();
    const quoted = BigInt(quote.amount);
    await apply({
      head: 200n,
      transfers: [transferFor(quote, { amount: quoted - 1_000n, blockNumber: 198n })],
    });
    const underpaid = await read(session.id);
    expect(underpaid.status).toBe('underpaid');
    expect(underpaid.amount_paid).toMatchObject({
      amount_paid: (quoted - 1_000n).toString(),
      amount_remaining: '1000',
    });

    await apply({
      head: 203n,
      transfers: [transferFor(quote, { amount: 1_000n, blockNumber: 201n })],
    });
    const settled = await read(session.id);
    expect(settled.status).toBe('settled');
    expect(settled.amount_paid).toMatchObject({ amount_paid: quote.amount, amount_remaining: '0' });
    expect((await eventsOf(session.id)).map((event) => event.type)).toEqual([
      'checkout.session.pending',
      'checkout.session.underpaid',
      'checkout.session.settled',
    ]);
  });

  test('more than quoted is overpaid', async () => {
    const { session, quote } = await sessionWithQuote();
    await apply({
      head: 300n,
      transfers: [transferFor(quote, { amount: BigInt(quote.amount) + 1n, blockNumber: 298n })],
    });
    expect((await read(session.id)).status).toBe('overpaid');
  });

  test('a second payment after settled makes it overpaid', async () => {
    const { session, quote } = await sessionWithQuote();
    await apply({ head: 400n, transfers: [transferFor(quote, { blockNumber: 398n })] });
    expect((await read(session.id)).status).toBe('settled');
    await apply({ head: 410n, transfers: [transferFor(quote, { blockNumber: 408n, amount: 5n })] });
    const after = await read(session.id);
    expect(after.status).toBe('overpaid');
    expect(after.payments.map((payment) => payment.status)).toEqual(['confirmed', 'confirmed']);
  });

  test('a block dated after the quote expired makes the payment late: paid_late', async () => {
    const { session, quote } = await sessionWithQuote();
    const afterExpiry = new Date(Date.parse(quote.expires_at) + 1_000);
    await apply({
      head: 500n,
      transfers: [transferFor(quote, { blockNumber: 498n, blockTime: afterExpiry })],
    });
    const late = await read(session.id);
    expect(late.status).toBe('paid_late');
    expect(late.payments[0]?.late).toBe(true);
    expect((await eventsOf(session.id)).map((event) => event.type)).toEqual([
      'checkout.session.pending',
      'checkout.session.paid_late',
    ]);
  });

  test('a block dated exactly at the quote expiry is on time', async () => {
    const { session, quote } = await sessionWithQuote();
    const atExpiry = new Date(quote.expires_at);
    await apply({
      head: 510n,
      transfers: [transferFor(quote, { blockNumber: 508n, blockTime: atExpiry })],
    });
    expect((await read(session.id)).status).toBe('settled');
  });

  test('an expired session stays expired while a payment is seen, and ends paid_late', async () => {
    const { session, quote } = await sessionWithQuote();
    provider.clock.set(new Date(Date.parse(session.expires_at) + 1_000));
    expect((await read(session.id)).status).toBe('expired');
    await apply({ head: 600n, transfers: [transferFor(quote, { blockNumber: 600n })] });
    expect((await read(session.id)).status).toBe('expired');
    await apply({ head: 602n });
    expect((await read(session.id)).status).toBe('paid_late');
    expect((await eventsOf(session.id)).map((event) => event.type)).toEqual([
      'checkout.session.expired',
      'checkout.session.paid_late',
    ]);
  });

  test.each<[string, (quote: CheckoutQuote) => Partial<ObservedTransfer>]>([
    ['another token', () => ({ tokenAddress: eurcAddress })],
    ['the native coin for a token quote', () => ({ tokenAddress: null })],
    ['another recipient', () => ({ to: otherAddress })],
    ['another chain', () => ({ chainId: 31338 })],
    ['nothing', () => ({ amount: 0n })],
    ['an unknown reference', () => ({ reference: randomBytes(16).toString('hex') })],
  ])('ignores a transfer that pays %s: no payment, no state change', async (_name, change) => {
    const { session, quote } = await sessionWithQuote();
    const transfer = transferFor(quote, { blockNumber: 700n, ...change(quote) });
    await db.transaction((transaction) =>
      applyChainObservations({
        transaction,
        observations: {
          chainId: transfer.chainId,
          head: 710n,
          transfers: [transfer],
          removedBlocks: [],
        },
        requiredConfirmations: 1,
        now: provider.clock.now(),
      }),
    );
    const after = await read(session.id);
    expect(after.status).toBe('open');
    expect(after.payments).toEqual([]);
    expect(await eventsOf(session.id)).toEqual([]);
  });

  test('a native payment matches a native quote', async () => {
    const { session, quote } = await sessionWithQuote('ETH');
    expect(quote.token_address).toBeNull();
    await apply({ head: 720n, transfers: [transferFor(quote, { blockNumber: 720n })] }, 1);
    expect((await read(session.id)).status).toBe('settled');
  });

  test('a seen payment whose block is removed is dropped: the session is open again, silently', async () => {
    const { session, quote } = await sessionWithQuote();
    const transfer = transferFor(quote, { blockNumber: 800n });
    await apply({ head: 800n, transfers: [transfer] });
    expect((await read(session.id)).status).toBe('pending');

    await apply({ head: 800n, removedBlocks: [{ number: 800n, hash: transfer.blockHash }] });
    const reopened = await read(session.id);
    expect(reopened.status).toBe('open');
    expect(reopened.payments[0]).toMatchObject({ status: 'dropped', confirmations: 0 });
    expect((await eventsOf(session.id)).map((event) => event.type)).toEqual([
      'checkout.session.pending',
    ]);

    // Mined again in another block: seen again (same payment), pending again, then settled.
    const blockHash = randomHash();
    await apply({ head: 801n, transfers: [{ ...transfer, blockNumber: 801n, blockHash }] });
    const again = await read(session.id);
    expect(again.status).toBe('pending');
    expect(again.payments).toHaveLength(1);
    expect(again.payments[0]).toMatchObject({ status: 'seen', block_number: '801' });
    await apply({ head: 803n });
    expect((await read(session.id)).status).toBe('settled');
    expect((await eventsOf(session.id)).map((event) => event.type)).toEqual([
      'checkout.session.pending',
      'checkout.session.pending',
      'checkout.session.settled',
    ]);
  });

  test('a transaction moved to another block within one step stays pending, no event', async () => {
    const { session, quote } = await sessionWithQuote();
    const transfer = transferFor(quote, { blockNumber: 900n });
    await apply({ head: 900n, transfers: [transfer] });
    await apply({
      head: 901n,
      transfers: [{ ...transfer, blockNumber: 901n, blockHash: randomHash() }],
      removedBlocks: [{ number: 900n, hash: transfer.blockHash }],
    });
    const after = await read(session.id);
    expect(after.status).toBe('pending');
    expect(after.payments[0]).toMatchObject({ status: 'seen', block_number: '901' });
    expect((await eventsOf(session.id)).map((event) => event.type)).toEqual([
      'checkout.session.pending',
    ]);
  });

  test('a pending session with another seen payment stays pending when one is dropped', async () => {
    const { session, quote } = await sessionWithQuote();
    const half = BigInt(quote.amount) / 2n;
    const first = transferFor(quote, { blockNumber: 1000n, amount: half });
    const second = transferFor(quote, { blockNumber: 1001n, amount: half });
    await apply({ head: 1001n, transfers: [first, second] });
    await apply({ head: 1001n, removedBlocks: [{ number: 1000n, hash: first.blockHash }] });
    expect((await read(session.id)).status).toBe('pending');
  });

  test('a confirmed payment is never undone by a removed block', async () => {
    const { session, quote } = await sessionWithQuote();
    const transfer = transferFor(quote, { blockNumber: 1100n });
    await apply({ head: 1102n, transfers: [transfer] });
    await apply({ head: 1102n, removedBlocks: [{ number: 1100n, hash: transfer.blockHash }] });
    const after = await read(session.id);
    expect(after.status).toBe('settled');
    expect(after.payments[0]?.status).toBe('confirmed');
  });

  test('money on a second quote of the same session counts as over', async () => {
    const { session, quote } = await sessionWithQuote();
    const second = await server.lockQuote(session.id, { chain_id: 31337, asset: 'ETH' });
    await apply({ head: 1200n, transfers: [transferFor(quote, { blockNumber: 1200n })] }, 1);
    expect((await read(session.id)).status).toBe('settled');
    await apply({ head: 1201n, transfers: [transferFor(second, { blockNumber: 1201n })] }, 1);
    const after = await read(session.id);
    expect(after.status).toBe('overpaid');
    // amount_paid stays about the first paid quote.
    expect(after.amount_paid).toMatchObject({ quote_id: quote.id, amount_paid: quote.amount });
  });

  test('a session that expires while its payment waits for confirmations does not expire', async () => {
    const { session, quote } = await sessionWithQuote();
    await apply({ head: 1300n, transfers: [transferFor(quote, { blockNumber: 1300n })] });
    provider.clock.set(new Date(Date.parse(session.expires_at) + 60_000));
    expect((await read(session.id)).status).toBe('pending');
    await apply({ head: 1302n });
    expect((await read(session.id)).status).toBe('settled');
  });
});
