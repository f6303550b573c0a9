import { describe, expect, it } from 'vitest';
import { explorerTransactionUrl } from './explorerTransactionUrl.ts';

const hash = `0x${'ab'.repeat(32)}`;

describe('explorerTransactionUrl', () => {
  it('links a transaction on a built-in chain with an explorer', () => {
    expect(explorerTransactionUrl(1, hash)).toBe(`https://etherscan.io/tx/${hash}`);
    expect(explorerTransactionUrl(8453, hash)).toBe(`https://basescan.org/tx/${hash}`);
  });

  it('has no link for the dev chain or a chain it does not ship with', () => {
    expect(explorerTransactionUrl(31337, hash)).toBeUndefined();
    expect(explorerTransactionUrl(999_999, hash)).toBeUndefined();
  });

  it('never builds a link from something that is not a transaction hash', () => {
    expect(explorerTransactionUrl(1, '0x1234')).toBeUndefined();
    expect(explorerTransactionUrl(1, `${hash}/../../evil`)).toBeUndefined();
  });
});

describe('explorerTransactionUrl with the wallet’s networks', () => {
  const added = {
    chainId: 7777,
    name: 'Site Chain',
    nativeCurrency: { name: 'SITE', symbol: 'SITE', decimals: 18 },
    blockExplorerUrl: 'https://explorer.site.example/',
    tokens: [],
    isAddedBySite: true,
  };

  it('links a transaction on a network a site added, with the explorer the user approved', () => {
    expect(explorerTransactionUrl(7777, hash, [added])).toBe(
      `https://explorer.site.example/tx/${hash}`,
    );
  });

  it('never links an explorer that is not https', () => {
    for (const blockExplorerUrl of [
      'http://explorer.site.example',
      'javascript:alert(1)//',
      'not a url',
    ])
      expect(explorerTransactionUrl(7777, hash, [{ ...added, blockExplorerUrl }])).toBeUndefined();
  });
});
