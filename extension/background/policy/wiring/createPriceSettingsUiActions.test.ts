import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { knownNetworks } from '../../../../shared/chains/networks.ts';
import { createMemoryStorageArea } from '../../wallet/StorageArea.ts';
import { PolicyController, policyStateFields } from './PolicyController.ts';
import { createPriceSettingsUiActions } from './createPriceSettingsUiActions.ts';
import { createPriceSource } from './createPriceSource.ts';

const now = () => new Date('2026-03-02T10:00:00Z');
const devChain = knownNetworks.find((network) => network.chainId === 31337);
if (devChain === undefined) throw new Error('the dev chain is a known network');
const networks = {
  list: () =>
    Promise.resolve([
      {
        chainId: devChain.chainId,
        name: devChain.name,
        rpcUrls: devChain.rpcUrls,
        nativeSymbol: devChain.nativeCurrency.symbol,
        tokens: devChain.tokens,
      },
    ]),
};

async function setup() {
  const local = createMemoryStorageArea();
  const prices = createPriceSource({ now });
  const controller = new PolicyController({
    local,
    now,
    prices,
    ledgerName: `ledger-${crypto.randomUUID()}`,
    activityName: `activity-${crypto.randomUUID()}`,
  });
  await controller.ready();
  const actions = createPriceSettingsUiActions({ controller, networks, now });
  return { local, controller, actions };
}

describe('createPriceSettingsUiActions', () => {
  it('shows the currency, no provider, and the fiat caps a change would convert', async () => {
    const { actions } = await setup();
    // The new wallet's 200.00 € a day across all sites, and its network-fee cap.
    await expect(actions.getPriceSettings({})).resolves.toEqual({
      currency: 'EUR',
      fiatLimitCount: 2,
    });
  });

  it('suggests a rate from an asset priced in both currencies, saying which', async () => {
    const { actions } = await setup();
    // The dev chain's table: ETH 2760 EUR / 3000 USD → 1 EUR = 1.086956… USD.
    const view = await actions.getPriceSettings({ convertTo: 'USD' });
    expect(view.suggestedRate).toEqual({ to: 'USD', rate: '1.086956', basis: 'ETH' });
    const none = await actions.getPriceSettings({ convertTo: 'JPY' });
    expect(none.suggestedRate).toBeUndefined();
  });

  it('refuses a new currency without a rate while fiat caps are set, changing nothing', async () => {
    const { actions, controller } = await setup();
    await expect(actions.setPriceSettings({ currency: 'USD' })).rejects.toMatchObject({
      code: 'policy/currency-conversion-required',
      details: { from: 'EUR', to: 'USD', fiatLimitCount: 2 },
    });
    expect(controller.state.currency).toBe('EUR');
  });

  it('converts the caps at the confirmed rate, and stores the new currency', async () => {
    const { actions, controller, local } = await setup();
    const view = await actions.setPriceSettings({ currency: 'USD', conversionRate: '1.08' });
    expect(view.currency).toBe('USD');
    // 200.00 € → 216.00 $.
    expect(controller.state.walletLimits[0]?.amount).toBe(21_600n);
    const stored = local.items.get(policyStateFields.policy.key) as { currency: string };
    expect(stored.currency).toBe('USD');
  });

  it('keeps the amounts when no fiat cap exists (nothing to reinterpret)', async () => {
    const { actions, controller } = await setup();
    await controller.update((policy) => ({
      ...policy,
      walletLimits: [],
      maxAutoNetworkFee: undefined,
    }));
    await expect(actions.setPriceSettings({ currency: 'GBP' })).resolves.toMatchObject({
      currency: 'GBP',
      fiatLimitCount: 0,
    });
  });

  it('stores a provider as its origin, keeps the user’s own rates, and removes it with null', async () => {
    const { actions, local } = await setup();
    await local.set({ priceSettings: { localRates: { 'ETH/EUR': '2000' } } });
    await expect(
      actions.setPriceSettings({ providerUrl: 'https://pay.example/' }),
    ).resolves.toMatchObject({ providerUrl: 'https://pay.example' });
    expect(local.items.get('priceSettings')).toEqual({
      localRates: { 'ETH/EUR': '2000' },
      providerUrl: 'https://pay.example',
    });
    const view = await actions.setPriceSettings({ providerUrl: null });
    expect(view.providerUrl).toBeUndefined();
    expect(local.items.get('priceSettings')).toEqual({ localRates: { 'ETH/EUR': '2000' } });
  });

  it.each([
    [{ currency: 'usd' }, 'currency'],
    [{ currency: 'XYZ' }, 'currency'],
    [{ currency: 'USD', conversionRate: '0' }, 'conversionRate'],
    [{ currency: 'USD', conversionRate: '1,08' }, 'conversionRate'],
    [{ providerUrl: 'ftp://pay.example' }, 'providerUrl'],
    [{ providerUrl: 'https://pay.example/v1/rates' }, 'providerUrl'],
    [{ providerUrl: 'https://user:secret@pay.example' }, 'providerUrl'],
    [{ providerUrl: 'javascript:alert(1)' }, 'providerUrl'],
    [{ convertTo: 'euro' }, 'convertTo'],
  ])('refuses %j naming %s, changing nothing', async (params, param) => {
    const { actions, controller, local } = await setup();
    const action = 'convertTo' in params ? actions.getPriceSettings : actions.setPriceSettings;
    await expect(action(params)).rejects.toMatchObject({
      code: 'wallet/invalid-params',
      details: { param },
    });
    expect(controller.state.currency).toBe('EUR');
    expect(local.items.has('priceSettings')).toBe(false);
  });

  it('changes nothing at all when one of several fields is bad', async () => {
    const { actions, controller, local } = await setup();
    await expect(
      actions.setPriceSettings({ currency: 'USD', conversionRate: '1.08', providerUrl: 'nope' }),
    ).rejects.toMatchObject({ details: { param: 'providerUrl' } });
    expect(controller.state.currency).toBe('EUR');
    expect(local.items.has('priceSettings')).toBe(false);
  });
});
