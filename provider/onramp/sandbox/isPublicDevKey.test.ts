import { generatePrivateKey } from 'viem/accounts';
import { describe, expect, test } from 'vitest';
import { isPublicDevKey } from './isPublicDevKey.ts';

describe('isPublicDevKey', () => {
  test("recognizes Hardhat's account 0 and account 19", () => {
    expect(
      isPublicDevKey('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'),
    ).toBe(true);
    expect(
      isPublicDevKey('0xdf57089febbacf7ba0bc227dafbffa9fc08a93fdc68e1e42411a14efcf23656e'),
    ).toBe(true);
  });

  test('a fresh random key is not public', () => {
    expect(isPublicDevKey(generatePrivateKey())).toBe(false);
  });
});
