import { describe, expect, it } from 'vitest';
import { limitToCapDraft } from './limitToCapDraft.ts';

const money = { currency: 'EUR', currencyDecimals: 2 };

describe('limitToCapDraft', () => {
  it('shows a fiat cap in whole units of the wallet currency', () => {
    expect(
      limitToCapDraft({
        limit: { window: 'day', unit: { kind: 'fiat' }, amount: '5050', whenExceeded: 'step-up' },
        key: 7,
        ...money,
      }),
    ).toEqual({
      key: 7,
      window: 'day',
      unitKey: 'fiat',
      amountText: '50.5',
      whenExceeded: 'step-up',
    });
  });

  it('shows a token cap in whole tokens, exact to the last base unit, keyed by chain and address', () => {
    const draft = limitToCapDraft({
      limit: {
        window: 'week',
        unit: {
          kind: 'token',
          chainId: 1,
          asset: '0x6B175474E89094C44Da98b954EedeAC495271d0F',
          symbol: 'DAI',
          decimals: 18,
        },
        amount: '1000000000000000001',
        whenExceeded: 'block',
      },
      key: 1,
      ...money,
    });
    expect(draft.amountText).toBe('1.000000000000000001');
    expect(draft.unitKey).toBe('token:1:0x6b175474e89094c44da98b954eedeac495271d0f');
  });

  it('leaves the amount empty for a stored amount that is not a decimal integer', () => {
    expect(
      limitToCapDraft({
        limit: { window: 'hour', unit: { kind: 'fiat' }, amount: '-1', whenExceeded: 'confirm' },
        key: 1,
        ...money,
      }).amountText,
    ).toBe('');
  });
});
