import type { Address } from 'viem';

/** The one thing the demo shop sells, and how it wants to be paid. */
export const demoProduct = {
  id: 'house-blend-250g',
  name: 'House Blend, 250 g',
  description: 'Medium roast, notes of cocoa and hazelnut. Pay with stablecoins or ETH.',
  /** 19.99 EUR in ISO 4217 minor units (cents). */
  amountMinor: '1999',
  currency: 'EUR',
  priceLabel: '€19.99',
} as const;

/** The dev chain (31337) and where the shop is paid on it: dev account #1, a public test key. */
export const demoShopChainId = 31337;
export const demoShopRecipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
