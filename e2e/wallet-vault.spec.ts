import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, launchWalletContext, test, useStackChain } from './fixtures.ts';
import { createPublicClient, erc20Abi, http } from 'viem';
import { formatAmountForDisplay } from '../shared/money/index.ts';
import { scanDirectoryForSecrets } from './scanDirectoryForSecrets.ts';

const testMnemonic = 'test test test test test test test test test test test junk';
const password = 'e2e password 123';
const account0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

test('a new user creates a wallet: phrase shown, three words confirmed, accounts ready', async ({
  wallet,
}) => {
  const { phrase, address } = await wallet.createNewWallet({ password });
  expect(phrase.split(' ')).toHaveLength(12);
  expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
  const popup = await wallet.openPopup();
  await expect(popup.getByTestId('account-address')).toHaveAttribute('data-address', address);
  await expect(popup.getByTestId('balance-ETH')).toHaveAttribute('title', /^0(\.0+)?\s?ETH$/u);
  await popup.screenshot({ path: 'test-results/screenshots/accounts-new.png' });
});

test('importing the test phrase shows the funded account with its token balances', async ({
  wallet,
  stack,
}) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
  const popup = await wallet.openPopup();
  await expect(popup.getByTestId('account-address')).toHaveAttribute(
    'data-address',
    '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  );
  // Other tests spend from this account on the shared chain: compare with what the chain says.
  const chain = createPublicClient({ transport: http(stack.rpcUrl) });
  for (const symbol of ['USDC', 'DAI'] as const) {
    const token = stack.tokens[symbol];
    const balance = await chain.readContract({
      address: token.address,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [account0],
    });
    expect(balance).toBeGreaterThan(0n);
    const expected = formatAmountForDisplay(
      balance,
      { kind: 'crypto', symbol, decimals: token.decimals },
      { locale: 'en-US' },
    );
    await expect(popup.getByTestId(`balance-${symbol}`)).toHaveAttribute('title', expected);
  }
  await expect(popup.getByTestId('balance-ETH')).toHaveAttribute(
    'title',
    /^\d{1,2},\d{3}(\.\d+)?\s?ETH$/u,
  );
  await popup.screenshot({ path: 'test-results/screenshots/accounts-funded.png' });
});

test('locks, refuses a wrong password with a clear error, and unlocks with the right one', async ({
  wallet,
}) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
  await wallet.lock();
  const popup = await wallet.openPopup();
  await popup.getByTestId('unlock-password').fill('not the password');
  await popup.getByTestId('unlock-submit').click();
  await expect(popup.getByTestId('unlock-error')).toBeVisible();
  await popup.screenshot({ path: 'test-results/screenshots/unlock-error.png' });
  await popup.getByTestId('unlock-password').fill(password);
  await popup.getByTestId('unlock-submit').click();
  await expect(popup.getByTestId('account-address')).toHaveAttribute(
    'data-address',
    '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  );
});

test('stays unlocked across a service worker restart', async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
  await wallet.stopServiceWorker();
  const popup = await wallet.openPopup();
  await expect(popup.getByTestId('account-address')).toBeVisible();
});

test('restoring the phrase in a fresh profile gives the same accounts and balances', async ({
  wallet,
  stack,
}) => {
  const { phrase } = await wallet.createNewWallet({ password });
  const popup = await wallet.openPopup();
  await popup.getByTestId('add-account').click();
  await expect(popup.getByTestId('account-row')).toHaveCount(2);
  const originalAddresses = await popup
    .getByTestId('account-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-address')));

  const freshProfile = mkdtempSync(join(tmpdir(), 'tp-wallet-restore-'));
  const restored = await launchWalletContext(stack.extensionDir, freshProfile);
  try {
    const worker = restored.serviceWorkers()[0] ?? (await restored.waitForEvent('serviceworker'));
    await useStackChain(worker, stack);
    const extensionUrl = `chrome-extension://${new URL(worker.url()).host}`;
    const page = await restored.newPage();
    await page.goto(`${extensionUrl}/extension/ui/onboarding/onboarding.html#import`);
    await page.getByTestId('import-phrase').fill(phrase);
    await page.getByTestId('import-continue').click();
    await page.getByTestId('password').fill('another password 456');
    await page.getByTestId('password-confirm').fill('another password 456');
    await page.getByTestId('submit-password').click();
    await page.getByTestId('wallet-ready').waitFor({ timeout: 20_000 });
    await page.goto(`${extensionUrl}/extension/ui/popup/popup.html`);
    await page.getByTestId('add-account').click();
    await expect(page.getByTestId('account-row')).toHaveCount(2);
    const restoredAddresses = await page
      .getByTestId('account-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-address')));
    expect(restoredAddresses).toEqual(originalAddresses);
    await expect(page.getByTestId('balance-ETH')).toHaveAttribute(
      'title',
      (await popup.getByTestId('balance-ETH').getAttribute('title')) ?? '',
    );
  } finally {
    await restored.close();
    rmSync(freshProfile, { recursive: true, force: true });
  }
});

