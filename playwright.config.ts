import { defineConfig } from '@playwright/test';

// One worker: the tests share one local stack (one dev chain) and each test gets its own
// Chromium profile with the extension loaded.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/globalSetup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  retries: 0,
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
