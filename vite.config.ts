import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { readExtensionManifest } from './scripts/build/extensionManifest.ts';

// The MV3 extension: service worker, content bridge, MAIN-world inpage script and UI pages.
// `inpage.iife.ts` is bundled self-contained: a MAIN-world script has no chrome.* API, so it
// cannot use crxjs's loader (see DESIGN.md, notes checked on this machine).
export default defineConfig({
  publicDir: 'extension/public',
  plugins: [crx({ manifest: readExtensionManifest() })],
  build: {
    outDir: 'dist/extension',
    emptyOutDir: true,
    target: 'chrome111',
    sourcemap: true,
    // Pages the manifest does not name: the onboarding tab (opened by the popup and the worker)
    // and the approval window (opened by the worker for site requests).
    rolldownOptions: {
      input: {
        onboarding: 'extension/ui/onboarding/onboarding.html',
        approval: 'extension/ui/approval/approval.html',
      },
    },
  },
  server: { strictPort: true },
});
