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
