import { randomBytes } from 'node:crypto';
import { createPublicClient, createTestClient, createWalletClient, http } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type {
  CheckoutSession,
  CreateCheckoutSessionBody,
} from '../../shared/providerApi/CheckoutSession.ts';
import type { ProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import { startDevChain } from '../../scripts/devChain/startDevChain.ts';
import type { StartDevChainReturnType } from '../../scripts/devChain/startDevChain.ts';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { startPaymentsTestChain } from '../payments/startPaymentsTestChain.ts';
import type { PaymentsTestChain } from '../payments/startPaymentsTestChain.ts';
import { createExpirySweeper } from './createExpirySweeper.ts';
import { startPaymentTestProvider } from './startPaymentTestProvider.ts';
import type { PaymentTestProvider } from './startPaymentTestProvider.ts';

// The whole flow on real Hardhat nodes: sessions and quotes through the API, real ERC-20 and
// ETH transfers signed by the public test accounts, the chain watcher finding them through a
// quorum reader, and the merchant's webhooks received over HTTP and verified.

const testMnemonic = 'test test test test test test test test test test test junk';

describe.each(testDatabases())('payment detection on a dev chain, $name', ({ open }) => {
  let chain: PaymentsTestChain;
  let otherChain: StartDevChainReturnType;
  let db: Database;
  let stack: PaymentTestProvider;
  let server: ProviderClient;
  let page: ProviderClient;

  beforeAll(async () => {
    [chain, otherChain] = await Promise.all([
      startPaymentsTestChain(),
      startDevChain({ port: 0, chainId: 31338 }),
    ]);
    db = await open();
    stack = await startPaymentTestProvider({
      db,
      chains: [
        { chainId: 31337, rpcUrls: [chain.rpcUrl], confirmations: 1 },
        { chainId: 31338, rpcUrls: [otherChain.rpcUrl], confirmations: 1 },
      ],
      clockRpcUrl: chain.rpcUrl,
    });
    server = stack.provider.client({ secretKey: stack.provider.merchant.secretKey });
    page = stack.provider.client({ publishableKey: stack.provider.merchant.publishableKey });
  });

  afterAll(async () => {
    expect(stack.rejectedDeliveries).toEqual([]);
    await stack.close();
    await db.close();
    await Promise.all([chain.stop(), otherChain.stop()]);
  });

  function order(change: Partial<CreateCheckoutSessionBody> = {}): CreateCheckoutSessionBody {
    return {
      amount_minor: '2400',
      currency: 'EUR',
      recipients: { '31337': chain.merchant },
      accepted_assets: [
        { chain_id: 31337, asset: 'USDC' },
        { chain_id: 31337, asset: 'ETH' },
      ],
      metadata: { order_id: `order-${randomBytes(4).toString('hex')}` },
      ...change,
    };
  }

  async function sessionWithQuote(
    asset: 'USDC' | 'ETH' = 'USDC',
    change: Partial<CreateCheckoutSessionBody> = {},
  ): Promise<{ session: CheckoutSession; quote: CheckoutQuote }> {
    const session = await server.createCheckoutSession(order(change));
    const quote = await page.lockQuote(session.id, { chain_id: 31337, asset });
    return { session, quote };
  }

  /** Waits until the watcher has had a chance at the chain's current head. */
  async function settleWatcher(): Promise<void> {
    const head = await chain.head();
    await expect
      .poll(
        async () => {
          const { rows } = await db.query<{ block_number: bigint }>(
            'select block_number from chain_cursors where chain_id = 31337',
          );
          return (rows[0]?.block_number ?? -1n) >= head;
        },
        { timeout: 10_000, interval: 20 },
      )
      .toBe(true);
  }

  async function statusOf(id: string): Promise<string> {
    return (await server.getCheckoutSession(id)).status;
  }

  test('pay with a real ERC-20 transfer carrying the reference → settled, signed webhook', async () => {
    const { session, quote } = await sessionWithQuote();
    const receipt = await chain.payToken('USDC', {
      reference: quote.reference,
      amount: BigInt(quote.amount),
    });
    const settled = await stack.waitForEvent(session.id, 'checkout.session.settled');
    expect(settled.data).toMatchObject({
      id: session.id,
      status: 'settled',
      metadata: session.metadata,
      amount_paid: {
        quote_id: quote.id,
        chain_id: 31337,
        asset: 'USDC',
        amount_quoted: quote.amount,
        amount_paid: quote.amount,
        amount_remaining: '0',
      },
      payments: [
        {
          tx_hash: receipt.transactionHash,
          from: chain.shopper,
          amount: quote.amount,
          status: 'confirmed',
          block_number: receipt.blockNumber.toString(),
          confirmations: 1,
          required_confirmations: 1,
          late: false,
        },
      ],
    });
    expect(stack.eventTypesOf(session.id)).toEqual([
      'checkout.session.pending',
      'checkout.session.settled',
    ]);
    expect(await page.getCheckoutSession(session.id)).toMatchObject({
      status: 'settled',
      payments: [{ status: 'confirmed', tx_hash: receipt.transactionHash }],
    });
  });
  test('pay with ETH: a native transfer whose data is the reference → settled', async () => {
    const { session, quote } = await sessionWithQuote('ETH');
    await chain.payNative({ reference: quote.reference, amount: BigInt(quote.amount) });
    const settled = await stack.waitForEvent(session.id, 'checkout.session.settled');
    expect(settled.data.amount_paid).toMatchObject({ asset: 'ETH', amount_remaining: '0' });
  });

  test('underpaid, then a top-up with the same reference → settled', async () => {
    const { session, quote } = await sessionWithQuote();
    const quoted = BigInt(quote.amount);
    await chain.payToken('USDC', { reference: quote.reference, amount: quoted - 1_000_000n });
    const underpaid = await stack.waitForEvent(session.id, 'checkout.session.underpaid');
    expect(underpaid.data.amount_paid).toMatchObject({ amount_remaining: '1000000' });
    expect(await statusOf(session.id)).toBe('underpaid');

    await chain.payToken('USDC', { reference: quote.reference, amount: 1_000_000n });
    const settled = await stack.waitForEvent(session.id, 'checkout.session.settled');
    expect(settled.data.amount_paid).toMatchObject({
      amount_paid: quote.amount,
      amount_remaining: '0',
    });
    expect(settled.data.payments).toHaveLength(2);
    // The top-up leaves the session underpaid while it is seen: no second pending.
    expect(stack.eventTypesOf(session.id)).toEqual([
      'checkout.session.pending',
      'checkout.session.underpaid',
      'checkout.session.settled',
    ]);
  });

  test('overpaid', async () => {
    const { session, quote } = await sessionWithQuote();
    await chain.payToken('USDC', { reference: quote.reference, amount: BigInt(quote.amount) + 1n });
    const overpaid = await stack.waitForEvent(session.id, 'checkout.session.overpaid');
    expect(overpaid.data.amount_paid).toMatchObject({
      amount_paid: (BigInt(quote.amount) + 1n).toString(),
      amount_remaining: '0',
    });
  });

  test.each<[string, (quote: CheckoutQuote) => Promise<unknown>]>([
    [
      'another token (EURC for a USDC quote)',
      (quote) =>
        chain.payToken('EURC', { reference: quote.reference, amount: BigInt(quote.amount) }),
    ],
    [
      'another recipient',
      (quote) =>
        chain.payToken('USDC', {
          reference: quote.reference,
          amount: BigInt(quote.amount),
          to: chain.shopper,
        }),
    ],
    [
      'no reference',
      (quote) => chain.payToken('USDC', { reference: null, amount: BigInt(quote.amount) }),
    ],
  ])('a transfer with %s is not a payment: the session stays open', async (_name, pay) => {
    const { session, quote } = await sessionWithQuote();
    await pay(quote);
    await settleWatcher();
    const after = await server.getCheckoutSession(session.id);
    expect(after.status).toBe('open');
    expect(after.payments).toEqual([]);
    expect(stack.eventTypesOf(session.id)).toEqual([]);
  });

  test('the same transfer on another chain (31338) is not a payment', async () => {
    const { session, quote } = await sessionWithQuote('ETH');
    const otherChainDefinition = { ...hardhat, id: 31338 };
    const wallet = createWalletClient({
      chain: otherChainDefinition,
      transport: http(otherChain.rpcUrl),
      account: mnemonicToAccount(testMnemonic, { addressIndex: 1 }),
    });
    await wallet.sendTransaction({
      to: chain.merchant,
      value: BigInt(quote.amount),
      data: `0x${quote.reference}`,
    });
    await expect
      .poll(
        async () => {
          const { rows } = await db.query<{ block_number: bigint }>(
            'select block_number from chain_cursors where chain_id = 31338',
          );
          return rows[0]?.block_number ?? -1n;
        },
        { timeout: 10_000, interval: 20 },
      )
      .toBeGreaterThanOrEqual(1n);
    await settleWatcher();
    const after = await server.getCheckoutSession(session.id);
    expect(after.status).toBe('open');
    expect(after.payments).toEqual([]);
  });

  test("a transfer with another session's reference pays that session, not this one", async () => {
    const first = await sessionWithQuote();
    const second = await sessionWithQuote();
    await chain.payToken('USDC', {
      reference: first.quote.reference,
      amount: BigInt(first.quote.amount),
    });
    await stack.waitForEvent(first.session.id, 'checkout.session.settled');
    await settleWatcher();
    expect(await statusOf(second.session.id)).toBe('open');
    expect(stack.eventTypesOf(second.session.id)).toEqual([]);
  });

  test('a block dated after the quote expired (evm_increaseTime) → paid_late', async () => {
    const { session, quote } = await sessionWithQuote();
    const testClient = createTestClient({
      chain: hardhat,
      mode: 'hardhat',
      transport: http(chain.rpcUrl),
    });
    const latest = await createPublicClient({ transport: http(chain.rpcUrl) }).getBlock();
    const seconds =
      Math.ceil((Date.parse(quote.expires_at) - Number(latest.timestamp) * 1000) / 1000) + 5;
    await testClient.increaseTime({ seconds });
    const receipt = await chain.payToken('USDC', {
      reference: quote.reference,
      amount: BigInt(quote.amount),
    });
    const late = await stack.waitForEvent(session.id, 'checkout.session.paid_late');
    expect(late.data.payments).toEqual([
      expect.objectContaining({
        tx_hash: receipt.transactionHash,
        late: true,
        status: 'confirmed',
      }),
    ]);
    // From here on the chain runs that much ahead: the provider's clock follows it, and its
    // rates are read again at the new time (they would be over 600 s old).
    stack.provider.clock.advance(seconds * 1000);
    await stack.provider.app.rates.refresh();
  });

  test('an open session past its expiry → expired (sweeper); paid afterwards → paid_late', async () => {
    const { session, quote } = await sessionWithQuote('USDC', { expires_in: 60 });
    stack.provider.clock.advance(61_000);
    const sweeper = createExpirySweeper({ db, now: stack.provider.clock.now });
    expect(await sweeper.runOnce()).toBeGreaterThanOrEqual(1);
    const expired = await stack.waitForEvent(session.id, 'checkout.session.expired');
    expect(expired.data).toMatchObject({ status: 'expired', payments: [], amount_paid: null });

    // The chain's clock passes the expiry too (a block is dated by the chain, not the provider).
    const latest = await createPublicClient({ transport: http(chain.rpcUrl) }).getBlock();
    const seconds =
      Math.ceil((Date.parse(session.expires_at) - Number(latest.timestamp) * 1000) / 1000) + 1;
    await createTestClient({
      chain: hardhat,
      mode: 'hardhat',
      transport: http(chain.rpcUrl),
    }).increaseTime({ seconds: Math.max(seconds, 1) });
    await chain.payToken('USDC', { reference: quote.reference, amount: BigInt(quote.amount) });
    await stack.waitForEvent(session.id, 'checkout.session.paid_late');
    expect(stack.eventTypesOf(session.id)).toEqual([
      'checkout.session.expired',
      'checkout.session.paid_late',
    ]);
  });
});
