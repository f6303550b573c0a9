import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type MeasureWidgetSizeParameters = {
  /** The built widget folder (dist/widget). */
  readonly widgetDir: string;
  readonly entry?: string;
};

export type MeasureWidgetSizeReturnType = {
  /** Files counted, relative to `widgetDir`: the entry and what it imports, then the lazy chunk. */
  readonly files: readonly string[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly brotliBytes: number;
};

// Minifiers quote specifiers with ', " or ` (a template literal without substitutions).
const staticImport =
  /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+from\s*)?["'`](\.{1,2}\/[^"'`$]+)["'`]/g;
const dynamicImport = /\bimport\(\s*["'`](\.{1,2}\/[^"'`$]+)["'`]\s*\)/g;

/**
 * What a shopper's browser downloads for the widget, compressed as a server would send it (each
 * file on its own, gzip level 9 and brotli quality 11): the entry, every module it imports
 * statically (transitively), and the biggest module it may import lazily (one translation is
 * loaded at most), with that module's own static imports.
 */
export function measureWidgetSize({
  widgetDir,
  entry = 'checkout.js',
}: MeasureWidgetSizeParameters): MeasureWidgetSizeReturnType {
  const read = (file: string) => readFileSync(join(widgetDir, file));
  const staticClosure = (start: string, seen: Set<string>) => {
    const pending = [start];
    while (pending.length > 0) {
      const file = pending.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const [, specifier] of read(file).toString('utf8').matchAll(staticImport)) {
        pending.push(join(dirname(file), specifier as string));
      }
    }
    return seen;
  };
  const eager = staticClosure(entry, new Set());
  const lazy = new Set<string>();
  for (const file of eager) {
    for (const [, specifier] of read(file).toString('utf8').matchAll(dynamicImport)) {
      lazy.add(join(dirname(file), specifier as string));
    }
  }
  const sizeOf = (files: Iterable<string>) => {
    let rawBytes = 0;
    let gzipBytes = 0;
    let brotliBytes = 0;
    for (const file of files) {
      const content = read(file);
      rawBytes += content.length;
      gzipBytes += gzipSync(content, { level: 9 }).length;
      brotliBytes += brotliCompressSync(content, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length;
    }
    return { rawBytes, gzipBytes, brotliBytes };
  };
  let biggestLazy: string[] = [];
  let biggestLazyGzip = -1;
  for (const file of lazy) {
    if (eager.has(file)) continue;
    const closure = [...staticClosure(file, new Set())].filter((each) => !eager.has(each));
    const { gzipBytes } = sizeOf(closure);
    if (gzipBytes > biggestLazyGzip) {
      biggestLazy = closure;
      biggestLazyGzip = gzipBytes;
    }
  }
  const files = [...eager, ...biggestLazy];
  return { files, ...sizeOf(files) };
}
