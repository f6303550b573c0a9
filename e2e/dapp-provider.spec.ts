import type { Page } from '@playwright/test';
import {
  createPublicClient,
  encodeFunctionData,
  erc20Abi,
  http,
  parseEther,
  recoverMessageAddress,
  recoverTypedDataAddress,
} from 'viem';
import type { Address, Hex } from 'viem';
import { expect, test } from './fixtures.ts';
import type { WalletDriver } from './fixtures.ts';

const testMnemonic = 'test test test test test test test test test test test junk';
const password = 'e2e password 123';
const account0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const account1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

type RpcOutcome = { result?: unknown; error?: { code: number; message: string } };

/** Starts a request in the page without waiting for it; `outcome()` waits for its answer. */
async function startRequest(page: Page, method: string, params?: unknown) {
  const key = `request-${Math.random().toString(16).slice(2)}`;
  await page.evaluate(
    ([name, args, slot]) => {
      const store = window as unknown as Record<string, Promise<unknown>>;
      store[slot] = (window.ethereum as NonNullable<Window['ethereum']>)
        .request({ method: name, ...(args === undefined ? {} : { params: args as object }) })
        .then(
          (result) => ({ result }),
          (error: unknown) => ({
            error: { code: (error as { code: number }).code, message: (error as Error).message },
          }),
        );
    },
    [method, params, key] as const,
  );
  return {
    outcome: () =>
      page.evaluate(
        (slot) => (window as unknown as Record<string, Promise<RpcOutcome>>)[slot],
        key,
      ) as Promise<RpcOutcome>,
  };
}

async function connect(page: Page, wallet: WalletDriver): Promise<void> {
  const request = await startRequest(page, 'eth_requestAccounts');
  expect((await wallet.readApproval()).kind).toBe('connect');
  await wallet.approve();
  expect((await request.outcome()).result).toEqual([account0]);
}

test.beforeEach(async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
});

test('connect: the site asks, the user approves, the site sees the chosen account', async ({
  page,
  stack,
  wallet,
}) => {
  await page.goto(stack.shopUrl);
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_accounts' }))).toEqual(
    [],
  );
  const request = await startRequest(page, 'eth_requestAccounts');
  const shown = await wallet.readApproval();
  expect(shown.kind).toBe('connect');
  expect(shown.origin).toContain(new URL(stack.shopUrl).host);
  await (
    await wallet.approvalWindow()
  ).screenshot({ path: 'test-results/screenshots/approval-connect.png' });
  await wallet.approve();
  expect((await request.outcome()).result).toEqual([account0]);
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_accounts' }))).toEqual([
    account0,
  ]);
  const permissions = (await page.evaluate(() =>
    window.ethereum?.request({ method: 'wallet_getPermissions' }),
  )) as {
    parentCapability: string;
    caveats: { value: string[] }[];
  }[];
  expect(permissions[0]?.parentCapability).toBe('eth_accounts');
  expect(permissions[0]?.caveats[0]?.value).toEqual([account0]);
  await page.evaluate(() =>
    window.ethereum?.request({
      method: 'wallet_revokePermissions',
      params: [{ eth_accounts: {} }],
    }),
  );
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_accounts' }))).toEqual(
    [],
  );
});

test('rejecting, or closing the approval window, answers 4001', async ({
  page,
  stack,
  wallet,
  context,
}) => {
  await page.goto(stack.shopUrl);
  const first = await startRequest(page, 'eth_requestAccounts');
  await wallet.reject();
  expect((await first.outcome()).error?.code).toBe(4001);
  // Let the emptied window close first, so the one closed below is the second request's.
  await expect
    .poll(
      () => context.pages().filter((candidate) => candidate.url().includes('approval.html')).length,
    )
    .toBe(0);
  const second = await startRequest(page, 'eth_requestAccounts');
  await (await wallet.approvalWindow()).close();
  expect((await second.outcome()).error?.code).toBe(4001);
});

test('a request while locked opens the unlock prompt and continues after unlock', async ({
  page,
  stack,
  wallet,
}) => {
  await wallet.lock();
  await page.goto(stack.shopUrl);
  const request = await startRequest(page, 'eth_requestAccounts');
  const window = await wallet.approvalWindow();
  await expect(window.getByTestId('approval-kind')).toHaveAttribute('data-kind', 'unlock');
  await window.getByTestId('unlock-password').fill(password);
  await window.getByTestId('unlock-submit').click();
  // The same window goes on to the connect request the site made.
  await expect(window.getByTestId('approval-kind')).toHaveAttribute('data-kind', 'connect', {
    timeout: 30_000,
  });
  await wallet.approve();
  expect((await request.outcome()).result).toEqual([account0]);
});

