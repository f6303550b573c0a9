// Renders the wallet icon (the same SVG the EIP-6963 announcement carries) to the PNG sizes the
// manifest lists. Run once after changing the icon: `npx tsx scripts/build/renderIcons.ts`.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { walletIcon } from '../../extension/inpage/walletInfo.ts';
import { chromiumLaunchOptions } from '../../e2e/chromiumLaunchOptions.ts';

const sizes = [16, 32, 48, 128];
const outputDir = 'extension/public/icons';
mkdirSync(outputDir, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage();
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="${walletIcon}" width="${size}" height="${size}">`,
    );
    await page.screenshot({ path: `${outputDir}/icon-${size}.png`, omitBackground: true });
  }
} finally {
  await browser.close();
}
