import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromiumLaunchOptions.ts';
import { startDemoShop } from '../demoShop/startDemoShop.ts';
import { startStack } from '../stack/startStack.ts';
import { median } from './Benchmark.ts';
import type { Benchmark } from './Benchmark.ts';
import { measureWidgetSize } from './measureWidgetSize.ts';

const runs = 7;
const widgetDir = 'dist/widget';
const ports = { chain: 28745, provider: 28887, shop: 25273 };

/**
 * The checkout widget: `widget_gzip_kb` / `widget_brotli_kb`, what a shopper downloads for it
 * (entry, static imports, the biggest lazy translation; budget 30 KB gzip);
 * `widget_onramp_gzip_kb`, what a shopper short of funds downloads on top for the card on-ramp
 * (its lazy chunks and the biggest of its translations); and
 * `widget_options_rendered_ms`, from the moment the browser starts fetching checkout.js on the
 * demo shop's product page to the payment options in the element's shadow DOM at the next frame,
 * against a local stack's provider (target 300 ms). Each run is a fresh browser context (empty
 * cache); median of 7 after one warm-up.
 */
export const benchWidget: Benchmark = {
  name: 'checkout widget',
  async run() {
    const size = measureWidgetSize({ widgetDir });
    return {
      widget_gzip_kb: toKilobytes(size.gzipBytes),
      widget_brotli_kb: toKilobytes(size.brotliBytes),
      widget_onramp_gzip_kb: toKilobytes(size.onramp.gzipBytes),
      widget_options_rendered_ms: await measureOptionsRendered(),
    };
  },
};

function toKilobytes(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}

async function measureOptionsRendered(): Promise<number> {
  const dataDir = '.data/bench-widget';
  rmSync(dataDir, { recursive: true, force: true });
  const stack = await startStack({ ports, dataDir });
  let browser: Browser | undefined;
  const shop = await startDemoShop({
    port: 0,
    widgetDir,
    providerUrl: stack.info.providerUrl,
    merchantFile: join(dataDir, 'merchant.json'),
  });
  try {
    browser = await chromium.launch(chromiumLaunchOptions());
    const timings: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.addInitScript(watchForPaymentOptions);
        await page.goto(`${shop.url}/`);
        const elapsed = await page
          .waitForFunction(
            () => {
              const renderedAt = (window as { tpOptionsRenderedAt?: number }).tpOptionsRenderedAt;
              if (renderedAt === undefined) return undefined;
              const [script] = performance
                .getEntriesByType('resource')
                .filter((entry) => new URL(entry.name).pathname === '/widget/checkout.js');
              return script === undefined ? undefined : renderedAt - script.startTime;
            },
            undefined,
            { timeout: 30_000 },
          )
          .then((handle) => handle.jsonValue());
        if (elapsed === undefined) throw new Error('the widget rendered no payment options');
        if (run > 0) timings.push(elapsed);
      } finally {
        await context.close();
      }
    }
    return Math.round(median(timings));
  } finally {
    await browser?.close();
    await shop.stop();
    await stack.stop();
  }
}

/**
 * Runs in the page before its scripts: watches the widget's shadow root as it is attached and
 * notes the frame after the payment options appear in it.
 */
function watchForPaymentOptions(): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the element as `this`
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    if (this.localName !== 'tp-checkout') return root;
    const observer = new MutationObserver(() => {
      if (root.querySelector('[data-state="options"] [part~="option"]') === null) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        (window as { tpOptionsRenderedAt?: number }).tpOptionsRenderedAt = performance.now();
      });
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true });
    return root;
  };
}
