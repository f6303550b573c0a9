// TP Checkout with more than one wallet: a second, independent EIP-6963 wallet (defined in the
// test, signing with a funded dev key) is found next to TP Wallet and pays; and a whole payment
// made with the keyboard only.
import { checkoutWidget } from './checkout/checkoutWidget.ts';
import { expect, test } from './checkout/checkoutTest.ts';
import { expectNoSeriousAxeViolations } from './checkout/expectNoSeriousAxeViolations.ts';
import { installTestWallet } from './checkout/installTestWallet.ts';
import { readTokenBalance } from './checkout/readTokenBalance.ts';
import { readFocus, tabTo } from './checkout/tabTo.ts';
import { trackCheckout } from './checkout/trackCheckout.ts';
import { waitForPaid } from './checkout/waitForPaid.ts';

const shots = 'test-results/screenshots/widget';

test('the picker shows TP Wallet and an EIP-6963 test wallet; the test wallet pays', async ({
  page,
  shop,
  stack,
}) => {
  test.setTimeout(90_000);
  const payer = stack.accounts[2];
  if (payer === undefined) throw new Error('no dev account #2');
  const testWallet = await installTestWallet({
    page,
    rpcUrl: stack.rpcUrl,
    chainId: stack.chainId,
    privateKey: payer.privateKey,
  });
  const tracker = await trackCheckout(page);
  const widget = checkoutWidget(page);
  await page.goto(shop.url);
  await widget.expectState('options');
  await widget.option('USDC').click();
  await widget.expectState('quoted');
  await widget.primaryButton.click();

  await widget.expectState('wallet-picker');
  await expect(widget.element.locator('[part~="wallet"]')).toHaveCount(2);
  await expect(widget.wallet('TP Wallet')).toBeVisible();
  await expect(widget.wallet(testWallet.name)).toBeVisible();
  await expect(widget.wallet(testWallet.name).locator('[part~="wallet-icon"]')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'wallet-picker');
  await widget.element.screenshot({ path: `${shots}/wallet-picker.png` });

  const before = await readTokenBalance(stack, 'USDC', payer.address);
  await widget.wallet(testWallet.name).click();
  await widget.expectState(/submitted|confirming-chain|paid/);
  expect(testWallet.requests).toContain('eth_requestAccounts');
  expect(testWallet.sentTransactions).toHaveLength(1);
  await waitForPaid(page, stack);
  const [quoted] = (await tracker.details('tp-checkout:quote')) as { quote: { amount: string } }[];
  expect(await readTokenBalance(stack, 'USDC', payer.address)).toBe(
    before - BigInt(quoted?.quote.amount ?? '0'),
  );
  const [paid] = (await tracker.details('tp-checkout:paid')) as { txHash: string }[];
  expect(paid?.txHash).toBe(testWallet.sentTransactions[0]);
});

test('keyboard only: Tab and Enter pick the asset, pay, pick the wallet; focus stays visible', async ({
  page,
  shop,
  stack,
}) => {
  test.setTimeout(90_000);
  const testWallet = await installTestWallet({
    page,
    rpcUrl: stack.rpcUrl,
    chainId: stack.chainId,
    privateKey: stack.accounts[4]?.privateKey ?? '0x',
  });
  const widget = checkoutWidget(page);
  await page.goto(shop.url);
  await widget.expectState('options');

  const option = await tabTo(page, (focused) => /\boption\b/.test(focused.part));
  const usdc = option.text.includes('USDC')
    ? option
    : await tabTo(
        page,
        (focused) => /\boption\b/.test(focused.part) && focused.text.includes('USDC'),
      );
  expect(usdc.tag).toBe('button');
  // The focus ring is drawn (the browser matches :focus-visible for keyboard focus).
  const hasRing = await widget.element.evaluate((element) => {
    const focused = element.shadowRoot?.activeElement;
    if (!focused) return false;
    const style = getComputedStyle(focused);
    return focused.matches(':focus-visible') && style.outlineStyle !== 'none';
  });
  expect(hasRing).toBe(true);
  await widget.element.screenshot({ path: `${shots}/keyboard-focus-option.png` });
  await page.keyboard.press('Enter');
  await widget.expectState('quoted');

  const pay = (await readFocus(page))?.part.includes('primary')
    ? await readFocus(page)
    : await tabTo(page, (focused) => /\bprimary\b/.test(focused.part));
  expect(pay?.tag).toBe('button');
  await page.keyboard.press('Enter');
  await widget.expectState('wallet-picker');

  const focusedWallet = await readFocus(page);
  if (!(focusedWallet?.part.includes('wallet') && focusedWallet.text.includes(testWallet.name))) {
    await tabTo(
      page,
      (focused) => /\bwallet\b/.test(focused.part) && focused.text.includes(testWallet.name),
    );
  }
  await page.keyboard.press('Enter');
  await waitForPaid(page, stack);
  expect(testWallet.sentTransactions).toHaveLength(1);
});