test('sends ETH after approval; the transfer is on the chain', async ({ page, stack, wallet }) => {
  const chain = createPublicClient({ transport: http(stack.rpcUrl) });
  await page.goto(stack.shopUrl);
  await connect(page, wallet);
  const before = await chain.getBalance({ address: account1 });
  const request = await startRequest(page, 'eth_sendTransaction', [
    { from: account0, to: account1, value: `0x${parseEther('1.5').toString(16)}` },
  ]);
  const shown = await wallet.readApproval();
  expect(shown.kind).toBe('send-transaction');
  expect(shown.summary).toContain('1.5');
  await (
    await wallet.approvalWindow()
  ).screenshot({ path: 'test-results/screenshots/approval-send-eth.png' });
  await wallet.approve();
  const { result } = await request.outcome();
  const receipt = await chain.waitForTransactionReceipt({ hash: result as Hex });
  expect(receipt.status).toBe('success');
  expect(await chain.getBalance({ address: account1 })).toBe(before + parseEther('1.5'));
});

test('sends an ERC-20 transfer carrying a reference; the approval names token and amount', async ({
  page,
  stack,
  wallet,
}) => {
  const chain = createPublicClient({ transport: http(stack.rpcUrl) });
  const usdc = stack.tokens.USDC.address;
  await page.goto(stack.shopUrl);
  await connect(page, wallet);
  const balanceOf = (address: Address) =>
    chain.readContract({
      address: usdc,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [address],
    });
  const before = await balanceOf(account1);
  const reference = 'c0ffee00112233445566778899aabbcc';
  const data = `${encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [account1, 25_000_000n] })}${reference}`;
  const request = await startRequest(page, 'eth_sendTransaction', [
    { from: account0, to: usdc, data },
  ]);
  const shown = await wallet.readApproval();
  expect(shown.summary).toContain('USDC');
  expect(shown.summary).toContain('25');
  await (
    await wallet.approvalWindow()
  ).screenshot({ path: 'test-results/screenshots/approval-send-usdc.png' });
  await wallet.approve();
  const receipt = await chain.waitForTransactionReceipt({
    hash: (await request.outcome()).result as Hex,
  });
  expect(receipt.status).toBe('success');
  expect(await balanceOf(account1)).toBe(before + 25_000_000n);
  const transaction = await chain.getTransaction({ hash: receipt.transactionHash });
  expect(transaction.input.endsWith(reference)).toBe(true);
});

test('personal_sign and eth_signTypedData_v4 signatures recover the account', async ({
  page,
  stack,
  wallet,
}) => {
  await page.goto(stack.shopUrl);
  await connect(page, wallet);
  const message = 'Sign in to Acme Coffee';
  const signRequest = await startRequest(page, 'personal_sign', [
    `0x${Buffer.from(message).toString('hex')}`,
    account0,
  ]);
  expect((await wallet.readApproval()).kind).toBe('sign-message');
  await expect((await wallet.approvalWindow()).getByText(message)).toBeVisible();
  await wallet.approve();
  const signature = (await signRequest.outcome()).result as Hex;
  expect(await recoverMessageAddress({ message, signature })).toBe(account0);

  const typedData = {
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'chainId', type: 'uint256' },
      ],
      Order: [
        { name: 'item', type: 'string' },
        { name: 'quantity', type: 'uint256' },
      ],
    },
    primaryType: 'Order',
    domain: { name: 'Acme', chainId: stack.chainId },
    message: { item: 'House Blend', quantity: 2 },
  } as const;
  const typedRequest = await startRequest(page, 'eth_signTypedData_v4', [
    account0,
    JSON.stringify(typedData),
  ]);
  expect((await wallet.readApproval()).kind).toBe('sign-typed-data');
  await wallet.approve();
  const typedSignature = (await typedRequest.outcome()).result as Hex;
  expect(
    await recoverTypedDataAddress({
      domain: typedData.domain,
      types: { Order: typedData.types.Order },
      primaryType: 'Order',
      message: { item: 'House Blend', quantity: 2n },
      signature: typedSignature,
    }),
  ).toBe(account0);
});

test('refuses bad input with specific errors and opens no approval', async ({
  page,
  stack,
  wallet,
  context,
}) => {
  await page.goto(stack.shopUrl);
  await connect(page, wallet);
  const openApprovalWindows = () =>
    context.pages().filter((candidate) => candidate.url().includes('approval.html')).length;
  await expect.poll(openApprovalWindows).toBe(0);
  const outcomes = await Promise.all(
    (
      [
        ['eth_sendTransaction', [{ from: account0, to: '0x123', value: '0x1' }]],
        ['eth_sendTransaction', [{ from: account0, to: account1, value: '-1' }]],
        ['eth_sendTransaction', [{ from: account0, to: account1, value: `0x1${'0'.repeat(64)}` }]],
        ['eth_sendTransaction', [{ from: account1, to: account0, value: '0x1' }]],
        ['eth_sendTransaction', [{ from: account0, to: account1, value: '0x1', chainId: '0x1' }]],
        ['eth_signTypedData_v4', [account0, '{not json']],
        ['wallet_switchEthereumChain', [{ chainId: '0xdeadbeef' }]],
        ['personal_sign', ['0x00']],
      ] as const
    ).map(async ([method, params]) => (await startRequest(page, method, params)).outcome()),
  );
  expect(outcomes.map((outcome) => outcome.error?.code)).toEqual([
    -32602, -32602, -32602, 4100, -32602, -32602, 4902, -32602,
  ]);
  expect(context.pages().some((candidate) => candidate.url().includes('approval.html'))).toBe(
    false,
  );
});

