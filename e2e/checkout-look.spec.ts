// What the widget looks like, in light, dark and Arabic (right to left), in its main states:
// screenshots for people to look at (test-results/screenshots/widget/<look>-<state>.png), with
// axe in each state (colour contrast included) and the basic facts of each look checked.
import type { Page, Route } from '@playwright/test';
import { generatePrivateKey } from 'viem/accounts';
import { checkoutWidget } from './checkout/checkoutWidget.ts';
import { expect, test } from './checkout/checkoutTest.ts';
import type { CheckoutShop } from './checkout/checkoutTest.ts';
import { expectNoSeriousAxeViolations } from './checkout/expectNoSeriousAxeViolations.ts';
import { installTestWallet } from './checkout/installTestWallet.ts';
import { waitForPaid } from './checkout/waitForPaid.ts';
import type { StackInfo } from '../scripts/stack/StackInfo.ts';

const shots = 'test-results/screenshots/widget';

type Look = { name: string; colorScheme: 'light' | 'dark'; lang?: string; payer: number };
const looks: readonly Look[] = [
  { name: 'light', colorScheme: 'light', payer: 7 },
  { name: 'dark', colorScheme: 'dark', payer: 8 },
  { name: 'arabic', colorScheme: 'light', lang: 'ar', payer: 9 },
];

/** Opens the product page in `look` and waits for `state`. */
async function openInLook(page: Page, shop: CheckoutShop, look: Look, state = 'options') {
  await page.emulateMedia({ colorScheme: look.colorScheme });
  await page.goto(shop.url);
  const widget = checkoutWidget(page);
  if (look.lang !== undefined) {
    await widget.element.evaluate((element, lang) => {
      element.setAttribute('lang', lang);
    }, look.lang);
  }
  await widget.expectState(state);
  if (look.lang === 'ar') {
    await expect(widget.root).toHaveAttribute('dir', 'rtl');
    await expect(widget.root).toHaveAttribute('lang', /^ar/);
    await expect(widget.root).toContainText(/[\u0600-\u06FF]/);
  }
  return widget;
}

async function capture(page: Page, look: Look, state: string) {
  const widget = checkoutWidget(page);
  await widget.expectState(state);
  await expectNoSeriousAxeViolations(page, `${look.name} ${state}`);
  await widget.element.screenshot({ path: `${shots}/${look.name}-${state}.png` });
}

async function installWallet(page: Page, stack: StackInfo, privateKey: `0x${string}`) {
  return installTestWallet({ page, rpcUrl: stack.rpcUrl, chainId: stack.chainId, privateKey });
}

for (const look of looks) {
  test(`${look.name}: options, quote, wallet picker, unreachable, short of funds, submitted, paid`, async ({
    page,
    context,
    shop,
    stack,
  }) => {
    test.setTimeout(120_000);
    const testWallet = await installWallet(
      page,
      stack,
      stack.accounts[look.payer]?.privateKey ?? '0x',
    );
    const widget = await openInLook(page, shop, look);
    await capture(page, look, 'options');
    await widget.option('USDC').click();
    await capture(page, look, 'quoted');
    await widget.primaryButton.click();
    await capture(page, look, 'wallet-picker');

    // The provider cannot be reached.
    const down = await context.newPage();
    await down.route(`${stack.providerUrl}/**`, (route) => route.abort('connectionrefused'));
    await openInLook(down, shop, look, 'error-provider-unreachable');
    await capture(down, look, 'error-provider-unreachable');
    await down.close();

    // An account without the asset.
    const empty = await context.newPage();
    const emptyWallet = await installWallet(empty, stack, generatePrivateKey());
    const emptyWidget = await openInLook(empty, shop, look);
    await emptyWidget.option('USDC').click();
    await emptyWidget.expectState('quoted');
    await emptyWidget.primaryButton.click();
    await emptyWidget.expectState('wallet-picker');
    await emptyWidget.wallet(emptyWallet.name).click();
    await capture(empty, look, 'error-insufficient-funds');
    await empty.close();

    // Back on the first page: pay. The provider is slow to answer for a moment (its answers
    // are held back), so the "sent" state stays on screen long enough to look at.
    const sessionRoutes = `${stack.providerUrl}/v1/checkout/sessions/**`;
    const heldBack: Route[] = [];
    let isHolding = true;
    await page.route(sessionRoutes, (route) => {
      if (isHolding) heldBack.push(route);
      else return route.fallback();
    });
    await widget.wallet(testWallet.name).click();
    await capture(page, look, 'submitted');
    isHolding = false;
    for (const route of heldBack) await route.continue();
    await waitForPaid(page, stack);
    await capture(page, look, 'paid');
  });
}

test('the axe check fails on serious violations, inside shadow roots too', async ({
  page,
  shop,
}) => {
  await page.goto(shop.url);
  // A nameless button and an image without alt text, in an open shadow root.
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.id = 'axe-probe';
    document.body.append(probe);
    probe
      .attachShadow({ mode: 'open' })
      .append(
        document.createElement('button'),
        Object.assign(document.createElement('img'), { src: 'data:,' }),
      );
  });
  await expect(expectNoSeriousAxeViolations(page, 'probe', '#axe-probe')).rejects.toThrow(
    /button-name|image-alt/,
  );
});
