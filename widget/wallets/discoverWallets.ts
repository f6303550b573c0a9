import type { WalletSummary } from '../checkoutFlow/CheckoutState.ts';
import type { Eip1193Provider } from './Eip1193Provider.ts';

export type DiscoveredWallet = WalletSummary & {
  readonly rdns: string | null;
  readonly provider: Eip1193Provider;
};

export type DiscoverWalletsParameters = {
  /** The page's window (any EventTarget with an optional `ethereum`, for tests). */
  target: EventTarget & { ethereum?: unknown };
  /** Called whenever the list changes. */
  onChange: (wallets: readonly DiscoveredWallet[]) => void;
};
export type DiscoverWalletsReturnType = {
  /** Announced wallets; or `window.ethereum` alone when none announced itself. */
  wallets(): readonly DiscoveredWallet[];
  stop(): void;
};

export const legacyWalletId = 'window.ethereum';
const maxNameLength = 60;
const maxIconLength = 100_000;

function isProvider(value: unknown): value is Eip1193Provider {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { request?: unknown }).request === 'function'
  );
}

/** The announcement's fields, checked: they come from any script on the page. */
function readAnnouncement(detail: unknown): DiscoveredWallet | null {
  if (typeof detail !== 'object' || detail === null) return null;
  const { info, provider } = detail as { info?: unknown; provider?: unknown };
  if (typeof info !== 'object' || info === null || !isProvider(provider)) return null;
  const { uuid, name, icon, rdns } = info as Record<string, unknown>;
  if (typeof uuid !== 'string' || uuid.length === 0 || uuid.length > 100) return null;
  if (typeof name !== 'string' || name.trim().length === 0) return null;
  const shownName = name.trim().slice(0, maxNameLength);
  // Shown only as <img src>, never as markup; other schemes are not what EIP-6963 allows.
  const isDataImage =
    typeof icon === 'string' &&
    icon.length <= maxIconLength &&
    /^data:image\/[a-z0-9.+-]+[;,]/i.test(icon);
  return {
    id: uuid,
    name: shownName,
    icon: isDataImage ? icon : null,
    rdns: typeof rdns === 'string' ? rdns.slice(0, 100) : null,
    provider,
  };
}

/**
 * Finds the page's wallets with EIP-6963: listens for `eip6963:announceProvider`, then asks with
 * `eip6963:requestProvider` (wallets that load later announce themselves on their own).
 * Announcements are deduplicated by `uuid`, the first one kept. When no wallet announces,
 * `window.ethereum` (EIP-1193's legacy global) stands in, read at the time of asking.
 */
export function discoverWallets({
  target,
  onChange,
}: DiscoverWalletsParameters): DiscoverWalletsReturnType {
  const announced = new Map<string, DiscoveredWallet>();

  const wallets = (): readonly DiscoveredWallet[] => {
    if (announced.size > 0) return [...announced.values()];
    const legacy = target.ethereum;
    if (!isProvider(legacy)) return [];
    return [
      { id: legacyWalletId, name: 'Browser wallet', icon: null, rdns: null, provider: legacy },
    ];
  };

  const onAnnounce = (event: Event) => {
    const wallet = readAnnouncement((event as CustomEvent<unknown>).detail);
    if (wallet === null || announced.has(wallet.id)) return;
    announced.set(wallet.id, wallet);
    onChange(wallets());
  };

  target.addEventListener('eip6963:announceProvider', onAnnounce);
  target.dispatchEvent(new Event('eip6963:requestProvider'));

  return {
    wallets,
    stop: () => {
      target.removeEventListener('eip6963:announceProvider', onAnnounce);
    },
  };
}
