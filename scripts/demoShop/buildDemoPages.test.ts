import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoPages } from './buildDemoPages.ts';

describe('buildDemoPages', () => {
  it('bundles the React and Vue pages for production, with nothing that needs eval', async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'tp-demo-pages-')), 'out');
    await buildDemoPages({ outDir });
    expect(existsSync(join(outDir, 'react.js'))).toBe(true);
    expect(existsSync(join(outDir, 'vue.js'))).toBe(true);
    const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.js'),
    );
    const code = files.map((file) => readFileSync(join(outDir, file), 'utf8')).join('\n');
    // A strict CSP (no 'unsafe-eval') refuses both; the runtime-only Vue build has neither.
    expect(code).not.toMatch(/\bnew Function\(|\beval\(/);
    expect(code).not.toContain('process.env.NODE_ENV');
    // React's production build (its errors are minified), not the development one.
    expect(code).toContain('Minified React error');
  });
});
