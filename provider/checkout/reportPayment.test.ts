import { randomBytes } from 'node:crypto';
import { concat, createWalletClient, encodeFunctionData, erc20Abi, http } from 'viem';
import type { Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type {
  CheckoutSession,
  CreateCheckoutSessionBody,
} from '../../shared/providerApi/CheckoutSession.ts';
import type { ProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import { ProviderApiError } from '../../shared/providerClient/errors.ts';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { createQuorumChainReader } from '../payments/createQuorumChainReader.ts';
import { startPaymentsTestChain } from '../payments/startPaymentsTestChain.ts';
import type { PaymentsTestChain } from '../payments/startPaymentsTestChain.ts';
import { startTestProvider } from '../testing/startTestProvider.ts';
import { startPaymentTestProvider } from './startPaymentTestProvider.ts';
import type { PaymentTestProvider } from './startPaymentTestProvider.ts';

// POST /v1/checkout/sessions/{id}/payments against a real dev chain. The watcher here polls only
// once a minute, so a payment recorded within the request was recorded because the route poked it.

const testMnemonic = 'test test test test test test test test test test test junk';

async function apiErrorOf(promise: Promise<unknown>): Promise<ProviderApiError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ProviderApiError);
  return error as ProviderApiError;
}

describe.each(testDatabases())('POST /v1/checkout/sessions/{id}/payments on $name', ({ open }) => {
  let chain: PaymentsTestChain;
  let db: Database;
  let stack: PaymentTestProvider;
  let server: ProviderClient;
  let page: ProviderClient;

  beforeAll(async () => {
    chain = await startPaymentsTestChain();
    db = await open();
    stack = await startPaymentTestProvider({
      db,
      chains: [{ chainId: 31337, rpcUrls: [chain.rpcUrl], confirmations: 2 }],
      clockRpcUrl: chain.rpcUrl,
      pollIntervalMs: 60_000,
    });
    server = stack.provider.client({ secretKey: stack.provider.merchant.secretKey });
    page = stack.provider.client({ publishableKey: stack.provider.merchant.publishableKey });
  });

  afterAll(async () => {
    expect(stack.rejectedDeliveries).toEqual([]);
    await stack.close();
    await db.close();
    await chain.stop();
  });

  function order(change: Partial<CreateCheckoutSessionBody> = {}): CreateCheckoutSessionBody {
    return {
      amount_minor: '1500',
      currency: 'USD',
      recipients: { '31337': chain.merchant },
      accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
      ...change,
    };
  }

  async function sessionWithQuote(): Promise<{ session: CheckoutSession; quote: CheckoutQuote }> {
    const session = await server.createCheckoutSession(order());
    const quote = await page.lockQuote(session.id, { chain_id: 31337, asset: 'USDC' });
    return { session, quote };
  }

  async function pay(quote: CheckoutQuote): Promise<Hex> {
    const receipt = await chain.payToken('USDC', {
      reference: quote.reference,
      amount: BigInt(quote.amount),
    });
    return receipt.transactionHash;
  }

  async function paymentCount(): Promise<bigint> {
    const { rows } = await db.query<{ count: bigint }>(
      'select count(*) as count from checkout_payments',
    );
    return rows[0]?.count ?? -1n;
  }

  test('records a reported payment at once (202), then it settles with confirmations', async () => {
    const { session, quote } = await sessionWithQuote();
    const txHash = await pay(quote);
    const answer = await page.reportPayment(session.id, { chain_id: 31337, tx_hash: txHash });
    expect(answer).toMatchObject({
      id: session.id,
      status: 'pending',
      payments: [{ tx_hash: txHash, status: 'seen', confirmations: 1, required_confirmations: 2 }],
      amount_paid: null,
    });
    expect(answer.metadata).toBeUndefined();

    await chain.mine(1);
    const again = await server.reportPayment(session.id, { chain_id: 31337, tx_hash: txHash });
    expect(again.status).toBe('pending'); // already recorded: no new step is asked for
    stack.detection.chains.get(31337)?.poke();
    await stack.waitForEvent(session.id, 'checkout.session.settled');
    expect((await server.getCheckoutSession(session.id)).status).toBe('settled');
  });

  test('answers 202 with the HTTP status and CORS headers a page needs', async () => {
    const { session, quote } = await sessionWithQuote();
    const txHash = await pay(quote);
    const response = await fetch(
      `${stack.provider.url}/v1/checkout/sessions/${session.id}/payments?key=${stack.provider.merchant.publishableKey}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
        body: JSON.stringify({
          chain_id: 31337,
          tx_hash: txHash.toUpperCase().replace('0X', '0x'),
        }),
      },
    );
    expect(response.status).toBe(202);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as CheckoutSession;
    expect(body.payments[0]?.tx_hash).toBe(txHash);
    const preflight = await fetch(
      `${stack.provider.url}/v1/checkout/sessions/${session.id}/payments`,
      { method: 'OPTIONS', headers: { origin: 'https://shop.example' } },
    );
    expect(preflight.status).toBe(204);
  });

  test('replays the first answer for the same Idempotency-Key', async () => {
    const { session, quote } = await sessionWithQuote();
    const txHash = await pay(quote);
    const send = () =>
      fetch(`${stack.provider.url}/v1/checkout/sessions/${session.id}/payments`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${stack.provider.merchant.publishableKey}`,
          'content-type': 'application/json',
          'idempotency-key': `report-${session.id}`,
        },
        body: JSON.stringify({ chain_id: 31337, tx_hash: txHash }),
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
  });

  test('a transaction that paid one session is refused for another (409), which stays as it was', async () => {
    const first = await sessionWithQuote();
    const second = await sessionWithQuote();
    const txHash = await pay(first.quote);
    await page.reportPayment(first.session.id, { chain_id: 31337, tx_hash: txHash });
    const before = await server.getCheckoutSession(second.session.id);
    const error = await apiErrorOf(
      page.reportPayment(second.session.id, { chain_id: 31337, tx_hash: txHash }),
    );
    expect({ status: error.status, code: error.code, param: error.param }).toEqual({
      status: 409,
      code: 'payment_already_used',
      param: 'tx_hash',
    });
    expect(await server.getCheckoutSession(second.session.id)).toEqual(before);
    expect(stack.eventTypesOf(second.session.id)).toEqual([]);
  });

  test("refuses a transfer carrying another session's reference (422 payment_mismatch)", async () => {
    const first = await sessionWithQuote();
    const second = await sessionWithQuote();
    const txHash = await pay(first.quote);
    const error = await apiErrorOf(
      page.reportPayment(second.session.id, { chain_id: 31337, tx_hash: txHash }),
    );
    expect({ status: error.status, code: error.code }).toEqual({
      status: 422,
      code: 'payment_mismatch',
    });
    expect(error.shortMessage).toContain('another checkout session');
    expect((await server.getCheckoutSession(second.session.id)).payments).toEqual([]);
  });

  test.each<[string, string, (quote: CheckoutQuote) => Promise<{ transactionHash: Hex }>]>([
    [
      'another token',
      'pays token 0xe7f1725e7734ce288f8367e1bb143e90bb3f0512; the quote asks for token 0x5fbdb2315678afecb367f032d93f642f64180aa3',
      (quote) =>
        chain.payToken('EURC', { reference: quote.reference, amount: BigInt(quote.amount) }),
    ],
    [
      'another recipient',
      "the quote's recipient is",
      (quote) =>
        chain.payToken('USDC', {
          reference: quote.reference,
          amount: BigInt(quote.amount),
          to: chain.shopper,
        }),
    ],
  ])('refuses a transfer to %s (422 payment_mismatch, saying why)', async (_name, why, send) => {
    const { session, quote } = await sessionWithQuote();
    const { transactionHash } = await send(quote);
    const before = await paymentCount();
    const error = await apiErrorOf(
      page.reportPayment(session.id, { chain_id: 31337, tx_hash: transactionHash }),
    );
    expect({ status: error.status, code: error.code, param: error.param }).toEqual({
      status: 422,
      code: 'payment_mismatch',
      param: 'tx_hash',
    });
    expect(error.shortMessage).toContain(why);
    expect(await paymentCount()).toBe(before);
  });

  test('refuses a transfer without reference (422 payment_reference_missing)', async () => {
    const { session, quote } = await sessionWithQuote();
    const receipt = await chain.payToken('USDC', { reference: null, amount: BigInt(quote.amount) });
    const error = await apiErrorOf(
      page.reportPayment(session.id, { chain_id: 31337, tx_hash: receipt.transactionHash }),
    );
    expect({ status: error.status, code: error.code }).toEqual({
      status: 422,
      code: 'payment_reference_missing',
    });
  });

  test('refuses a call that is no transfer (422 transaction_not_a_transfer)', async () => {
    const { session, quote } = await sessionWithQuote();
    const wallet = createWalletClient({
      chain: hardhat,
      transport: http(chain.rpcUrl),
      account: mnemonicToAccount(testMnemonic, { addressIndex: 3 }),
    });
    const approve = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'approve',
      args: [chain.merchant, BigInt(quote.amount)],
    });
    const txHash = await wallet.sendTransaction({
      to: chain.tokens.USDC.address,
      data: concat([approve, `0x${quote.reference}`]),
    });
    const error = await apiErrorOf(
      page.reportPayment(session.id, { chain_id: 31337, tx_hash: txHash }),
    );
    expect({ status: error.status, code: error.code }).toEqual({
      status: 422,
      code: 'transaction_not_a_transfer',
    });
  });

  test('refuses a reverted transfer (422 transaction_failed)', async () => {
    const { session, quote } = await sessionWithQuote();
    const receipt = await chain.payToken('USDC', {
      reference: quote.reference,
      amount: 10n ** 30n,
      gas: 100_000n,
    });
    expect(receipt.status).toBe('reverted');
    const error = await apiErrorOf(
      page.reportPayment(session.id, { chain_id: 31337, tx_hash: receipt.transactionHash }),
    );
    expect({ status: error.status, code: error.code }).toEqual({
      status: 422,
      code: 'transaction_failed',
    });
  });

  test('answers 404 transaction_not_found for a hash the chain does not know (retry later)', async () => {
    const { session } = await sessionWithQuote();
    const error = await apiErrorOf(
      page.reportPayment(session.id, {
        chain_id: 31337,
        tx_hash: `0x${randomBytes(32).toString('hex')}`,
      }),
    );
    expect({ status: error.status, code: error.code, param: error.param }).toEqual({
      status: 404,
      code: 'transaction_not_found',
      param: 'tx_hash',
    });
  });

  test('refuses a chain the session does not accept (422 chain_not_accepted)', async () => {
    const { session, quote } = await sessionWithQuote();
    const txHash = await pay(quote);
    const error = await apiErrorOf(
      page.reportPayment(session.id, { chain_id: 31338, tx_hash: txHash }),
    );
    expect({ status: error.status, code: error.code, param: error.param }).toEqual({
      status: 422,
      code: 'chain_not_accepted',
      param: 'chain_id',
    });
  });

  test.each<[string, unknown]>([
    ['a short hash', { chain_id: 31337, tx_hash: '0x1234' }],
    ['a chain id as a string', { chain_id: '31337', tx_hash: `0x${'ab'.repeat(32)}` }],
    ['an unknown field', { chain_id: 31337, tx_hash: `0x${'ab'.repeat(32)}`, amount: '1' }],
  ])('refuses %s (400 invalid_request)', async (_name, body) => {
    const { session } = await sessionWithQuote();
    const response = await fetch(
      `${stack.provider.url}/v1/checkout/sessions/${session.id}/payments`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${stack.provider.merchant.publishableKey}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  test("answers another merchant's session as 404 and a missing key as 401", async () => {
    const { session, quote } = await sessionWithQuote();
    const txHash = await pay(quote);
    const other = await stack.provider.createMerchant('Other shop');
    const otherPage = stack.provider.client({ publishableKey: other.publishableKey });
    const notFound = await apiErrorOf(
      otherPage.reportPayment(session.id, { chain_id: 31337, tx_hash: txHash }),
    );
    expect({ status: notFound.status, code: notFound.code }).toEqual({
      status: 404,
      code: 'not_found',
    });
    const response = await fetch(
      `${stack.provider.url}/v1/checkout/sessions/${session.id}/payments`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chain_id: 31337, tx_hash: txHash }),
      },
    );
    expect(response.status).toBe(401);
    expect(await paymentCount()).toBeGreaterThan(0n);
  });

  test('answers 503 chain_no_quorum when the RPC endpoints cannot agree', async () => {
    const { session, quote } = await sessionWithQuote();
    const txHash = await pay(quote);
    // Two endpoints need two identical answers; the second is a closed port.
    const reader = createQuorumChainReader({
      chainId: 31337,
      endpoints: [chain.rpcUrl, 'http://127.0.0.1:9'],
      timeoutMs: 2_000,
    });
    const lonely = await startTestProvider({
      db,
      start: stack.provider.clock.now(),
      chains: new Map([
        [
          31337,
          {
            chainId: 31337,
            inspectTransaction: (txHash) => reader.inspectTransaction(txHash),
            poke() {},
          },
        ],
      ]),
    });
    try {
      const client = lonely.client({ publishableKey: stack.provider.merchant.publishableKey });
      const error = await apiErrorOf(
        client.reportPayment(session.id, { chain_id: 31337, tx_hash: txHash }),
      );
      expect({ status: error.status, code: error.code }).toEqual({
        status: 503,
        code: 'chain_no_quorum',
      });
    } finally {
      await lonely.close();
      await reader.close();
    }
  });

  test('answers 503 chain_unavailable when this provider watches no such chain', async () => {
    const { session, quote } = await sessionWithQuote();
    const txHash = await pay(quote);
    const blind = await startTestProvider({ db, start: stack.provider.clock.now() });
    try {
      const client = blind.client({ publishableKey: stack.provider.merchant.publishableKey });
      const error = await apiErrorOf(
        client.reportPayment(session.id, { chain_id: 31337, tx_hash: txHash }),
      );
      expect({ status: error.status, code: error.code }).toEqual({
        status: 503,
        code: 'chain_unavailable',
      });
    } finally {
      await blind.close();
    }
  });

  test('answers 202 without the payment when the watcher cannot record it within the wait', async () => {
    const { session, quote } = await sessionWithQuote();
    const txHash = await pay(quote);
    await stack.detection.stop();
    const startedAt = performance.now();
    const answer = await page.reportPayment(session.id, { chain_id: 31337, tx_hash: txHash });
    const elapsedMs = performance.now() - startedAt;
    expect(answer.status).toBe('open');
    expect(answer.payments).toEqual([]);
    expect(elapsedMs).toBeGreaterThanOrEqual(2_900);
    expect(elapsedMs).toBeLessThan(6_000);
  });
});
