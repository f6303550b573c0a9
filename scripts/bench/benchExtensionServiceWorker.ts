import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromiumLaunchOptions.ts';
import { median } from './Benchmark.ts';
import type { Benchmark } from './Benchmark.ts';

const runs = 5;

/** `extension_sw_ready_ms`: Chromium launched with the extension → its service worker runs (median of 5). */
export const benchExtensionServiceWorker: Benchmark = {
  name: 'extension service worker ready',
  async run() {
    const extensionDir = resolve('dist/extension');
    const timings: number[] = [];
    for (let run = 0; run < runs; run++) {
      const profileDir = mkdtempSync(join(tmpdir(), 'tp-bench-profile-'));
      const startedAt = performance.now();
      const context = await chromium.launchPersistentContext(
        profileDir,
        chromiumLaunchOptions([
          `--disable-extensions-except=${extensionDir}`,
          `--load-extension=${extensionDir}`,
        ]),
      );
      try {
        if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
        timings.push(performance.now() - startedAt);
      } finally {
        await context.close();
        rmSync(profileDir, { recursive: true, force: true });
      }
    }
    return { extension_sw_ready_ms: Math.round(median(timings)) };
  },
};
