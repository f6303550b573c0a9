import { defineConfig } from 'vite';

/*
 * TP Checkout as one ES module a page loads with `<script type="module" src=".../checkout.js">`,
 * plus one small chunk per non-English language, imported on demand from beside it (relative to
 * checkout.js, wherever it is served). Library mode (no preload helper, no HTML entry), but
 * minified fully: library mode keeps whitespace in ES output for whoever bundles a library next,
 * and nothing bundles checkout.js again.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'widget/checkout.ts',
      formats: ['es'],
      fileName: () => 'checkout.js',
    },
    rolldownOptions: {
      output: { minify: true, comments: false, chunkFileNames: 'locale-[name]-[hash].js' },
    },
  },
});
