import { describe, expect, it } from 'vitest';
import type { DiscoveredWallet } from './discoverWallets.ts';
import { discoverWallets, legacyWalletId } from './discoverWallets.ts';

const provider = { request: () => Promise.resolve(null) };
const icon = 'data:image/svg+xml;base64,PHN2Zy8+';

/** A page stand-in: wallets answer `eip6963:requestProvider` by announcing themselves. */
function pageWith(
  wallets: readonly { uuid: string; name: string; icon?: string }[],
  ethereum?: unknown,
) {
  const target = new EventTarget() as EventTarget & { ethereum?: unknown };
  if (ethereum !== undefined) target.ethereum = ethereum;
  const announce = (info: object) =>
    target.dispatchEvent(
      new CustomEvent('eip6963:announceProvider', {
        detail: { info: { rdns: 'com.example', icon, ...info }, provider },
      }),
    );
  target.addEventListener('eip6963:requestProvider', () => {
    for (const wallet of wallets) announce(wallet);
  });
  return { target, announce };
}

describe('discoverWallets', () => {
  it('asks the page for wallets and lists each announcement once, by uuid', () => {
    const { target, announce } = pageWith([
      { uuid: 'a', name: 'TP Wallet' },
      { uuid: 'b', name: 'Other' },
    ]);
    const seen: (readonly DiscoveredWallet[])[] = [];
    const discovery = discoverWallets({ target, onChange: (wallets) => seen.push(wallets) });
    announce({ uuid: 'a', name: 'TP Wallet again' });
    expect(
      discovery.wallets().map(({ id, name, icon: shown }) => ({ id, name, icon: shown })),
    ).toEqual([
      { id: 'a', name: 'TP Wallet', icon },
      { id: 'b', name: 'Other', icon },
    ]);
    expect(seen).toHaveLength(2);
  });

  it('picks up a wallet that announces itself later, until stopped', () => {
    const { target, announce } = pageWith([]);
    const discovery = discoverWallets({ target, onChange: () => undefined });
    expect(discovery.wallets()).toEqual([]);
    announce({ uuid: 'late', name: 'Late' });
    expect(discovery.wallets().map((wallet) => wallet.id)).toEqual(['late']);
    discovery.stop();
    announce({ uuid: 'later', name: 'Later' });
    expect(discovery.wallets().map((wallet) => wallet.id)).toEqual(['late']);
  });

  it('falls back to window.ethereum only while no wallet announced itself', () => {
    const { target, announce } = pageWith([], provider);
    const discovery = discoverWallets({ target, onChange: () => undefined });
    expect(discovery.wallets().map((wallet) => wallet.id)).toEqual([legacyWalletId]);
    announce({ uuid: 'a', name: 'TP Wallet' });
    expect(discovery.wallets().map((wallet) => wallet.id)).toEqual(['a']);
  });

  it('drops malformed announcements and icons that are not data images', () => {
    const { target, announce } = pageWith([]);
    const discovery = discoverWallets({ target, onChange: () => undefined });
    announce({ uuid: '', name: 'No id' });
    announce({ uuid: 'c', name: '   ' });
    target.dispatchEvent(
      new CustomEvent('eip6963:announceProvider', {
        detail: { info: { uuid: 'd', name: 'No provider' } },
      }),
    );
    announce({ uuid: 'e', name: 'Remote icon', icon: 'https://evil.example/x.svg' });
    announce({ uuid: 'f', name: 'Script icon', icon: 'javascript:alert(1)' });
    announce({ uuid: 'g', name: 'x'.repeat(500) });
    const wallets = discovery.wallets();
    expect(wallets.map((wallet) => [wallet.id, wallet.icon])).toEqual([
      ['e', null],
      ['f', null],
      ['g', icon],
    ]);
    expect(wallets[2]?.name).toHaveLength(60);
  });
});
