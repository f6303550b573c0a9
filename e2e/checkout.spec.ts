// TP Checkout on the demo shop's product page (strict CSP), paid with TP Wallet: 19.99 EUR in
// USDC on the dev chain, the session settles, the page receives `tp-checkout:paid` and the shop's
// server confirms the order. axe runs in every state reached; screenshots go to
// test-results/screenshots/widget/.
import { approvePayment } from './checkout/approvePayment.ts';
import { checkoutWidget } from './checkout/checkoutWidget.ts';
import { readApprovalKind } from './checkout/readApprovalKind.ts';
import { expect, test } from './checkout/checkoutTest.ts';
import { expectNoSeriousAxeViolations } from './checkout/expectNoSeriousAxeViolations.ts';
import { readTokenBalance } from './checkout/readTokenBalance.ts';
import { trackCheckout } from './checkout/trackCheckout.ts';
import { waitForPaid } from './checkout/waitForPaid.ts';
import { demoShopRecipient } from '../scripts/demoShop/demoProduct.ts';

const testMnemonic = 'test test test test test test test test test test test junk';
const password = 'e2e password 123';
const shots = 'test-results/screenshots/widget';

test.beforeEach(async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
});

test('pays 19.99 EUR in USDC with TP Wallet on the strict-CSP product page; the page hears tp-checkout:paid', async ({
  page,
  shop,
  stack,
  wallet,
}) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const tracker = await trackCheckout(page);
  const response = await page.goto(shop.url);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self';");
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);

  const widget = checkoutWidget(page);
  await widget.expectState('options');
  await expect(widget.element.locator('[part~="price"]')).toContainText('19.99');
  await expect(widget.option('USDC')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'options');
  await widget.element.screenshot({ path: `${shots}/flow-1-options.png` });

  await widget.option('USDC').click();
  await widget.expectState('quoted');
  const [quoteEvent] = (await tracker.details('tp-checkout:quote')) as {
    quote: { amount: string; asset: string; chain_id: number; recipient: string };
  }[];
  expect(quoteEvent?.quote).toMatchObject({ asset: 'USDC', chain_id: stack.chainId });
  const quotedAmount = BigInt(quoteEvent?.quote.amount ?? '0');
  // 19.99 EUR at the local USDC/EUR rate: somewhere between 15 and 30 USDC.
  expect(quotedAmount > 15_000_000n && quotedAmount < 30_000_000n).toBe(true);
  await expect(widget.element.locator('[part~="countdown"]')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'quoted');
  await widget.element.screenshot({ path: `${shots}/flow-2-quoted.png` });

  const merchantBefore = await readTokenBalance(stack, 'USDC', demoShopRecipient);
  await widget.primaryButton.click();
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('connect');
  await wallet.approve();
  await widget.expectState('confirming');
  await expectNoSeriousAxeViolations(page, 'confirming');
  await widget.element.screenshot({ path: `${shots}/flow-3-confirming.png` });
  await approvePayment(wallet, { summaryPart: /USDC/, expectConnect: false });

  await widget.expectState(/submitted|confirming-chain|paid/);
  const [pending] = (await tracker.details('tp-checkout:pending')) as { txHash: string }[];
  expect(pending?.txHash).toMatch(/^0x[0-9a-f]{64}$/);

  await waitForPaid(page, stack);
  const [paid] = (await tracker.details('tp-checkout:paid')) as {
    status: string;
    txHash: string;
    amountPaid: { amount_paid: string; asset: string };
  }[];
  expect(paid).toMatchObject({ status: 'settled', txHash: pending?.txHash });
  expect(paid?.amountPaid).toMatchObject({ asset: 'USDC', amount_paid: quotedAmount.toString() });
  expect(await readTokenBalance(stack, 'USDC', demoShopRecipient)).toBe(
    merchantBefore + quotedAmount,
  );
  await expect(page.locator('#order-status')).toHaveText('Thank you! Your order is confirmed.');
  await expectNoSeriousAxeViolations(page, 'paid');
  await widget.element.screenshot({ path: `${shots}/flow-4-paid.png` });
  await page.screenshot({ path: `${shots}/page-product-paid.png`, fullPage: true });

  expect(await tracker.cspViolations()).toEqual([]);
  expect(pageErrors).toEqual([]);
});