test('no phrase, private key or password reaches the profile on disk', async ({
  wallet,
  context,
  profileDir,
}) => {
  const { phrase } = await wallet.createNewWallet({ password });
  const popup = await wallet.openPopup();
  await popup.getByTestId('add-account').click();
  await expect(popup.getByTestId('account-row')).toHaveCount(2);
  const importedKey = '5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';
  await popup.getByTestId('import-key').click();
  await popup.getByTestId('import-key-input').fill(`0x${importedKey}`);
  await popup.getByTestId('import-key-submit').click();
  await expect(popup.getByTestId('account-row')).toHaveCount(3);
  await wallet.stopServiceWorker();
  await wallet.lock();
  await wallet.unlock(password);
  await wallet.lock();
  // Let Chromium flush its storage to disk, then close it so every file is complete.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await context.close();

  const words = phrase.split(' ');
  const secrets = [
    phrase,
    // any three words of the phrase in sequence
    ...words
      .slice(0, -2)
      .map((word, index) => `${word} ${words[index + 1] ?? ''} ${words[index + 2] ?? ''}`),
    importedKey,
    password,
  ];
  expect(scanDirectoryForSecrets(profileDir, secrets)).toEqual([]);
});

test('a web page cannot reach the wallet’s vault operations', async ({ page, stack, wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
  await page.goto(stack.shopUrl);
  const result = await page.evaluate(async () => {
    const provider = window.ethereum;
    if (!provider) throw new Error('no provider');
    const codes: unknown[] = [];
    for (const method of ['revealPhrase', 'unlock', 'createWallet', 'ui']) {
      codes.push(
        await provider.request({ method, params: [{ password: 'x' }] }).then(
          () => 'answered',
          (error: unknown) => (error as { code: number }).code,
        ),
      );
    }
    // A page has no extension messaging API of its own.
    const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } })
      .chrome?.runtime;
    return { codes, hasSendMessage: typeof runtime?.sendMessage === 'function' };
  });
  expect(result.codes).toEqual([4200, 4200, 4200, 4200]);
  expect(result.hasSendMessage).toBe(false);
});

test('auto-lock follows the setting and is cleared by locking', async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
  const worker = await wallet.serviceWorker();
  const minutesUntilAutoLock = () =>
    worker.evaluate(async () => {
      const alarm = await chrome.alarms.get('tp-auto-lock');
      return alarm ? (alarm.scheduledTime - Date.now()) / 60_000 : undefined;
    });
  expect(await minutesUntilAutoLock()).toBeCloseTo(15, 0);

  const popup = await wallet.openPopup();
  await popup.getByTestId('open-settings').click();
  await popup.getByTestId('settings-auto-lock').fill('2');
  await popup.getByTestId('settings-auto-lock-save').click();
  await expect(popup.getByTestId('settings-auto-lock-status')).toBeVisible();
  await popup.screenshot({ path: 'test-results/screenshots/settings.png' });
  expect(await minutesUntilAutoLock()).toBeCloseTo(2, 0);

  await wallet.lock();
  expect(await minutesUntilAutoLock()).toBeUndefined();
});

test('refuses an auto-lock time out of range and keeps the old one', async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
  const popup = await wallet.openPopup();
  const reply: unknown = await popup.evaluate((): Promise<unknown> =>
    chrome.runtime.sendMessage({ kind: 'ui', action: 'setAutoLock', params: { minutes: 0 } }),
  );
  expect(reply).toMatchObject({
    ok: false,
    error: { code: 'wallet/invalid-params', details: { param: 'minutes' } },
  });
  const status: unknown = await popup.evaluate((): Promise<unknown> =>
    chrome.runtime.sendMessage({ kind: 'ui', action: 'status', params: {} }),
  );
  expect(status).toMatchObject({ ok: true, result: { autoLockMinutes: 15 } });
});

test('settings: the phrase is revealed only with the password; a changed password replaces the old one', async ({
  wallet,
}) => {
  // About seven scrypt runs at 128 MiB (onboard, two reveals, the password change, two unlocks):
  // seconds each on a loaded machine, where this test has passed the default minute.
  test.setTimeout(120_000);
  await wallet.onboard({ mnemonic: testMnemonic, password });
  const popup = await wallet.openPopup();
  await popup.getByTestId('open-settings').click();

  await popup.getByTestId('reveal-password').fill('not the password');
  await popup.getByTestId('reveal-phrase').click();
  await expect(popup.getByTestId('reveal-status')).toBeVisible();
  await expect(popup.getByTestId('phrase-word-1')).toHaveCount(0);
  await popup.getByTestId('reveal-password').fill(password);
  await popup.getByTestId('reveal-phrase').click();
  await expect(popup.getByTestId('phrase-word-12')).toHaveText('junk');

  const newPassword = 'a brand new password 789';
  await popup.getByTestId('current-password').fill(password);
  await popup.getByTestId('new-password').fill(newPassword);
  await popup.getByTestId('new-password-confirm').fill(newPassword);
  await popup.getByTestId('change-password-submit').click();
  await expect(popup.getByTestId('change-password-status')).toBeVisible({ timeout: 20_000 });
  await popup.screenshot({
    path: 'test-results/screenshots/settings-after-change.png',
    fullPage: true,
  });

  await wallet.lock();
  const unlock = await wallet.openPopup();
  await unlock.getByTestId('unlock-password').fill(password);
  await unlock.getByTestId('unlock-submit').click();
  await expect(unlock.getByTestId('unlock-error')).toBeVisible();
  await wallet.unlock(newPassword);
});
