import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * Where Chromium comes from: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else the browser
 * Playwright bundles (undefined lets Playwright pick its own).
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to a missing file: ${fromEnv}`);
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Flags that keep a headless Chromium quiet on a machine without outside network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumLaunchOptions(extraArgs: readonly string[] = []): LaunchOptions {
  const executablePath = findChromium();
  return {
    headless: true,
    args: [...chromiumArgs, ...extraArgs],
    ...(executablePath === undefined ? {} : { executablePath }),
  };
}
