/**
 * Automatic payments end to end in real Chromium with the built extension: one page sends
 * EURC transfers (`eth_sendTransaction`) that its site's policy pays without a prompt, keeping
 * `inFlight` requests open for `durationMs`; a payment counts when the page has the hash back,
 * which the wallet returns only once the dev chain accepted the signed transaction. Then a burst
 * aims past the site's cap: the policy must stop exactly at it (the excess is refused with 4100)
 * and the chain must show exactly the cap paid, or the benchmark fails. The chain mines a block
 * every second meanwhile (not a block per transaction).
 *
 * `BENCH_EXTENSION_DIR` loads another build than `dist/extension`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createPublicClient, encodeFunctionData, erc20Abi, http } from 'viem';
import type { Address } from 'viem';
import { chromiumLaunchOptions } from '../../e2e/chromiumLaunchOptions.ts';
import { deployTestTokens } from '../contracts/deployTestTokens.ts';
import { startDevChain } from '../devChain/startDevChain.ts';
import type { Benchmark } from './Benchmark.ts';

export type BenchAutoPaymentsParameters = {
  durationMs?: number;
  inFlight?: number;
  /** How many payments the site's daily cap fits (each pays 0.01 EURC = 0.01 €). */
  capPayments?: number;
};
export type BenchAutoPaymentsReturnType = {
  auto_payments_per_s: number;
  /** 1: the burst past the cap paid exactly what was left and the chain shows exactly the cap
   * (anything else throws: a cap passed is a failure, not a figure). */
  auto_payments_cap_exact: 1;
};

const password = 'bench password 1';
const phrase = 'test test test test test test test test test test test junk';
const account0: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const merchant: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
/** The dev chain's block time during the measurement. */
const blockIntervalMs = 1_000;
/** 0.01 EURC: one euro cent, the cap's unit. */
const paymentAmount = 10_000n;

export async function benchAutoPayments({
  durationMs = 10_000,
  inFlight = 48,
  capPayments = 1_500,
}: BenchAutoPaymentsParameters = {}): Promise<BenchAutoPaymentsReturnType> {
  const chain = await startDevChain({ port: 0 });
  // The site: a blank page from its own origin (a real server, as a shop would be).
  const shop = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>bench shop</title>');
  });
  await new Promise<void>((listening) => shop.listen(0, '127.0.0.1', listening));
  const shopOrigin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  const profileDir = mkdtempSync(join(tmpdir(), 'tp-bench-auto-payments-'));
  const extensionDir = resolve(process.env.BENCH_EXTENSION_DIR ?? 'dist/extension');
  const context = await chromium.launchPersistentContext(
    profileDir,
    chromiumLaunchOptions([
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ]),
  );
  try {
    const deployed = await deployTestTokens({ rpcUrl: chain.rpcUrl });
    // The node prints every call (each transaction with its gas, block and logs): console work
    // on the chain's side of the one-by-one broadcasts, nothing a real node does for the wallet.
    await fetch(chain.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'hardhat_setLoggingEnabled',
        params: [false],
      }),
    });
    // Blocks every second from here on, as on a real network: "accepted by the chain" is the node
    // taking the transaction into its pool, not mining a block for it at once (automine makes
    // each eth_sendRawTransaction mine a block first, which no real node does).
    for (const [method, params] of [
      ['evm_setAutomine', [false]],
      ['evm_setIntervalMining', [blockIntervalMs]],
    ] as const) {
      const answer = await fetch(chain.rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      });
      const { error } = (await answer.json()) as { error?: unknown };
      if (error !== undefined) throw new Error(`${method}: ${JSON.stringify(error)}`);
    }
    const eurc = deployed.tokens.EURC.address;
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate(
      (network) =>
        chrome.storage.local.set({ customNetworks: { [String(network.chainId)]: network } }),
      {
        chainId: deployed.chainId,
        name: 'bench chain',
        rpcUrls: [chain.rpcUrl],
        nativeSymbol: 'ETH',
        tokens: [],
      },
    );
    const popup = await context.newPage();
    await popup.goto(
      `chrome-extension://${new URL(worker.url()).host}/extension/ui/popup/popup.html`,
    );
    await sendUi(popup, 'createWallet', { phrase, language: 'en', password });

    const page = await context.newPage();
    await page.goto(`${shopOrigin}/`);
    await page.waitForFunction(() => window.ethereum !== undefined);
    const accounts = page.evaluate(() =>
      window.ethereum?.request({ method: 'eth_requestAccounts' }),
    );
    await approveConnect(popup);
    if (JSON.stringify(await accounts) !== JSON.stringify([account0]))
      throw new Error('benchAutoPayments: connecting the page failed');
    // Automatic up to the cap; past it refused at once, so the burst below never waits on a window.
    await sendUi(popup, 'setSitePolicy', {
      origin: shopOrigin,
      policy: {
        preset: 'custom',
        payments: 'auto',
        unprovable: 'confirm',
        limits: [
          {
            window: 'day',
            unit: { kind: 'fiat' },
            amount: String(capPayments),
            whenExceeded: 'block',
          },
        ],
        whenNotAllowed: 'block',
        confirmNewRecipients: false,
        grants: [],
      },
    });
    const client = createPublicClient({ transport: http(chain.rpcUrl) });
    const balance = () =>
      client.readContract({
        address: eurc,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [merchant],
      });
    const balanceBefore = await balance();
    const transaction = {
      from: account0,
      to: eurc,
      data: encodeFunctionData({
        abi: erc20Abi,
        functionName: 'transfer',
        args: [merchant, paymentAmount],
      }),
    };
    // Warm-up: the first payments compile and open what later ones reuse.
    await page.evaluate(runPayments, { transaction, durationMs: 1_000, inFlight: 4 });
    const sustained = await page.evaluate(runPayments, { transaction, durationMs, inFlight });
    if (sustained.failed > 0)
      throw new Error(
        `benchAutoPayments: ${sustained.failed} payments failed: ${sustained.firstError}`,
      );

    const paidSoFar = await page.evaluate(() => (window as unknown as { paid: number }).paid);
    const left = capPayments - paidSoFar;
    if (left < 0) throw new Error('benchAutoPayments: the cap was passed');
    const burst = await page.evaluate(
      async ({ transaction: payment, count }) => {
        const outcomes = await Promise.all(
          Array.from({ length: count }, () =>
            (window.ethereum as NonNullable<Window['ethereum']>)
              .request({ method: 'eth_sendTransaction', params: [payment] })
              .then(
                () => 'paid',
                (error: unknown) => String((error as { code?: unknown }).code),
              ),
          ),
        );
        return {
          paid: outcomes.filter((outcome) => outcome === 'paid').length,
          refused: outcomes.filter((outcome) => outcome === '4100').length,
        };
      },
      { transaction, count: left + 20 },
    );
    if (burst.paid !== left || burst.refused !== 20)
      throw new Error(
        `benchAutoPayments: the cap was not exact (${burst.paid} paid of ${left} left, ${burst.refused} refused of 20)`,
      );
    // Every accepted payment is mined within a few blocks: then the chain shows the cap.
    const expected = BigInt(capPayments) * paymentAmount;
    let received = (await balance()) - balanceBefore;
    for (let block = 0; block < 30 && received < expected; block += 1) {
      await new Promise((resolveWait) => setTimeout(resolveWait, blockIntervalMs));
      received = (await balance()) - balanceBefore;
    }
    if (received !== expected)
      throw new Error(`benchAutoPayments: the chain shows ${received} paid, not the cap`);
    return {
      auto_payments_per_s: Math.round((sustained.paid / (sustained.elapsedMs / 1000)) * 10) / 10,
      auto_payments_cap_exact: 1,
    };
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
    await chain.stop();
    shop.close();
  }
}

