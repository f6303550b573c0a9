import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { knownNetworks } from '../../../../shared/chains/networks.ts';
import type { SitePolicyJson } from '../../../../shared/protocol/policyMessages.ts';
import { NetworkStore } from '../../dapp/NetworkStore.ts';
import type { WalletNetwork } from '../../dapp/NetworkStore.ts';
import { SitePermissions } from '../../dapp/SitePermissions.ts';
import { parseAddEthereumChainRequest } from '../../dapp/parseAddEthereumChainRequest.ts';
import { createMemoryStorageArea } from '../../wallet/StorageArea.ts';
import type { PolicyRequest } from '../PolicyRequest.ts';
import { decide } from '../decide.ts';
import { PolicyController } from './PolicyController.ts';
import { createPolicyUiActions } from './createPolicyUiActions.ts';
import { createPriceSource } from './createPriceSource.ts';

const now = () => new Date('2026-03-02T10:00:00Z');
const origin = 'https://shop.example';
const merchant = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const siteChainId = 7777;
/** A token a site asked the wallet to watch on the chain it added, named like the real USDC. */
const watchedUsdc = '0x3333333333333333333333333333333333333333';
const otherUsdc = '0x4444444444444444444444444444444444444444';
const devUsdc = knownNetworks.find((network) => network.chainId === 31337)?.tokens[0]?.address;

/** The worker's pieces over in-memory storage, after a site added chain 7777 and a token on it. */
async function setup() {
  const local = createMemoryStorageArea();
  const networks = new NetworkStore(
    local,
    knownNetworks.map((network): WalletNetwork => ({
      chainId: network.chainId,
      name: network.name,
      rpcUrls: network.rpcUrls,
      nativeSymbol: network.nativeCurrency.symbol,
      tokens: network.tokens,
    })),
  );
  const added = parseAddEthereumChainRequest({
    chainId: `0x${siteChainId.toString(16)}`,
    chainName: 'Site Chain',
    nativeCurrency: { name: 'Site coin', symbol: 'SITE', decimals: 18 },
    rpcUrls: ['https://rpc.site.example'],
  });
  await networks.add({
    ...added,
    tokens: [{ address: watchedUsdc, symbol: 'USDC', name: 'USDC', decimals: 6 }],
  });
  const controller = new PolicyController({
    local,
    now,
    prices: createPriceSource({ now }),
    ledgerName: `ledger-${crypto.randomUUID()}`,
    activityName: `activity-${crypto.randomUUID()}`,
  });
  await controller.ready();
  const actions = createPolicyUiActions({
    controller,
    permissions: new SitePermissions(local),
    networks,
    onDisconnect: () => undefined,
    now,
  });
  return { controller, actions };
}

/** A transfer of `amount` base units of `asset` on `chainId` to the merchant. */
function payment(chainId: number, asset: `0x${string}`, amount: bigint): PolicyRequest {
  return {
    origin,
    chainId,
    extraction: {
      spends: [
        { kind: 'transfer', chainId, asset, amount, recipient: merchant, isUnlimited: false },
      ],
      isProvable: true,
    },
  };
}

describe('createPolicyUiActions getSite', () => {
  it('gives the site page the wallet’s networks: built-in ones and the one a site added', async () => {
    const { actions } = await setup();
    const { site, networks } = await actions.getSite({ origin });
    expect(site.origin).toBe(origin);
    expect(networks.map((network) => network.chainId)).toEqual([
      ...knownNetworks.map((network) => network.chainId),
      siteChainId,
    ]);
    expect(networks.at(-1)).toMatchObject({
      name: 'Site Chain',
      nativeCurrency: { symbol: 'SITE', decimals: 18 },
      isAddedBySite: true,
      tokens: [{ address: watchedUsdc, symbol: 'USDC', isAddedBySite: true }],
    });
  });

  it('saves a site limited to that network and token, capped in the token, and decide keeps to it', async () => {
    const { actions, controller } = await setup();
    // Nothing prices a site's token: a wallet-wide cap in fiat would make every payment ask.
    await actions.setWalletLimits({ walletLimits: [] });
    const { site } = await actions.getSite({ origin });
    const policy: SitePolicyJson = {
      ...site.policy,
      preset: 'custom',
      payments: 'auto',
      allowedChainIds: [siteChainId],
      allowedAssets: [{ chainId: siteChainId, asset: watchedUsdc }],
      whenNotAllowed: 'block',
      limits: [
        {
          window: 'day',
          unit: {
            kind: 'token',
            chainId: siteChainId,
            asset: watchedUsdc,
            symbol: 'USDC',
            decimals: 6,
          },
          amount: '5000000',
          whenExceeded: 'block',
        },
      ],
    };
    const saved = await actions.setSitePolicy({ origin, policy });
    expect(saved.site.policy).toMatchObject({
      allowedChainIds: [siteChainId],
      allowedAssets: [{ chainId: siteChainId, asset: watchedUsdc }],
      limits: policy.limits,
    });

    const ask = (request: PolicyRequest) =>
      decide({
        policy: controller.state,
        ledger: controller.ledger.view,
        request,
        prices: { currency: 'EUR', quotes: new Map() },
        now: now(),
      });
    const inside = ask(payment(siteChainId, watchedUsdc, 3_000_000n));
    expect(inside.action).toBe('auto');
    expect(inside.reasons).toContainEqual(
      expect.objectContaining({
        rule: 'limit',
        used: 0n,
        amount: 3_000_000n,
        remaining: 2_000_000n,
      }),
    );
    expect(ask(payment(siteChainId, watchedUsdc, 6_000_000n)).action).toBe('block');
    // Same symbol, another address on the same chain: not the allowed token.
    expect(ask(payment(siteChainId, otherUsdc, 1n)).reasons).toContainEqual(
      expect.objectContaining({ rule: 'asset-not-allowed', action: 'block' }),
    );
    // The wallet's own USDC on the dev chain: neither the network nor the token is allowed.
    if (devUsdc === undefined) throw new Error('the dev chain lists USDC');
    const rules = ask(payment(31337, devUsdc, 1n)).reasons.map((reason) => reason.rule);
    expect(rules).toEqual(expect.arrayContaining(['chain-not-allowed', 'asset-not-allowed']));
  });
});

describe('createPolicyUiActions listActivity', () => {
  it('answers the wallet networks with the entries, so a site-added network links its explorer', async () => {
    const { actions } = await setup();
    const { entries, networks } = await actions.listActivity({});
    expect(entries).toEqual([]);
    const added = networks.find((network) => network.chainId === siteChainId);
    expect(added).toMatchObject({ name: 'Site Chain', isAddedBySite: true });
    expect(networks.map((network) => network.chainId)).toEqual(
      expect.arrayContaining(knownNetworks.map((network) => network.chainId)),
    );
  });
});
