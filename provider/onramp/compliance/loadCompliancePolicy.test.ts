import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import { InvalidOnrampConfigError } from '../errors.ts';
import { checkCompliance } from './checkCompliance.ts';
import { loadCompliancePolicy } from './loadCompliancePolicy.ts';

const examplePath = fileURLToPath(new URL('./example-compliance.json', import.meta.url));
const wallet = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('loadCompliancePolicy', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tp-compliance-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function load(json: unknown, files: Record<string, string> = {}) {
    for (const [name, text] of Object.entries(files)) await writeFile(join(directory, name), text);
    const path = join(directory, 'policy.json');
    await writeFile(path, typeof json === 'string' ? json : JSON.stringify(json));
    return loadCompliancePolicy({ path });
  }

  test('the example policy loads and refuses what it says', async () => {
    const policy = await loadCompliancePolicy({ path: examplePath });
    const order = (country: string, fiatAmountMinor: bigint, walletAddress = wallet) =>
      checkCompliance({
        policy,
        country,
        walletAddress,
        fiatCurrency: fiatCurrency('EUR'),
        fiatAmountMinor,
      });
    expect(order('DE', 2500n)).toEqual({ isAllowed: true, region: 'eu' });
    expect(order('DE', 70_001n)).toMatchObject({
      refusal: { code: 'onramp_verification_required' },
    });
    expect(order('DE', 499n)).toMatchObject({ refusal: { code: 'onramp_amount_below_minimum' } });
    expect(order('KP', 2500n)).toMatchObject({ refusal: { code: 'onramp_country_not_served' } });
    expect(order('BR', 50_001n)).toMatchObject({
      refusal: { code: 'onramp_verification_required' },
    });
    expect(order('DE', 2500n, '0x15d34aaf54267db7d7c367839aaf71a00a2c6a65')).toMatchObject({
      refusal: { code: 'onramp_address_denied' },
    });
  });

  test('the deny-list file is read relative to the policy file', async () => {
    const policy = await load(
      {
        regions: [
          { name: 'all', countries: '*', rules: [{ type: 'deny_list', file: 'list.txt' }] },
        ],
      },
      { 'list.txt': `${wallet.toLowerCase()}\n` },
    );
    expect(
      checkCompliance({
        policy,
        country: 'DE',
        walletAddress: wallet,
        fiatCurrency: fiatCurrency('EUR'),
        fiatAmountMinor: 1n,
      }),
    ).toMatchObject({ isAllowed: false, refusal: { code: 'onramp_address_denied' } });
  });

  const broken: [string, unknown, RegExp][] = [
    ['not JSON', '{', /valid JSON/],
    ['no regions', { regions: [] }, /regions/],
    ['an unknown top-level field', { regions: [], extra: 1 }, /extra/],
    [
      'an unknown rule type',
      { regions: [{ name: 'a', countries: '*', rules: [{ type: 'kyc_magic' }] }] },
      /regions\[0\]\.rules\[0\]\.type.*amount_limits/s,
    ],
    [
      'a misspelled rule field',
      { regions: [{ name: 'a', countries: '*', rules: [{ type: 'amount_limits', limit: {} }] }] },
      /rules\[0\]\.limit\b/,
    ],
    [
      'a lower-case country',
      { regions: [{ name: 'a', countries: ['de'], rules: [] }] },
      /regions\[0\]\.countries/,
    ],
    [
      'a country in two regions',
      {
        regions: [
          { name: 'a', countries: ['DE'], rules: [] },
          { name: 'b', countries: ['FR', 'DE'], rules: [] },
        ],
      },
      /DE in one region only/,
    ],
    [
      'two * regions',
      {
        regions: [
          { name: 'a', countries: '*', rules: [] },
          { name: 'b', countries: '*', rules: [] },
        ],
      },
      /at most one region/,
    ],
    [
      'a minimum above the maximum',
      {
        regions: [
          {
            name: 'a',
            countries: '*',
            rules: [{ type: 'amount_limits', limits: { EUR: { minimum: '10', maximum: '5' } } }],
          },
        ],
      },
      /minimum ≤ maximum/,
    ],
    [
      'an amount with too many decimals',
      {
        regions: [
          {
            name: 'a',
            countries: '*',
            rules: [{ type: 'verification_threshold', above: { EUR: '1.001' } }],
          },
        ],
      },
      /at most 2 decimals/,
    ],
    [
      'an unknown currency',
      {
        regions: [
          {
            name: 'a',
            countries: '*',
            rules: [{ type: 'verification_threshold', above: { EUX: '1' } }],
          },
        ],
      },
      /ISO 4217/,
    ],
    [
      'a missing deny-list file',
      {
        regions: [{ name: 'a', countries: '*', rules: [{ type: 'deny_list', file: 'nope.txt' }] }],
      },
      /readable file/,
    ],
  ];
  for (const [name, json, message] of broken) {
    test(`refuses ${name}`, async () => {
      const loading = load(json);
      await expect(loading).rejects.toThrow(InvalidOnrampConfigError);
      await expect(load(json)).rejects.toThrow(message);
    });
  }
});
