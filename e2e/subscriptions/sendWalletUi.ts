import type { Page } from '@playwright/test';
import type { WalletDriver } from '../fixtures.ts';

/**
 * Sends one action to the wallet's service worker from one of its own pages, as the
 * Subscriptions page does: `target` is such a page, or the wallet (a popup is opened for the
 * call). Returns the result or throws the worker's error.
 */
export async function sendWalletUi<Result>(
  target: WalletDriver | Page,
  action: string,
  params: Record<string, unknown> = {},
): Promise<Result> {
  const isPage = 'evaluate' in target;
  const popup = isPage ? target : await target.openPopup();
  try {
    const answer: unknown = await popup.evaluate((message) => chrome.runtime.sendMessage(message), {
      kind: 'ui',
      action,
      params,
    });
    const reply = answer as { ok: boolean; result?: unknown; error?: { message: string } };
    if (!reply.ok) throw new Error(`${action}: ${reply.error?.message ?? 'refused'}`);
    return reply.result as Result;
  } finally {
    if (!isPage) await popup.close();
  }
}