test('a cross-origin iframe in a connected site is its own, unconnected site', async ({
  page,
  stack,
  wallet,
  context,
}) => {
  const frameOrigin = `http://localhost:${new URL(stack.shopUrl).port}`;
  // A host page that embeds another origin (the demo shop's own CSP forbids frames).
  await context.route(`${frameOrigin}/frame.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><p>embedded</p>' }),
  );
  await context.route(`${stack.shopUrl}/embedding.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><p>host</p><iframe src="${frameOrigin}/frame.html"></iframe>`,
    }),
  );
  await page.goto(`${stack.shopUrl}/embedding.html`);
  await connect(page, wallet);
  const frame = page.frames().find((candidate) => candidate.url().startsWith(frameOrigin));
  if (!frame) throw new Error('the embedded frame did not load');
  await frame.waitForFunction(() => window.ethereum !== undefined);
  expect(await frame.evaluate(() => window.ethereum?.request({ method: 'eth_accounts' }))).toEqual(
    [],
  );

  // A forged bridge message that claims the parent's origin gets the frame's own answer.
  const forged = await frame.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        window.addEventListener('message', (event) => {
          const data = event.data as { kind?: string; id?: string; reply?: unknown };
          if (data.kind === 'response' && data.id === 'forged-1') resolve(data.reply);
        });
        window.postMessage(
          {
            channel: 'tp-wallet/v1',
            kind: 'request',
            id: 'forged-1',
            request: { method: 'eth_accounts' },
            origin: 'http://127.0.0.1',
          },
          '*',
        );
      }),
  );
  expect(forged).toEqual({ ok: true, result: [] });

  // Its own connect request names its own origin.
  await frame.evaluate(() => {
    window.ethereum?.request({ method: 'eth_requestAccounts' }).catch(() => undefined);
  });
  expect((await wallet.readApproval()).origin).toContain('localhost');
  await wallet.reject();
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_accounts' }))).toEqual([
    account0,
  ]);
});

test('stopping the service worker while a request waits fails it cleanly, once', async ({
  page,
  stack,
  wallet,
}) => {
  await page.goto(stack.shopUrl);
  const request = await startRequest(page, 'eth_requestAccounts');
  expect((await wallet.readApproval()).kind).toBe('connect');
  await wallet.stopServiceWorker();
  const outcome = await request.outcome();
  expect(outcome.error?.code).toBe(4900);
  // Nothing was granted behind the page's back, and the wallet answers again.
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_accounts' }))).toEqual(
    [],
  );
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_chainId' }))).toBe(
    '0x7a69',
  );
});

test('window.ethereum: another wallet keeps it unless the user makes TP Wallet the default', async ({
  page,
  stack,
  wallet,
  context,
}) => {
  await context.route(`${stack.shopUrl}/other-wallet.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><script>window.ethereum = { isOtherWallet: true, request: async () => "0x1" };</script>',
    }),
  );
  const whoIsWindowEthereum = () =>
    page.evaluate(() => {
      const provider = window.ethereum as
        { isTpWallet?: boolean; isOtherWallet?: boolean } | undefined;
      return provider?.isTpWallet === true
        ? 'tp'
        : provider?.isOtherWallet === true
          ? 'other'
          : 'none';
    });
  await page.goto(`${stack.shopUrl}/other-wallet.html`);
  await page.waitForTimeout(500);
  expect(await whoIsWindowEthereum()).toBe('other');

  const popup = await wallet.openPopup();
  await popup.getByTestId('open-settings').click();
  await popup.getByTestId('settings-default-wallet').check();
  await expect(popup.getByTestId('settings-default-wallet-status')).toBeVisible();

  await page.reload();
  await expect.poll(whoIsWindowEthereum).toBe('tp');
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_chainId' }))).toBe(
    '0x7a69',
  );
});

test('wallet_addEthereumChain checks the RPC answers the claimed chain; wallet_watchAsset asks first', async ({
  page,
  stack,
  wallet,
}) => {
  await page.goto(stack.shopUrl);
  await connect(page, wallet);
  const lying = await startRequest(page, 'wallet_addEthereumChain', [
    {
      chainId: '0x539',
      chainName: 'Not what it claims',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: [stack.rpcUrl],
    },
  ]);
  const lyingOutcome = await lying.outcome();
  expect(lyingOutcome.error?.code).toBe(-32602);
  expect(lyingOutcome.error?.message).toMatch(/31337|chain/i);
  const known = await startRequest(page, 'wallet_addEthereumChain', [
    {
      chainId: '0x7a69',
      chainName: 'Dev chain',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: [stack.rpcUrl],
    },
  ]);
  expect((await known.outcome()).result).toBeNull();

  const watch = await startRequest(page, 'wallet_watchAsset', {
    type: 'ERC20',
    options: { address: stack.tokens.EURC.address, symbol: 'EURC', decimals: 6 },
  });
  const shown = await wallet.readApproval();
  expect(shown.kind).toBe('watch-asset');
  expect(shown.summary).toContain('EURC');
  await wallet.approve();
  expect((await watch.outcome()).result).toBe(true);
});
