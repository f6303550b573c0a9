import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
  /**
   * What a shopper short of funds downloads on top (`onramp-*.js`: the on-ramp's flow, views and
   * the biggest of its translations), fetched only then; zero files when there is none.
   */
  readonly onramp: {
    readonly files: readonly string[];
    readonly rawBytes: number;
    readonly gzipBytes: number;
    readonly brotliBytes: number;
  };
};

// Minifiers quote specifiers with ', " or ` (a template literal without substitutions).
const staticImport =
  /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+from\s*)?["'`](\.{1,2}\/[^"'`$]+)["'`]/g;
const dynamicImport = /\bimport\(\s*["'`](\.{1,2}\/[^"'`$]+)["'`]\s*\)/g;

/**
 * What a shopper's browser downloads for the widget, compressed as a server would send it (each
 * file on its own, gzip level 9 and brotli quality 11): the entry, every module it imports
 * statically (transitively), and the biggest module it may import lazily (one translation is
 * loaded at most), with that module's own static imports. The on-ramp's lazy chunks
 * (`onramp-*.js`, loaded only when funds are short) are measured apart, in `onramp`: all of its
 * code, and the biggest of its translations (`onramp-locale-*.js`).
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
  const isOnramp = (file: string) => basename(file).startsWith('onramp-');
  const biggestOf = (candidates: Iterable<string>) => {
    let biggest: string[] = [];
    let biggestGzip = -1;
    for (const file of candidates) {
      if (eager.has(file)) continue;
      const closure = [...staticClosure(file, new Set())].filter((each) => !eager.has(each));
      const { gzipBytes } = sizeOf(closure);
      if (gzipBytes > biggestGzip) {
        biggest = closure;
        biggestGzip = gzipBytes;
      }
    }
    return biggest;
  };
  const files = [...eager, ...biggestOf([...lazy].filter((file) => !isOnramp(file)))];
  const onrampCode = new Set<string>();
  for (const file of lazy) {
    if (!isOnramp(file) || basename(file).startsWith('onramp-locale-')) continue;
    for (const each of staticClosure(file, new Set())) if (!eager.has(each)) onrampCode.add(each);
  }
  const onrampLocale = biggestOf(
    [...lazy].filter((file) => basename(file).startsWith('onramp-locale-')),
  ).filter((file) => !onrampCode.has(file));
  const onrampFiles = [...onrampCode, ...onrampLocale];
  return { files, ...sizeOf(files), onramp: { files: onrampFiles, ...sizeOf(onrampFiles) } };
}
