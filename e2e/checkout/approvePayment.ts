import { expect } from '@playwright/test';
import type { WalletDriver } from '../fixtures.ts';
import { readApprovalKind } from './readApprovalKind.ts';

/**
 * Approves, in TP Wallet's approval window, what paying asks for: sharing the account (the first
 * time a site asks), then the transaction, whose summary must name `summaryPart`.
 */
export async function approvePayment(
  wallet: WalletDriver,
  { summaryPart, expectConnect = true }: { summaryPart: string | RegExp; expectConnect?: boolean },
): Promise<void> {
  if (expectConnect) {
    await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('connect');
    await wallet.approve();
  }
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('send-transaction');
  expect((await wallet.readApproval()).summary).toMatch(summaryPart);
  await wallet.approve();
}
