import { describe, expect, it } from 'vitest';
import type { LimitJson } from '../../../shared/protocol/policyMessages.ts';
import type { CapDraft } from './CapDraft.ts';
import { limitToCapDraft } from './limitToCapDraft.ts';
import { listCapUnits } from './listCapUnits.ts';
import { readCapDrafts } from './readCapDrafts.ts';

const usdcUnit = {
  kind: 'token',
  chainId: 31337,
  asset: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  symbol: 'USDC',
  decimals: 6,
} as const;
const usdcKey = `token:31337:${usdcUnit.asset.toLowerCase()}`;
const units = listCapUnits({ limits: [] });
const money = { currency: 'EUR', currencyDecimals: 2 };

const draft = (change: Partial<CapDraft> & { key: number }): CapDraft => ({
  window: 'day',
  unitKey: 'fiat',
  amountText: '10',
  whenExceeded: 'confirm',
  ...change,
});

describe('readCapDrafts', () => {
  it('turns rows into caps: fiat in minor units, a token in its base units with its identity', () => {
    const read = readCapDrafts({
      drafts: [
        draft({ key: 1, window: 'transaction', amountText: '20,50' }),
        draft({
          key: 2,
          window: 'week',
          unitKey: usdcKey,
          amountText: '30',
          whenExceeded: 'block',
        }),
      ],
      units,
      ...money,
    });
    expect(read).toEqual({
      ok: true,
      limits: [
        { window: 'transaction', unit: { kind: 'fiat' }, amount: '2050', whenExceeded: 'confirm' },
        { window: 'week', unit: usdcUnit, amount: '30000000', whenExceeded: 'block' },
      ],
    });
  });

  it('names every bad row and returns no caps at all', () => {
    const read = readCapDrafts({
      drafts: [
        draft({ key: 1 }),
        draft({ key: 2, amountText: '' }),
        draft({ key: 3, unitKey: usdcKey, amountText: '0.0000001' }),
        draft({ key: 4, unitKey: 'token:1:0xnothing' }),
      ],
      units,
      ...money,
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect([...read.problems]).toEqual([
      [2, { kind: 'empty' }],
      [3, { kind: 'decimals', symbol: 'USDC', decimals: 6 }],
      [4, { kind: 'unit' }],
    ]);
  });

  it('refuses a second cap over the same window in the same unit', () => {
    const read = readCapDrafts({
      drafts: [
        draft({ key: 1 }),
        draft({ key: 2, window: 'week' }),
        draft({ key: 3, amountText: '5' }),
      ],
      units,
      ...money,
    });
    expect(read.ok ? [] : [...read.problems]).toEqual([[3, { kind: 'duplicate' }]]);
  });

  it('reads back what limitToCapDraft shows, for any stored cap', () => {
    const stored: LimitJson[] = [
      { window: 'hour', unit: { kind: 'fiat' }, amount: '1', whenExceeded: 'step-up' },
      { window: '30-days', unit: usdcUnit, amount: '123456789', whenExceeded: 'confirm' },
      { window: 'day', unit: usdcUnit, amount: '0', whenExceeded: 'block' },
    ];
    const drafts = stored.map((limit, key) => limitToCapDraft({ limit, key, ...money }));
    expect(drafts.map((row) => row.amountText)).toEqual(['0.01', '123.456789', '0']);
    expect(readCapDrafts({ drafts, units: listCapUnits({ limits: stored }), ...money })).toEqual({
      ok: true,
      limits: stored,
    });
  });
});
