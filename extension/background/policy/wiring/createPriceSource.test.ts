import { createServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { devChainTokens } from '../../../../shared/chains/devChainTokens.ts';
import { knownNetworks } from '../../../../shared/chains/networks.ts';
import { toAssetKey } from '../toAssetKey.ts';
import { valueInFiat } from '../valueInFiat.ts';
import { createPriceSource } from './createPriceSource.ts';

const devNetwork = { chainId: 31337, nativeSymbol: 'ETH', tokens: devChainTokens };
const [usdc, eurc] = devChainTokens;
const at = Date.parse('2026-03-02T10:00:00Z');
const now = () => new Date(at);

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A provider answering `GET /v1/rates` with `body` (a real HTTP server, as the wallet meets it). */
async function provider(body: unknown): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('createPriceSource', () => {
  it('prices the dev chain from its table: stablecoins with their peg, ETH at the local price', () => {
    const snapshot = createPriceSource({ now }).snapshot({ currency: 'EUR', network: devNetwork });
    const eurcQuote = snapshot.quotes.get(
      toAssetKey({ chainId: 31337, asset: eurc?.address ?? '0x' }),
    );
    expect(eurcQuote).toMatchObject({ symbol: 'EURC', decimals: 6, peg: 'EUR', observedAt: at });
    const value = valueInFiat({
      asset: { chainId: 31337, asset: usdc?.address ?? '0x' },
      amount: 10_000_000n,
      currency: 'EUR',
      prices: snapshot,
      now: at,
      maxPriceAgeSeconds: 600,
      stablecoinToleranceBasisPoints: 100,
    });
    expect(value).toEqual({ status: 'priced', value: 920n, basis: 'market' });
    expect(snapshot.quotes.get(toAssetKey({ chainId: 31337, asset: 'native' }))?.rate).toEqual({
      numerator: 2760n,
      denominator: 1n,
    });
  });

  it('gives no price on a real chain without a provider, and none to a token a site added', () => {
    const source = createPriceSource({ now });
    const mainnet = knownNetworks.find((network) => network.chainId === 1);
    const snapshot = source.snapshot({
      currency: 'EUR',
      network: { chainId: 1, nativeSymbol: 'ETH', tokens: mainnet?.tokens ?? [] },
    });
    expect(snapshot.quotes.size).toBe(0);
    const watched = source.snapshot({
      currency: 'EUR',
      network: {
        ...devNetwork,
        tokens: [
          { address: '0x1111111111111111111111111111111111111111', symbol: 'USDC', decimals: 6 },
        ],
      },
    });
    expect(
      watched.quotes.has(
        toAssetKey({ chainId: 31337, asset: '0x1111111111111111111111111111111111111111' }),
      ),
    ).toBe(false);
  });

  it('a price the user typed ages from when it was set, so it goes stale', () => {
    const source = createPriceSource({
      now,
      settings: { localRates: { 'ETH/EUR': '2500' }, localRatesObservedAt: at - 3_600_000 },
    });
    const quote = source
      .snapshot({ currency: 'EUR', network: devNetwork })
      .quotes.get(toAssetKey({ chainId: 31337, asset: 'native' }));
    expect(quote?.observedAt).toBe(at - 3_600_000);
  });

  it("reads a provider's agreeing rates with the oldest source's time, for every chain", async () => {
    const url = await provider({
      rates: [
        {
          pair: 'USDC/EUR',
          status: 'ok',
          rate: { numerator: '93', denominator: '100' },
          sources: [
            { source: 'a', observed_at: '2026-03-02T09:59:00.000Z' },
            { source: 'b', observed_at: '2026-03-02T09:58:00.000Z' },
          ],
        },
        { pair: 'ETH/EUR', status: 'unavailable', rate: null, sources: [] },
        { pair: 'DAI/EUR', status: 'ok', rate: { numerator: '-1', denominator: '1' }, sources: [] },
      ],
    });
    const source = createPriceSource({ now, settings: { providerUrl: url } });
    await source.refresh();
    const mainnet = knownNetworks.find((network) => network.chainId === 1);
    const snapshot = source.snapshot({
      currency: 'EUR',
      network: { chainId: 1, nativeSymbol: 'ETH', tokens: mainnet?.tokens ?? [] },
    });
    const usdcMainnet = mainnet?.tokens.find((token) => token.symbol === 'USDC');
    expect(
      snapshot.quotes.get(toAssetKey({ chainId: 1, asset: usdcMainnet?.address ?? '0x' })),
    ).toMatchObject({
      rate: { numerator: 93n, denominator: 100n },
      observedAt: Date.parse('2026-03-02T09:58:00.000Z'),
      peg: 'USD',
    });
    expect(snapshot.quotes.has(toAssetKey({ chainId: 1, asset: 'native' }))).toBe(false);
    expect(snapshot.quotes.size).toBe(1);
  });

  it('a provider that answers garbage prices nothing and does not throw', async () => {
    const url = await provider('not rates');
    const source = createPriceSource({ now, settings: { providerUrl: url } });
    await expect(source.refresh()).resolves.toBeUndefined();
    expect(
      source.snapshot({ currency: 'EUR', network: { chainId: 1, nativeSymbol: 'ETH', tokens: [] } })
        .quotes.size,
    ).toBe(0);
  });
});
