import { defineConfig } from 'vite';

// TP Checkout as one self-contained ES module: `<script type="module" src=".../checkout.js">`.
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
  },
});
