import type { Page } from '@playwright/test';
import type { StackInfo } from '../../scripts/stack/StackInfo.ts';
import { checkoutWidget } from './checkoutWidget.ts';
import { mineUntil } from './mineUntil.ts';

/** Waits for the widget to show `paid`, mining blocks meanwhile for the watcher's confirmations. */
export async function waitForPaid(page: Page, stack: StackInfo, timeoutMs = 60_000): Promise<void> {
  const { root } = checkoutWidget(page);
  await mineUntil({
    stack,
    timeoutMs,
    isDone: async () => (await root.getAttribute('data-state')) === 'paid',
    describe: async () => `the widget is in state ${await root.getAttribute('data-state')}`,
  });
}
