// TP Checkout as a custom element inside React 19 and Vue 3 pages (bundled from npm, render
// functions only), under the shop's strict CSP: each page gets its session from the shop's
// server, renders <tp-checkout>, pays and hears `tp-checkout:paid` through the framework's own
// event binding.
import { checkoutWidget } from './checkout/checkoutWidget.ts';
import { expect, test } from './checkout/checkoutTest.ts';
import { expectNoSeriousAxeViolations } from './checkout/expectNoSeriousAxeViolations.ts';
import { installTestWallet } from './checkout/installTestWallet.ts';
import { trackCheckout } from './checkout/trackCheckout.ts';
import { waitForPaid } from './checkout/waitForPaid.ts';

for (const framework of ['react', 'vue'] as const) {
  test(`${framework} page: renders the widget, pays, and the framework's handler confirms the order`, async ({
    page,
    shop,
    stack,
  }) => {
    test.setTimeout(90_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const testWallet = await installTestWallet({
      page,
      rpcUrl: stack.rpcUrl,
      chainId: stack.chainId,
      privateKey: stack.accounts[framework === 'react' ? 5 : 6]?.privateKey ?? '0x',
    });
    const tracker = await trackCheckout(page);
    const response = await page.goto(`${shop.url}/${framework}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
    await expect(
      page.getByText(`Checkout page built with ${framework === 'react' ? 'React' : 'Vue'}.`),
    ).toBeVisible();

    const widget = checkoutWidget(page);
    await widget.expectState('options');
    // React sets it as an attribute, Vue as the property: the element reads both.
    expect(
      await widget.element.evaluate(
        (element) => (element as HTMLElement & { publishableKey?: string }).publishableKey,
      ),
    ).toBe(shop.publishableKey);
    await expectNoSeriousAxeViolations(page, `${framework} options`);
    await widget.option('USDC').click();
    await widget.expectState('quoted');
    await widget.primaryButton.click();
    await widget.expectState('wallet-picker');
    await widget.wallet(testWallet.name).click();
    await waitForPaid(page, stack);

    // The framework's own listener ran: it asked the shop's server, which asked the provider.
    await expect(page.locator('#order-status')).toHaveText('Thank you! Your order is confirmed.');
    expect(await page.evaluate(() => document.body.dataset.orderStatus)).toBe('settled');
    await page.screenshot({
      path: `test-results/screenshots/widget/page-${framework}-paid.png`,
      fullPage: true,
    });
    expect(await tracker.details('tp-checkout:paid')).toHaveLength(1);
    expect(await tracker.cspViolations()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
}
