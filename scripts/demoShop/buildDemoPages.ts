import { resolve } from 'node:path';
import { build } from 'vite';

export type BuildDemoPagesParameters = {
  /** Where `react.js` and `vue.js` go; the shop serves this folder under /demo-pages/. */
  readonly outDir?: string;
};

export type BuildDemoPagesReturnType = { readonly outDir: string };

const pagesDir = resolve(import.meta.dirname, 'pages');

/**
 * Bundles the React and Vue checkout pages from npm's `react`, `react-dom` and `vue` into ES
 * modules. Vue resolves to its runtime-only build (render functions, no template compiler), and
 * both are built for production, so neither needs `eval` under the shop's CSP.
 */
export async function buildDemoPages({
  outDir = 'dist/demo-shop',
}: BuildDemoPagesParameters = {}): Promise<BuildDemoPagesReturnType> {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    mode: 'production',
    define: {
      'process.env.NODE_ENV': JSON.stringify('production'),
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: false,
      rolldownOptions: {
        input: {
          react: resolve(pagesDir, 'reactCheckoutPage.ts'),
          vue: resolve(pagesDir, 'vueCheckoutPage.ts'),
        },
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  });
  return { outDir };
}
