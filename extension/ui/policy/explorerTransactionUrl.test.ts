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
