import { fileURLToPath } from 'node:url';
import { createPublicClient, erc20Abi, http } from 'viem';
import type { Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findChainAsset } from '../../../shared/chains/findChainAsset.ts';
import { deployTestTokens } from '../../../scripts/contracts/deployTestTokens.ts';
import type { DeployTestTokensReturnType } from '../../../scripts/contracts/deployTestTokens.ts';
import { startDevChain } from '../../../scripts/devChain/startDevChain.ts';
import type { StartDevChainReturnType } from '../../../scripts/devChain/startDevChain.ts';
import type { Database } from '../../db/Database.ts';
import { openPgliteDatabase } from '../../db/openPgliteDatabase.ts';
import { loadCompliancePolicy } from '../compliance/loadCompliancePolicy.ts';
import { DevKeyOnForeignChainError, SandboxFundingError } from '../errors.ts';
import { startOnrampTestProvider } from '../startOnrampTestProvider.ts';
import type { StartOnrampTestProviderReturnType } from '../startOnrampTestProvider.ts';
import { createSandboxAdapter } from './createSandboxAdapter.ts';
import { createSandboxFunder } from './createSandboxFunder.ts';
import type { OnrampOrder } from '../../../shared/providerApi/OnrampOrder.ts';

/** Any answer of the API, read loosely: an order's fields, an error, a webhook receipt. */
type Reply = Omit<OnrampOrder, 'object'> & {
  object: string;
  error: { code: string; message: string; param?: string };
  received: boolean;
  outcome: string;
  paths: Record<string, unknown>;
};

// The sandbox end to end against a real Hardhat node: the page is driven by plain HTTP form
// posts, as a browser without script would, and the tokens are read back from the chain.

const compliancePath = fileURLToPath(
  new URL('../compliance/example-compliance.json', import.meta.url),
);

