import type { Page } from '@playwright/test';

export type FocusedElement = { readonly part: string; readonly text: string; readonly tag: string };

/** The focused element, looking through open shadow roots. */
export function readFocus(page: Page): Promise<FocusedElement | null> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (active === null || active === document.body) return null;
    return {
      part: active.getAttribute('part') ?? '',
      text: active.textContent.replace(/\s+/g, ' ').trim(),
      tag: active.localName,
    };
  });
}

/**
 * Presses Tab (the keyboard only, as a shopper without a mouse would) until the focused element
 * matches, and returns it; fails after `maxPresses`.
 */
export async function tabTo(
  page: Page,
  matches: (focused: FocusedElement) => boolean,
  maxPresses = 25,
): Promise<FocusedElement> {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    const focused = await readFocus(page);
    if (focused !== null && matches(focused)) return focused;
  }
  throw new Error(`nothing matching was reached with ${maxPresses} presses of Tab`);
}
