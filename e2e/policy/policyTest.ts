/**
 * The policy specs' Playwright `test`: the shared fixtures, plus `E2E_EXTENSION_DIR` to load an
 * extension built elsewhere (a helper's own build beside the shared `dist/extension`).
 */
import { test as base } from '../fixtures.ts';
import type { StackInfo } from '../fixtures.ts';

export const test = base.extend({
  stack: [
    async ({ stack }: { stack: StackInfo }, use: (value: StackInfo) => Promise<void>) => {
      const extensionDir = process.env.E2E_EXTENSION_DIR;
      await use(extensionDir === undefined ? stack : { ...stack, extensionDir });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '../fixtures.ts';
export { launchWalletContext, useStackChain } from '../fixtures.ts';
export type { StackInfo, WalletDriver } from '../fixtures.ts';
