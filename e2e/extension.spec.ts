import { expect, test } from './fixtures.ts';

type AnnouncedProvider = { info: { uuid: string; name: string; icon: string; rdns: string } };

test('the service worker starts and its URL gives the extension id', async ({
  wallet,
  extensionId,
}) => {
  const worker = await wallet.serviceWorker();
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  expect(worker.url()).toBe(`chrome-extension://${extensionId}/service-worker-loader.js`);
});

test('the shop page receives the EIP-6963 announcement', async ({ page, stack }) => {
  await page.goto(stack.shopUrl);
  const announced = await page.evaluate(
    () =>
      new Promise<AnnouncedProvider>((resolve) => {
        window.addEventListener('eip6963:announceProvider', (event) => {
          resolve({ info: { ...(event as CustomEvent<AnnouncedProvider>).detail.info } });
        });
        window.dispatchEvent(new Event('eip6963:requestProvider'));
      }),
  );
  expect(announced.info.name).toBe('TP Wallet');
  expect(announced.info.rdns).toBe('com.tppay.wallet');
  expect(announced.info.uuid).toMatch(/^[0-9a-f-]{36}$/);
  expect(announced.info.icon).toMatch(/^data:image\/svg\+xml;base64,/);
  // The shop's own script lists the wallet it found, as a dapp would.
  await expect(page.locator('#wallets li[data-rdns="com.tppay.wallet"]')).toHaveText(
    'TP Wallet (com.tppay.wallet)',
  );
  await page.screenshot({ path: 'test-results/screenshots/shop.png' });
});

test('the announcement detail cannot be tampered with by the page', async ({ page, stack }) => {
  await page.goto(stack.shopUrl);
  const isFrozen = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        window.addEventListener('eip6963:announceProvider', (event) => {
          const { detail } = event as CustomEvent<{ info: object }>;
          resolve(Object.isFrozen(detail) && Object.isFrozen(detail.info));
        });
        window.dispatchEvent(new Event('eip6963:requestProvider'));
      }),
  );
  expect(isFrozen).toBe(true);
});

test('eth_chainId from the page returns 0x7a69 through the service worker', async ({
  page,
  stack,
  wallet,
}) => {
  await page.goto(stack.shopUrl);
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_chainId' }))).toBe(
    '0x7a69',
  );
  // The answer comes from the service worker: it still answers after the worker was stopped.
  await wallet.stopServiceWorker();
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_chainId' }))).toBe(
    '0x7a69',
  );
});

test('unsupported methods and malformed requests get EIP-1193 errors', async ({ page, stack }) => {
  await page.goto(stack.shopUrl);
  const errors = await page.evaluate(async () => {
    const provider = window.ethereum;
    if (!provider) throw new Error('no provider');
    const capture = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => {
          const { code, message } = error as { code: number; message: string };
          return { code, message };
        },
      );
    return {
      unsupported: await capture(provider.request({ method: 'eth_notAMethod' })),
      noMethod: await capture(provider.request({ params: [] } as unknown as { method: string })),
      badParams: await capture(
        provider.request({ method: 'eth_chainId', params: 'x' as unknown as [] }),
      ),
    };
  });
  expect(errors.unsupported).toEqual({
    code: 4200,
    message: 'The method "eth_notAMethod" is not supported.',
  });
  expect(errors.noMethod?.code).toBe(-32600);
  expect(errors.badParams?.code).toBe(-32602);
});

test('the popup opens and shows the wallet and network', async ({ wallet }) => {
  const popup = await wallet.openPopup();
  await expect(popup.locator('tp-popup h1')).toHaveText('TP Wallet');
  await expect(popup.locator('tp-popup .network')).toHaveText('TP Pay dev chain');
  await popup.screenshot({ path: 'test-results/screenshots/popup.png' });
});
