import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measureWidgetSize } from './measureWidgetSize.ts';

function widgetFolder(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'tp-widget-size-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(directory, name, '..'), { recursive: true });
    writeFileSync(join(directory, name), content);
  }
  return directory;
}

describe('measureWidgetSize', () => {
  it('counts the entry, its static imports and the biggest lazy chunk, not the other ones', () => {
    const widgetDir = widgetFolder({
      'checkout.js':
        'import{a}from"./chunks/shared.js";import"./side.js";const l=()=>import(`./locale-ar.js`),m=()=>import("./locale-de.js");export{a};',
      'chunks/shared.js': 'export const a=1;',
      'side.js': 'console.log(1);',
      'locale-ar.js': `export default ${JSON.stringify('مرحبا بالعالم '.repeat(50))};`,
      'locale-de.js': 'export default "Hallo";',
      'unused.js': 'x'.repeat(10_000),
    });
    const size = measureWidgetSize({ widgetDir });
    expect([...size.files].sort()).toEqual(
      ['checkout.js', 'chunks/shared.js', 'locale-ar.js', 'side.js'].sort(),
    );
    expect(size.gzipBytes).toBeGreaterThan(0);
    expect(size.brotliBytes).toBeGreaterThan(0);
  });

  it('measures the on-ramp chunks apart: all of its code and its biggest translation', () => {
    const widgetDir = widgetFolder({
      'checkout.js':
        'const l=()=>import("./locale-de.js"),o=()=>Promise.all([import("./onramp-driver.js"),import("./onramp-view.js"),import("./onramp-locale-en.js"),import("./onramp-locale-ja.js")]);',
      'locale-de.js': 'export default "Hallo";',
      'onramp-driver.js': `import"./onramp-keccak.js";export const d=${'1'.repeat(9_000)};`,
      'onramp-keccak.js': 'export const k=2;',
      'onramp-view.js': 'export const v=3;',
      'onramp-locale-en.js': 'export default "Buy";',
      'onramp-locale-ja.js': `export default ${JSON.stringify('カードで購入 '.repeat(40))};`,
    });
    const size = measureWidgetSize({ widgetDir });
    // The big on-ramp chunk does not count as the widget's lazy translation.
    expect([...size.files].sort()).toEqual(['checkout.js', 'locale-de.js']);
    expect([...size.onramp.files].sort()).toEqual(
      ['onramp-driver.js', 'onramp-keccak.js', 'onramp-locale-ja.js', 'onramp-view.js'].sort(),
    );
    expect(size.onramp.gzipBytes).toBeGreaterThan(0);
  });

  it('sums the compressed size of each file on its own', () => {
    const content = 'export const widget = "tp-checkout";'.repeat(20);
    const widgetDir = widgetFolder({ 'checkout.js': content });
    const size = measureWidgetSize({ widgetDir });
    expect(size.rawBytes).toBe(Buffer.byteLength(content));
    expect(size.gzipBytes).toBe(gzipSync(content, { level: 9 }).length);
  });

  it('follows imports relative to the importing file', () => {
    const widgetDir = widgetFolder({
      'checkout.js': 'import"./a/b.js";',
      'a/b.js': 'import"../c.js";',
      'c.js': 'export{};',
    });
    expect(measureWidgetSize({ widgetDir }).files).toEqual(['checkout.js', 'a/b.js', 'c.js']);
  });
});
