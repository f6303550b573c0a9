import { walletIcon, walletName, walletRdns } from './walletInfo.ts';

/**
 * EIP-6963: announce now, and again whenever a dapp asks. The detail is frozen so a page cannot
 * tamper with what other scripts receive.
 */
export function announceProvider(target: Window, provider: object): void {
  const info = Object.freeze({
    uuid: crypto.randomUUID(),
    name: walletName,
    icon: walletIcon,
    rdns: walletRdns,
  });
  const detail = Object.freeze({ info, provider });
  const announce = () => {
    target.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
  };
  target.addEventListener('eip6963:requestProvider', announce);
  announce();
}