describe('the sandbox on-ramp on a real dev chain', () => {
  let chain: StartDevChainReturnType;
  let deployed: DeployTestTokensReturnType;
  let db: Database;
  let provider: StartOnrampTestProviderReturnType;
  let readBalance: (token: Address, owner: Address) => Promise<bigint>;

  beforeAll(async () => {
    chain = await startDevChain({ port: 0 });
    deployed = await deployTestTokens({ rpcUrl: chain.rpcUrl });
    const client = createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) });
    readBalance = (token, owner) =>
      client.readContract({
        address: token,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [owner],
      });
    db = await openPgliteDatabase({ dataDir: undefined });
    const owner = deployed.accounts[0];
    if (owner === undefined) throw new Error('the dev chain has funded accounts');
    const funder = createSandboxFunder({
      rpcUrl: chain.rpcUrl,
      chainId: 31337,
      privateKey: owner.privateKey,
    });
    provider = await startOnrampTestProvider({
      db,
      onramp: {
        adapters: [createSandboxAdapter({ funder })],
        compliance: await loadCompliancePolicy({ path: compliancePath }),
      },
    });
  }, 120_000);
  afterAll(async () => {
    await provider.close();
    await db.close();
    await chain.stop();
  });

  const api = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await fetch(`${provider.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${provider.merchant.publishableKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Reply };
  };
  /** A fresh wallet with nothing in it, and an order to buy 12.34 USDC into it. */
  const newOrder = async (asset = 'USDC', cryptoAmount = '12340000') => {
    const wallet = privateKeyToAccount(generatePrivateKey()).address;
    const quote = await api('POST', '/v1/onramp/quotes', {
      fiat_currency: 'USD',
      crypto_amount: cryptoAmount,
      chain_id: 31337,
      asset,
      wallet_address: wallet,
      country: 'DE',
    });
    expect(quote.status).toBe(200);
    const order = await api('POST', '/v1/onramp/orders', { quote_id: quote.body.id });
    expect(order.status).toBe(200);
    return { wallet, order: order.body };
  };
  const page = async (hostedUrl: string) => {
    const response = await fetch(hostedUrl);
    return { status: response.status, headers: response.headers, html: await response.text() };
  };
  const post = async (
    hostedUrl: string,
    step: 'card' | 'challenge',
    fields: Record<string, string>,
  ) => {
    const response = await fetch(`${hostedUrl}/${step}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    return {
      status: response.status,
      location: response.headers.get('location'),
      html: await response.text(),
    };
  };
  const card = (number: string) => ({ name: 'Ada Lovelace', number, expiry: '12/30', cvc: '123' });
  const waitForStatus = async (id: string, wanted: string[]) => {
    for (let tries = 0; tries < 200; tries += 1) {
      const { body } = await api('GET', `/v1/onramp/orders/${id}`);
      if (wanted.includes(body.status)) return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`order ${id} never reached ${wanted.join('/')}`);
  };
  const eventsOf = async (orderId: string) => {
    const { rows } = await db.query<{ type: string }>(
      `select type from webhook_events where data->>'id' = $1 order by seq`,
      [orderId],
    );
    return rows.map(({ type }) => type);
  };

  test('the hosted page: strict CSP, no inline script, every field labelled', async () => {
    const { order } = await newOrder();
    const { status, headers, html } = await page(order.hosted_url);
    expect(status).toBe(200);
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]+<\/script>|\son[a-z]+="/);
    expect(html).not.toMatch(/style="/);
    for (const id of ['name', 'number', 'expiry', 'cvc']) {
      expect(html).toContain(`<label for="${id}">`);
      expect(html).toContain(`id="${id}" name="${id}"`);
    }
    expect(html).toContain('<html lang="en">');
    // The amount and its unit are kept on one line (a no-break space).
    expect(html).toContain('Buy 12.34\u00a0USDC');
    const script = await fetch(`${provider.url}/onramp/sandbox/assets/sandbox.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
  });

  test('the success card: the tokens arrive on chain, the order completes, with its events', async () => {
    const { wallet, order } = await newOrder();
    const paid = await post(order.hosted_url, 'card', card('4242 4242 4242 4242'));
    expect(paid).toMatchObject({ status: 303, location: `/onramp/sandbox/${order.id}` });
    const completed = await waitForStatus(order.id, ['completed', 'failed']);
    expect(completed).toMatchObject({ status: 'completed', failure: null });
    expect(completed.tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    const usdc = deployed.tokens.USDC.address;
    expect(await readBalance(usdc, wallet)).toBe(12_340_000n);
    expect(await eventsOf(order.id)).toEqual([
      'onramp.order.created',
      'onramp.order.pending',
      'onramp.order.completed',
    ]);
    const { html } = await page(order.hosted_url);
    expect(html).toContain('Purchase complete');
    expect(html).toContain(completed.tx_hash as string);
  });

  test('ETH is sent as value', async () => {
    const { wallet, order } = await newOrder('ETH', '10000000000000000');
    await post(order.hosted_url, 'card', card('4242424242424242'));
    await waitForStatus(order.id, ['completed']);
    const client = createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) });
    expect(await client.getBalance({ address: wallet })).toBe(10_000_000_000_000_000n);
  });

  test.each([
    ['4000 0000 0000 0002', 'card_declined', 'The card was declined.'],
    ['4000 0000 0000 9995', 'insufficient_funds', 'The card was declined: insufficient funds.'],
  ])('%s fails the order (%s) and sends nothing', async (number, code, message) => {
    const { wallet, order } = await newOrder();
    expect((await post(order.hosted_url, 'card', card(number))).status).toBe(303);
    const failed = await api('GET', `/v1/onramp/orders/${order.id}`);
    expect(failed.body).toMatchObject({
      status: 'failed',
      failure: { code, message },
      tx_hash: null,
    });
    expect(await readBalance(deployed.tokens.USDC.address, wallet)).toBe(0n);
    expect(await eventsOf(order.id)).toEqual(['onramp.order.created', 'onramp.order.failed']);
    expect((await page(order.hosted_url)).html).toContain(message);
  });

  test('the challenge card asks for a code: a wrong one is counted, 123456 completes', async () => {
    const { wallet, order } = await newOrder();
    const hostedUrl = order.hosted_url;
    await post(hostedUrl, 'card', card('4000 0027 6000 3184'));
    expect((await api('GET', `/v1/onramp/orders/${order.id}`)).body.status).toBe('pending');
    expect((await page(hostedUrl)).html).toContain('<label for="code">Confirmation code</label>');
    expect((await post(hostedUrl, 'challenge', { code: 'abc' })).status).toBe(422);
    await post(hostedUrl, 'challenge', { code: '000000' });
    expect((await page(hostedUrl)).html).toContain('That code is wrong: 2 attempts left.');
    await post(hostedUrl, 'challenge', { code: '123456' });
    const completed = await waitForStatus(order.id, ['completed', 'failed']);
    expect(completed.status).toBe('completed');
    expect(await readBalance(deployed.tokens.USDC.address, wallet)).toBe(12_340_000n);
  });

  test('three wrong challenge codes fail the order', async () => {
    const { order } = await newOrder();
    const hostedUrl = order.hosted_url;
    await post(hostedUrl, 'card', card('4000002760003184'));
    for (const code of ['111111', '222222', '333333']) await post(hostedUrl, 'challenge', { code });
    const failed = await api('GET', `/v1/onramp/orders/${order.id}`);
    expect(failed.body).toMatchObject({
      status: 'failed',
      failure: { code: 'authentication_failed' },
    });
  });

  test('a form with mistakes is shown again with its errors, and changes nothing', async () => {
    const { order } = await newOrder();
    const response = await post(order.hosted_url, 'card', {
      name: 'Ada',
      number: '4242 4242 4242 4241',
      expiry: '01/20',
      cvc: '1',
    });
    expect(response.status).toBe(422);
    expect(response.html).toContain('role="alert"');
    expect(response.html).toContain('aria-invalid="true"');
    expect(response.html).toContain('Enter a valid card number.');
    expect(response.html).not.toContain('4242 4242 4242 4241');
    expect((await api('GET', `/v1/onramp/orders/${order.id}`)).body.status).toBe('created');
  });

  test('paying twice at once sends the tokens once', async () => {
    const { wallet, order } = await newOrder();
    await Promise.all(
      [1, 2, 3].map(() => post(order.hosted_url, 'card', card('4242424242424242'))),
    );
    await waitForStatus(order.id, ['completed']);
    expect(await readBalance(deployed.tokens.USDC.address, wallet)).toBe(12_340_000n);
  });

  test('an order not paid in time expires, and its page takes no card', async () => {
    const { order } = await newOrder();
    provider.clock.advance(30 * 60_000);
    try {
      const { html } = await page(order.hosted_url);
      expect(html).toContain('Order expired');
      await post(order.hosted_url, 'card', card('4242424242424242'));
      expect((await api('GET', `/v1/onramp/orders/${order.id}`)).body.status).toBe('expired');
    } finally {
      provider.clock.advance(-30 * 60_000);
    }
  });

  test('an unknown order has a 404 page', async () => {
    const { status } = await page(
      `${provider.url}/onramp/sandbox/oro_ffffffffffffffffffffffffffffffff`,
    );
    expect(status).toBe(404);
  });

  describe('createSandboxFunder', () => {
    test('transfers from an account that holds the tokens but does not own the contract', async () => {
      const holder = deployed.accounts[1];
      if (holder === undefined) throw new Error('account 1 is funded');
      const funder = createSandboxFunder({
        rpcUrl: chain.rpcUrl,
        chainId: 31337,
        privateKey: holder.privateKey,
      });
      const dai = findChainAsset({ chainId: 31337, symbol: 'DAI' });
      if (dai === undefined) throw new Error('DAI is a dev asset');
      const to = privateKeyToAccount(generatePrivateKey()).address;
      const { txHash } = await funder.send({ asset: dai, to, amount: 5n * 10n ** 18n });
      expect(txHash).toMatch(/^0x[0-9a-f]{64}$/);
      expect(await readBalance(deployed.tokens.DAI.address, to)).toBe(5n * 10n ** 18n);
      expect(await readBalance(deployed.tokens.DAI.address, holder.address)).toBe(
        999_995n * 10n ** 18n,
      );
    });

    test('a token buyer without ETH gets 0.01 ETH for gas first; one with enough gets none', async () => {
      const holder = deployed.accounts[1];
      if (holder === undefined) throw new Error('account 1 is funded');
      const funder = createSandboxFunder({
        rpcUrl: chain.rpcUrl,
        chainId: 31337,
        privateKey: holder.privateKey,
      });
      const usdc = findChainAsset({ chainId: 31337, symbol: 'USDC' });
      if (usdc === undefined) throw new Error('USDC is a dev asset');
      const client = createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) });
      const fresh = privateKeyToAccount(generatePrivateKey()).address;
      await funder.send({ asset: usdc, to: fresh, amount: 1_000_000n });
      expect(await client.getBalance({ address: fresh })).toBe(10n ** 16n);
      expect(await readBalance(deployed.tokens.USDC.address, fresh)).toBe(1_000_000n);
      // Enough ETH now: the second purchase brings tokens only.
      await funder.send({ asset: usdc, to: fresh, amount: 1_000_000n });
      expect(await client.getBalance({ address: fresh })).toBe(10n ** 16n);
      expect(await readBalance(deployed.tokens.USDC.address, fresh)).toBe(2_000_000n);

      const withoutTopUp = createSandboxFunder({
        rpcUrl: chain.rpcUrl,
        chainId: 31337,
        privateKey: holder.privateKey,
        gasTopUpWei: 0n,
      });
      const other = privateKeyToAccount(generatePrivateKey()).address;
      await withoutTopUp.send({ asset: usdc, to: other, amount: 1_000_000n });
      expect(await client.getBalance({ address: other })).toBe(0n);
    });

    test('a transfer of more than the account holds reverts: a typed error, not a hang', async () => {
      const funder = createSandboxFunder({
        rpcUrl: chain.rpcUrl,
        chainId: 31337,
        privateKey: generatePrivateKey(),
      });
      const usdc = findChainAsset({ chainId: 31337, symbol: 'USDC' });
      if (usdc === undefined) throw new Error('USDC is a dev asset');
      await expect(funder.send({ asset: usdc, to: funder.address, amount: 1n })).rejects.toThrow(
        SandboxFundingError,
      );
    });

    test('refuses a public Hardhat key for any chain but the dev chain', () => {
      const owner = deployed.accounts[0];
      if (owner === undefined) throw new Error('account 0 exists');
      expect(() =>
        createSandboxFunder({
          rpcUrl: chain.rpcUrl,
          chainId: 11155111,
          privateKey: owner.privateKey,
        }),
      ).toThrow(DevKeyOnForeignChainError);
    });

    test('refuses to send when the RPC is another chain than configured', async () => {
      const funder = createSandboxFunder({
        rpcUrl: chain.rpcUrl,
        chainId: 1337,
        privateKey: generatePrivateKey(),
      });
      const native = {
        kind: 'crypto' as const,
        chainId: 1337,
        symbol: 'ETH',
        name: 'Ether',
        decimals: 18,
        address: null,
      };
      await expect(funder.send({ asset: native, to: funder.address, amount: 1n })).rejects.toThrow(
        /answers for chain 31337/,
      );
    });
  });
});
