import type { FrameLocator, Page } from '@playwright/test';

/** The sandbox on-ramp's test cards (provider/onramp/README.md). */
export const sandboxCards = {
  succeeds: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000 0000 0000 9995',
} as const;

/**
 * Pays on the sandbox's hosted page (a popup, or the frame inside the widget) as a shopper
 * would: name, card number, a future expiry and a 3-digit code, then "Pay …".
 */
export async function fillSandboxCard(
  page: Page | FrameLocator,
  cardNumber: string,
): Promise<void> {
  await page.getByLabel('Name on card').fill('Ada Lovelace');
  await page.getByLabel('Card number').fill(cardNumber);
  await page.getByLabel('Expiry date (MM/YY)').fill('12/34');
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByRole('button', { name: /^Pay / }).click();
}
