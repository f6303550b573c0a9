/**
 * What the policy specs do to a page and to the wallet: a shop page served at the stack's shop
 * origin, site requests started without waiting, the wallet's own UI messages (as the "Sites"
 * page sends them), payments encoded as ERC-20 calls, and chain reads.
 */
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { createPublicClient, encodeFunctionData, erc20Abi, http } from 'viem';
import type { Address, Hex } from 'viem';
import type { StackInfo, WalletDriver } from '../fixtures.ts';

export const testMnemonic = 'test test test test test test test test test test test junk';
export const password = 'e2e password 123';
export const account0: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const merchant: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const screenshotDirectory = resolve('test-results/screenshots');

export type RpcOutcome = {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
};

/** A plain page at the shop's origin: the site whose policy the tests set. */
export async function openShopPage(context: BrowserContext, stack: StackInfo): Promise<Page> {
  const page = await context.newPage();
  await page.route(`${stack.shopUrl}/policy-shop.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>policy shop</title><h1>policy shop</h1>',
    }),
  );
  await page.goto(`${stack.shopUrl}/policy-shop.html`);
  await page.waitForFunction(() => window.ethereum !== undefined);
  return page;
}

/** Starts a request in the page without waiting; `outcome()` waits for its answer. */
export async function startRequest(page: Page, method: string, params?: unknown) {
  const key = `request-${Math.random().toString(16).slice(2)}`;
  await page.evaluate(
    ([name, args, slot]) => {
      const store = window as unknown as Record<string, Promise<unknown>>;
      store[slot] = (window.ethereum as NonNullable<Window['ethereum']>)
        .request({ method: name, ...(args === undefined ? {} : { params: args as object }) })
        .then(
          (result) => ({ result }),
          (error: unknown) => ({
            error: {
              code: (error as { code: number }).code,
              message: (error as Error).message,
              data: (error as { data?: unknown }).data,
            },
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

/** Sends `count` requests at once from the page; resolves with every outcome. */
export async function sendConcurrently(
  page: Page,
  method: string,
  paramsList: readonly unknown[],
): Promise<RpcOutcome[]> {
  return page.evaluate(
    ([name, list]) =>
      Promise.all(
        list.map((params) =>
          (window.ethereum as NonNullable<Window['ethereum']>)
            .request({ method: name, params: params as object })
            .then(
              (result) => ({ result }),
              (error: unknown) => ({
                error: {
                  code: (error as { code: number }).code,
                  message: (error as Error).message,
                },
              }),
            ),
        ),
      ),
    [method, paramsList] as const,
  );
}

export async function connect(page: Page, wallet: WalletDriver): Promise<void> {
  const request = await startRequest(page, 'eth_requestAccounts');
  await wallet.approve();
  const outcome = await request.outcome();
  if (JSON.stringify(outcome.result) !== JSON.stringify([account0]))
    throw new Error(`connect failed: ${JSON.stringify(outcome)}`);
}

/** One of the wallet's own UI actions, sent from its popup page as the "Sites" page does. */
export async function uiAction<Result = unknown>(
  wallet: WalletDriver,
  action: string,
  params: Record<string, unknown> = {},
): Promise<Result> {
  const popup = await sharedPopup(wallet);
  const answer: unknown = await popup.evaluate(
    ([name, values]) => chrome.runtime.sendMessage({ kind: 'ui', action: name, params: values }),
    [action, params] as const,
  );
  const reply = answer as {
    ok: boolean;
    result?: unknown;
    error?: { code: string; message: string };
  };
  if (!reply.ok) throw new Error(`${action}: ${reply.error?.code} ${reply.error?.message}`);
  return reply.result as Result;
}

const popups = new WeakMap<WalletDriver, Page>();
async function sharedPopup(wallet: WalletDriver): Promise<Page> {
  const existing = popups.get(wallet);
  if (existing !== undefined && !existing.isClosed()) return existing;
  const popup = await wallet.openPopup();
  popups.set(wallet, popup);
  return popup;
}

/** A site policy that pays automatically within `limits`, to any recipient (no first-payment ask). */
export function automaticPolicy(
  limits: readonly { window: string; amount: string; whenExceeded?: string }[],
): Record<string, unknown> {
  return {
    preset: 'custom',
    payments: 'auto',
    unprovable: 'confirm',
    limits: limits.map((limit) => ({
      window: limit.window,
      unit: { kind: 'fiat' },
      amount: limit.amount,
      whenExceeded: limit.whenExceeded ?? 'confirm',
    })),
    whenNotAllowed: 'block',
    confirmNewRecipients: false,
    grants: [],
  };
}

export function transferCall(
  token: Address,
  to: Address,
  amount: bigint,
  from: Address = account0,
) {
  return {
    from,
    to: token,
    data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }),
  };
}

export function chainClient(stack: StackInfo) {
  return createPublicClient({ transport: http(stack.rpcUrl) });
}

export async function tokenBalance(stack: StackInfo, token: Address, owner: Address) {
  return chainClient(stack).readContract({
    address: token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [owner],
  });
}

export async function expectMined(stack: StackInfo, hash: Hex): Promise<'success' | 'reverted'> {
  const receipt = await chainClient(stack).waitForTransactionReceipt({ hash, timeout: 20_000 });
  return receipt.status;
}

/** How many requests wait in the approval queue right now. */
export async function pendingApprovals(
  wallet: WalletDriver,
): Promise<{ id: string; details: { kind: string; policy?: { decision: { action: string } } } }[]> {
  const { approvals } = await uiAction<{
    approvals: {
      id: string;
      details: { kind: string; policy?: { decision: { action: string } } };
    }[];
  }>(wallet, 'listApprovals');
  return approvals;
}

/**
 * The approval window showing a policy decision. A window emptied by the previous request (a
 * connect, say) may still be closing when the next request arrives, and on a loaded machine it
 * can be the newest approval page for a moment: such a window is skipped, not read.
 */
export async function policyApprovalWindow(wallet: WalletDriver): Promise<Page> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const approval = await wallet.approvalWindow();
    try {
      await approval.getByTestId('approval-policy').waitFor();
      return approval;
    } catch (error) {
      if (!approval.isClosed()) throw error;
    }
  }
  throw new Error('every approval window closed before it showed a policy decision');
}

/** Text of every policy reason the approval window shows for its current request. */
export async function readPolicyReasons(approval: Page): Promise<string[]> {
  await approval.getByTestId('approval-policy').waitFor();
  return (await approval.getByTestId('approval-policy-reason').allTextContents()).map((text) =>
    text.trim(),
  );
}
