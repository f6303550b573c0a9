import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  createPublicClient,
  erc20Abi,
  http,
  parseEther,
  recoverMessageAddress,
  recoverTypedDataAddress,
} from 'viem';
import type { Address, Hex } from 'viem';
import { buildRealClientsBundle } from './dapp/buildRealClientsBundle.ts';
import type { realClients } from './dapp/realClients.ts';
import { expect, test } from './fixtures.ts';
import type { StackInfo, WalletDriver } from './fixtures.ts';

// The acceptance tests of the dapp-facing provider: viem, ethers v6 and mipd, bundled into a
// page served from the stack's origin, drive TP Wallet; every transaction is checked on chain.
const testMnemonic = 'test test test test test test test test test test test junk';
const password = 'e2e password 123';
const account0: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const account2: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

type RealClients = typeof realClients;
let bundle = '';

test.beforeAll(async () => {
  bundle = readFileSync(await buildRealClientsBundle(), 'utf8');
});

async function openDapp(page: Page, stack: StackInfo): Promise<void> {
  await page.route(`${stack.shopUrl}/real-clients.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>dapp</title><script src="/real-clients.js"></script>',
    }),
  );
  await page.route(`${stack.shopUrl}/real-clients.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: bundle }),
  );
  await page.goto(`${stack.shopUrl}/real-clients.html`);
  await page.waitForFunction(() => 'realClients' in window);
}

/** Calls one client function in the page without waiting; `result()` waits for it. */
async function call<Name extends keyof RealClients>(
  page: Page,
  name: Name,
  ...args: Parameters<RealClients[Name]>
) {
  const slot = `call-${Math.random().toString(16).slice(2)}`;
  await page.evaluate(
    ([fn, values, key]) => {
      const clients = (
        window as unknown as { realClients: Record<string, (...a: unknown[]) => Promise<unknown>> }
      ).realClients;
      const target = clients[fn];
      if (!target) throw new Error(`no client function ${fn}`);
      (window as unknown as Record<string, Promise<unknown>>)[key] = target(...values);
    },
    [name, args as unknown[], slot] as const,
  );
  return {
    result: () =>
      page.evaluate(
        (key) => (window as unknown as Record<string, Promise<unknown>>)[key],
        slot,
      ) as Promise<Awaited<ReturnType<RealClients[Name]>>>,
  };
}

async function connectWithViem(page: Page, wallet: WalletDriver): Promise<void> {
  const addresses = await call(page, 'viemRequestAddresses');
  await wallet.approve();
  expect(await addresses.result()).toEqual([account0]);
}

test.beforeEach(async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
});

test('mipd finds TP Wallet by its rdns', async ({ page, stack }) => {
  await openDapp(page, stack);
  expect(await (await call(page, 'mipdFindRdns', 'com.tppay.wallet')).result()).toBe('TP Wallet');
});

test('viem: request addresses, send ETH, write an ERC-20 transfer, sign typed data', async ({
  page,
  stack,
  wallet,
}) => {
  const chain = createPublicClient({ transport: http(stack.rpcUrl) });
  await openDapp(page, stack);
  await connectWithViem(page, wallet);

  const ethBefore = await chain.getBalance({ address: account2 });
  const send = await call(page, 'viemSendEth', account2, '0.25');
  expect((await wallet.readApproval()).kind).toBe('send-transaction');
  await wallet.approve();
  const sendReceipt = await chain.waitForTransactionReceipt({ hash: await send.result() });
  expect(sendReceipt.status).toBe('success');
  expect(await chain.getBalance({ address: account2 })).toBe(ethBefore + parseEther('0.25'));

  const usdc = stack.tokens.USDC.address;
  const balanceOf = (address: Address) =>
    chain.readContract({
      address: usdc,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [address],
    });
  const usdcBefore = await balanceOf(account2);
  const transfer = await call(page, 'viemTransferToken', usdc, account2, '1500000');
  expect((await wallet.readApproval()).summary).toContain('USDC');
  await wallet.approve();
  const transferReceipt = await chain.waitForTransactionReceipt({ hash: await transfer.result() });
  expect(transferReceipt.status).toBe('success');
  expect(await balanceOf(account2)).toBe(usdcBefore + 1_500_000n);

  const typed = await call(page, 'viemSignTypedData');
  expect((await wallet.readApproval()).kind).toBe('sign-typed-data');
  await wallet.approve();
  const { account, signature } = await typed.result();
  expect(
    await recoverTypedDataAddress({
      domain: { name: 'Acme', version: '1', chainId: 31337 },
      types: {
        Order: [
          { name: 'item', type: 'string' },
          { name: 'quantity', type: 'uint256' },
        ],
      },
      primaryType: 'Order',
      message: { item: 'House Blend', quantity: 2n },
      signature: signature,
    }),
  ).toBe(account);
});

test('viem: switchChain asks, switches, tells the page, and switches back', async ({
  page,
  stack,
  wallet,
}) => {
  await openDapp(page, stack);
  await connectWithViem(page, wallet);
  await page.evaluate(() => {
    (window as unknown as { chainEvents: unknown[] }).chainEvents = [];
    (
      window as unknown as {
        ethereum: { on(event: string, listener: (value: unknown) => void): void };
      }
    ).ethereum.on('chainChanged', (chainId) =>
      (window as unknown as { chainEvents: unknown[] }).chainEvents.push(chainId),
    );
  });
  const toMainnet = await call(page, 'viemSwitchChain', 1);
  const shown = await wallet.readApproval();
  expect(shown.kind).toBe('switch-chain');
  await wallet.approve();
  await toMainnet.result();
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_chainId' }))).toBe(
    '0x1',
  );
  const back = await call(page, 'viemSwitchChain', 31337);
  await wallet.approve();
  await back.result();
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_chainId' }))).toBe(
    '0x7a69',
  );
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { chainEvents: unknown[] }).chainEvents))
    .toEqual(['0x1', '0x7a69']);
});

test('ethers v6: getSigner, sendTransaction, signMessage', async ({ page, stack, wallet }) => {
  const chain = createPublicClient({ transport: http(stack.rpcUrl) });
  await openDapp(page, stack);
  const message = 'Welcome to Acme Coffee';
  const signed = await call(page, 'ethersSignMessage', message);
  await wallet.approve(); // connect (getSigner asks for accounts)
  await wallet.approve(); // the signature
  const { address, signature } = await signed.result();
  expect(address).toBe(account0);
  expect(await recoverMessageAddress({ message, signature: signature as Hex })).toBe(account0);

  const before = await chain.getBalance({ address: account2 });
  const sent = await call(page, 'ethersSend', account2, '0.1');
  await wallet.approve();
  const receipt = await chain.waitForTransactionReceipt({ hash: (await sent.result()) as Hex });
  expect(receipt.status).toBe('success');
  expect(await chain.getBalance({ address: account2 })).toBe(before + parseEther('0.1'));
});