export const benchAutoPaymentsBenchmark: Benchmark = {
  name: 'automatic payments end to end',
  run: () => benchAutoPayments(),
};

/** Runs in the page: keeps `inFlight` payments open until `durationMs` has passed. */
async function runPayments({
  transaction,
  durationMs,
  inFlight,
}: {
  transaction: object;
  durationMs: number;
  inFlight: number;
}): Promise<{ paid: number; failed: number; elapsedMs: number; firstError?: string }> {
  const counters = window as unknown as { paid?: number };
  const startedAt = performance.now();
  let paid = 0;
  let failed = 0;
  let firstError: string | undefined;
  // No named inner functions: the bundler's name helper does not exist in the page.
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() - startedAt < durationMs) {
        try {
          await (window.ethereum as NonNullable<Window['ethereum']>).request({
            method: 'eth_sendTransaction',
            params: [transaction],
          });
          paid += 1;
        } catch (error) {
          failed += 1;
          firstError ??= (error as Error).message;
        }
      }
    }),
  );
  counters.paid = (counters.paid ?? 0) + paid;
  return {
    paid,
    failed,
    elapsedMs: performance.now() - startedAt,
    ...(firstError === undefined ? {} : { firstError }),
  };
}

/** Approves the pending connect request as the window would. */
async function approveConnect(popup: Page): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const answer: unknown = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ kind: 'ui', action: 'listApprovals', params: {} }),
    );
    const reply = answer as { result?: { approvals: { id: string; details: { kind: string } }[] } };
    const request = reply.result?.approvals.find((approval) => approval.details.kind === 'connect');
    if (request !== undefined) {
      await sendUi(popup, 'resolveApproval', {
        id: request.id,
        decision: { approved: true, accounts: [account0] },
      });
      return;
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  throw new Error('benchAutoPayments: no connect request appeared');
}

async function sendUi(page: Page, action: string, params: object): Promise<unknown> {
  const reply = (await page.evaluate(
    ([name, values]): Promise<unknown> =>
      chrome.runtime.sendMessage({ kind: 'ui', action: name, params: values }),
    [action, params] as const,
  )) as { ok?: boolean; result?: unknown };
  if (reply.ok !== true) throw new Error(`${action} failed: ${JSON.stringify(reply)}`);
  return reply.result;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log(JSON.stringify(await benchAutoPayments()));
}
