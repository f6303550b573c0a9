// Runs in the page's own JavaScript world at document_start, before the page's scripts.
// Bundled self-contained (*.iife.ts): a MAIN-world script has no chrome.* API.
import { announceProvider } from './announceProvider.ts';
import { TpInpageProvider } from './TpInpageProvider.ts';

const provider = new TpInpageProvider(window);

// window.ethereum only when no other wallet set it, unless the user made TP Wallet the default:
// then it is pinned, so wallets or scripts that assign it later keep finding TP Wallet.
if (!('ethereum' in window)) {
  Object.defineProperty(window, 'ethereum', {
    value: provider,
    configurable: true,
    writable: true,
  });
}
provider.onBecomeDefault = () => {
  try {
    Object.defineProperty(window, 'ethereum', {
      get: () => provider,
      set: () => undefined,
      configurable: false,
    });
  } catch {
    // Another wallet already pinned it; EIP-6963 still finds us.
  }
};
announceProvider(window, provider);
provider.announceConnection();
