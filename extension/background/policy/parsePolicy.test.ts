import { describe, expect, it } from 'vitest';
import { InvalidPolicyError } from './errors.ts';
import type { PolicyState } from './Policy.ts';
import { createDefaultPolicy } from './createDefaultPolicy.ts';
import { createSitePolicy } from './createSitePolicy.ts';
import { parsePolicy } from './parsePolicy.ts';
import { serializePolicy } from './serializePolicy.ts';

const usdc = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const shop = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

function fullPolicy(): PolicyState {
  const policy = createDefaultPolicy({ currency: 'EUR' });
  const trusted = createSitePolicy({ preset: 'trusted-shop', currency: 'EUR' });
  return {
    ...policy,
    sites: new Map([
      [
        'https://shop.example',
        {
          ...trusted,
          preset: 'custom',
          limits: [
            ...trusted.limits,
            {
              window: 'week',
              unit: { kind: 'token', chainId: 31337, asset: usdc, symbol: 'USDC', decimals: 6 },
              amount: 100_000_000n,
              whenExceeded: 'step-up',
            },
          ],
          allowedChainIds: [31337],
          allowedAssets: [
            { chainId: 31337, asset: 'native' },
            { chainId: 31337, asset: usdc },
          ],
          allowedRecipients: [shop],
          grants: [
            {
              id: 'grant-1',
              chainId: 31337,
              asset: usdc,
              recipient: shop,
              amount: 10_000_000n,
              periodSeconds: 2_592_000,
              startTime: 1_770_000_000,
              endTime: 1_800_000_000,
              justification: 'Monthly plan',
              source: 'site-request',
              createdAt: 1_770_000_000,
            },
          ],
        },
      ],
      ['http://127.0.0.1:5173', createSitePolicy({ preset: 'micropayments', currency: 'EUR' })],
    ]),
  };
}

/** A JSON round trip, as storage.local does it. */
const stored = (policy: PolicyState): Record<string, unknown> =>
  JSON.parse(JSON.stringify(serializePolicy(policy))) as Record<string, unknown>;

function expectInvalid(value: unknown, field: string): void {
  try {
    parsePolicy(value);
    expect.unreachable('parsePolicy accepted it');
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidPolicyError);
    expect((error as InvalidPolicyError).details.field).toBe(field);
  }
}

describe('parsePolicy', () => {
  it('reads back exactly what serializePolicy wrote through JSON', () => {
    const policy = fullPolicy();
    expect(parsePolicy(stored(policy))).toEqual(policy);
  });

  it('accepts the in-memory form too', () => {
    const policy = fullPolicy();
    expect(parsePolicy(policy)).toEqual(policy);
  });

  it('checksums addresses given in lower case', () => {
    const json = stored(fullPolicy());
    const sites = json.sites as Record<string, { allowedRecipients: string[] }>;
    const site = sites['https://shop.example'];
    if (site === undefined) throw new Error('fixture');
    site.allowedRecipients = [shop.toLowerCase()];
    expect(parsePolicy(json).sites.get('https://shop.example')?.allowedRecipients).toEqual([shop]);
  });

  it('names the field of a malformed amount', () => {
    const json = stored(fullPolicy());
    const [limit] = json.walletLimits as { amount: unknown }[];
    if (limit === undefined) throw new Error('fixture');
    limit.amount = '12.5';
    expectInvalid(json, 'walletLimits[0].amount');
    limit.amount = 125;
    expectInvalid(json, 'walletLimits[0].amount');
    limit.amount = (2n ** 256n).toString();
    expectInvalid(json, 'walletLimits[0].amount');
  });

  it('refuses auto as the action when a limit is exceeded', () => {
    const json = stored(fullPolicy());
    const [limit] = json.walletLimits as { whenExceeded: unknown }[];
    if (limit === undefined) throw new Error('fixture');
    limit.whenExceeded = 'auto';
    expectInvalid(json, 'walletLimits[0].whenExceeded');
  });

  it('refuses unknown keys, so a typo never silently drops a rule', () => {
    const json = stored(fullPolicy());
    (json.siteDefaults as Record<string, unknown>).confirmNewRecipient = true;
    expectInvalid(json, 'siteDefaults.confirmNewRecipient');
  });

  it('refuses a site key that is not an exact origin', () => {
    const json = stored(fullPolicy());
    (json.sites as Record<string, unknown>)['https://shop.example/path'] = json.siteDefaults;
    expectInvalid(json, 'sites["https://shop.example/path"]');
  });

  it('refuses a grant that ends before it starts, or pays nothing', () => {
    const json = stored(fullPolicy());
    const grant = (json.sites as Record<string, { grants: Record<string, unknown>[] }>)[
      'https://shop.example'
    ]?.grants[0];
    if (grant === undefined) throw new Error('fixture');
    grant.endTime = grant.startTime;
    expectInvalid(json, 'sites["https://shop.example"].grants[0].endTime');
    delete grant.endTime;
    grant.amount = '0';
    expectInvalid(json, 'sites["https://shop.example"].grants[0].amount');
  });

  it('refuses an unknown currency and a wrong version', () => {
    expectInvalid({ ...stored(fullPolicy()), currency: 'EURO' }, 'currency');
    expectInvalid({ ...stored(fullPolicy()), version: 2 }, 'version');
    expectInvalid('{}', 'policy');
  });
});

describe('createSitePolicy', () => {
  it('makes "Ask every time" confirm every payment', () => {
    expect(createSitePolicy({ preset: 'ask', currency: 'EUR' })).toMatchObject({
      payments: 'confirm',
      limits: [],
    });
  });

  it('makes "Trusted shop" automatic up to 20.00 per payment and 50.00 per day', () => {
    expect(createSitePolicy({ preset: 'trusted-shop', currency: 'EUR' })).toMatchObject({
      payments: 'auto',
      confirmNewRecipients: true,
      limits: [
        { window: 'transaction', amount: 2000n, whenExceeded: 'confirm' },
        { window: 'day', amount: 5000n, whenExceeded: 'confirm' },
      ],
    });
  });

  it('scales the defaults to the currency, never down to nothing', () => {
    const kuwait = createSitePolicy({ preset: 'micropayments', currency: 'KWD' });
    expect(kuwait.limits.map((limit) => limit.amount)).toEqual([100n, 2000n]);
    const yen = createSitePolicy({ preset: 'micropayments', currency: 'JPY' });
    expect(yen.limits.map((limit) => limit.amount)).toEqual([1n, 2n]);
  });

  it('makes "Subscriptions only" refuse payments outside grants and keeps the grants', () => {
    const grants = fullPolicy().sites.get('https://shop.example')?.grants ?? [];
    expect(createSitePolicy({ preset: 'subscriptions', currency: 'EUR', grants })).toMatchObject({
      payments: 'block',
      grants,
    });
  });
});
