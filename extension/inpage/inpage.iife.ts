// Runs in the page's own JavaScript world at document_start, before the page's scripts.
// Bundled self-contained (*.iife.ts): a MAIN-world script has no chrome.* API.
import { announceProvider } from './announceProvider.ts';
import { TpInpageProvider } from './TpInpageProvider.ts';

const provider = new TpInpageProvider(window);
if (!('ethereum' in window)) {
  Object.defineProperty(window, 'ethereum', {
    value: provider,
    configurable: true,
    writable: true,
  });
}
announceProvider(window, provider);
provider.announceConnection();
