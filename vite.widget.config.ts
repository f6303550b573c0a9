import { defineConfig } from 'vite';

/*
 * TP Checkout as one ES module a page loads with `<script type="module" src=".../checkout.js">`,
 * plus one small chunk per non-English language, imported on demand from beside it (relative to
 * checkout.js, wherever it is served), and the on-ramp's part (its views, the EIP-55 checksum
 * and its strings per language), imported only when a shopper is short of funds. Library mode (no preload helper, no HTML entry), but
 * minified fully: library mode keeps whitespace in ES output for whoever bundles a library next,
 * and nothing bundles checkout.js again.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    // Maps are written beside the files (for error reports and whoever debugs the widget) but not
    // named in them: every shopper would otherwise download a `sourceMappingURL` line per file.
    sourcemap: 'hidden',
    lib: {
      entry: 'widget/checkout.ts',
      formats: ['es'],
      fileName: () => 'checkout.js',
    },
    rolldownOptions: {
      // Code the lazy chunks share with checkout.js stays in checkout.js (exported for them),
      // rather than in a third file every page would have to fetch as well.
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        comments: false,
        // Translations are `locale-<lang>`; a lazy part's own code and strings carry its name
        // (`onramp-…`, `onramp-locale-<lang>`), so the size bench can tell them apart.
        chunkFileNames: ({ facadeModuleId }) => {
          const id = facadeModuleId ?? '';
          const locale = /\/locales\/widget\/(?:([a-z]+)\/)?[^/]+\.json$/.exec(id);
          const part = /\/widget\/(onramp|subscription)\//.exec(id)?.[1] ?? locale?.[1];
          const prefix = part === undefined ? '' : `${part}-`;
          return locale === null ? `${prefix}[name]-[hash].js` : `${prefix}locale-[name]-[hash].js`;
        },
      },
    },
  },
});
