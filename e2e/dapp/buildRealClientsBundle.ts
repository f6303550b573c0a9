import { build } from 'vite';

export const realClientsBundleDir = 'dist/e2e-dapp';

/** Bundles e2e/dapp/realClients.ts (viem, ethers, mipd) into one classic script for test pages. */
export async function buildRealClientsBundle(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: realClientsBundleDir,
      emptyOutDir: true,
      target: 'es2022',
      lib: {
        entry: 'e2e/dapp/realClients.ts',
        formats: ['iife'],
        name: 'tpRealClients',
        fileName: () => 'realClients.js',
      },
    },
  });
  return `${realClientsBundleDir}/realClients.js`;
}
