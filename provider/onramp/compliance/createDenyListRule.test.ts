import { describe, expect, test } from 'vitest';
import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import { createDenyListRule } from './createDenyListRule.ts';

const denied = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';
const rule = createDenyListRule({ addresses: new Set([denied]) });
const context = (walletAddress: string) => ({
  country: 'DE',
  walletAddress,
  fiatCurrency: fiatCurrency('EUR'),
  fiatAmountMinor: 1000n,
  region: 'eu',
});

describe('createDenyListRule', () => {
  test('a listed address is refused whatever its letter case', () => {
    for (const spelling of [denied, denied.toLowerCase(), `0x${denied.slice(2).toUpperCase()}`]) {
      expect(rule.check(context(spelling))).toMatchObject({
        code: 'onramp_address_denied',
        param: 'wallet_address',
      });
    }
  });

  test('another address passes', () => {
    expect(rule.check(context('0x70997970C51812dc3A010C7d01b50e0d17dc79C8'))).toBeUndefined();
  });

  test('a listed address with a wrong mixed-case checksum is still refused', () => {
    expect(rule.check(context('0x15D34AAf54267DB7D7c367839AAf71A00a2C6A65'))).toMatchObject({
      code: 'onramp_address_denied',
    });
  });

  test('something that is not an address never passes', () => {
    expect(rule.check(context('0x15d3'))).toMatchObject({ code: 'onramp_address_denied' });
  });
});
