import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export type CheckoutWidget = {
  /** The element's root part, which carries `data-state`. */
  readonly root: Locator;
  /** Waits until `data-state` is `state` (or one of `state`). */
  expectState(state: string | RegExp, options?: { timeout?: number }): Promise<void>;
  /** The payment option button for `asset` (USDC, EURC, DAI, ETH). */
  option(asset: string): Locator;
  /** The button of an error state with `data-action="<action>"` (retry, requote…). */
  action(action: string): Locator;
  /** The main button of the current state (`part="button primary"`). */
  primaryButton: Locator;
  /** The wallet buttons of the picker. */
  wallet(name: string): Locator;
  /** The live status region. */
  status: Locator;
  /** The element itself, for screenshots. */
  element: Locator;
};

/** Locators for the `<tp-checkout>` on `page` (Playwright's CSS goes into open shadow roots). */
export function checkoutWidget(page: Page, selector = 'tp-checkout'): CheckoutWidget {
  const element = page.locator(selector);
  const root = element.locator('[part~="root"]');
  return {
    root,
    element,
    async expectState(state, { timeout = 15_000 } = {}) {
      await expect(root).toHaveAttribute('data-state', state, { timeout });
    },
    option: (asset) => element.locator('[part~="option"]').filter({ hasText: asset }),
    action: (action) => element.locator(`[part~="error"] [data-action="${action}"]`),
    primaryButton: element.locator('[part~="button"][part~="primary"]'),
    wallet: (name) => element.locator('[part~="wallet"]').filter({ hasText: name }),
    status: element.locator('[part~="status"]'),
  };
}
