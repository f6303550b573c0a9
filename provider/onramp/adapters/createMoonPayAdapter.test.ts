import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { findChainAsset } from '../../../shared/chains/findChainAsset.ts';
import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import { createMoonPayAdapter } from './createMoonPayAdapter.ts';

const usdc = findChainAsset({ chainId: 31337, symbol: 'USDC' });
if (usdc === undefined) throw new Error('USDC is a dev chain asset');

const adapter = createMoonPayAdapter({
  environment: 'sandbox',
  publishableKey: 'pk_test_key',
  secretKey: 'sk_test_key',
  webhookKey: 'wk_test',
  currencyCodes: { '31337:USDC': 'usdc' },
  fiatCurrencies: ['USD', 'EUR'],
  fees: { adapterFeeBasisPoints: 450, networkFeeWei: {} },
});

const order = {
  id: 'oro_0123456789abcdef0123456789abcdef',
  asset: usdc,
  walletAddress: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  fiatCurrency: fiatCurrency('USD'),
  fiatAmountMinor: 1293n,
  cryptoAmount: 12_340_000n,
  country: 'DE',
  redirectUrl: 'https://shop.example/return?order=7&x=a b',
};

describe('createMoonPayAdapter', () => {
  test('builds the sandbox widget URL from the documented parameters, signed last', async () => {
    const { hostedUrl, adapterOrderId } = await adapter.createOrder({
      order,
      providerUrl: 'http://127.0.0.1:8787',
    });
    const url = new URL(hostedUrl);
    expect(url.origin).toBe('https://buy-sandbox.moonpay.com');
    expect([...url.searchParams.keys()]).toEqual([
      'apiKey',
      'currencyCode',
      'walletAddress',
      'baseCurrencyCode',
      'baseCurrencyAmount',
      'lockAmount',
      'externalTransactionId',
      'redirectURL',
      'signature',
    ]);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      apiKey: 'pk_test_key',
      currencyCode: 'usdc',
      walletAddress: order.walletAddress,
      baseCurrencyCode: 'usd',
      baseCurrencyAmount: '12.93',
      externalTransactionId: order.id,
      redirectURL: order.redirectUrl,
    });
    // The signature is MoonPay's: base64 HMAC-SHA256 with the secret key over the query string
    // before `&signature=`.
    const unsigned = url.search.slice(0, url.search.indexOf('&signature='));
    const expected = createHmac('sha256', 'sk_test_key').update(unsigned).digest('base64');
    expect(url.searchParams.get('signature')).toBe(expected);
    expect(adapterOrderId).toBeNull();
  });

  test('sells only the configured assets and currencies', () => {
    expect(adapter.supports({ chainId: 31337, symbol: 'USDC', fiatCurrency: 'USD' })).toBe(true);
    expect(adapter.supports({ chainId: 31337, symbol: 'DAI', fiatCurrency: 'USD' })).toBe(false);
    expect(adapter.supports({ chainId: 31337, symbol: 'USDC', fiatCurrency: 'GBP' })).toBe(false);
  });

  test('production uses buy.moonpay.com', async () => {
    const production = createMoonPayAdapter({
      environment: 'production',
      publishableKey: 'pk_live_x',
      secretKey: 'sk_live_x',
      webhookKey: 'wk_live_x',
      currencyCodes: { '31337:USDC': 'usdc' },
      fiatCurrencies: ['USD'],
      fees: { adapterFeeBasisPoints: 450, networkFeeWei: {} },
    });
    const { hostedUrl } = await production.createOrder({
      order: { ...order, redirectUrl: null },
      providerUrl: 'https://pay.example',
    });
    expect(new URL(hostedUrl).origin).toBe('https://buy.moonpay.com');
    expect(new URL(hostedUrl).searchParams.has('redirectURL')).toBe(false);
  });
});
