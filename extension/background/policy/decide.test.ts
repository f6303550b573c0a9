import { describe, expect, it } from 'vitest';
import { parseRate } from '../../../shared/money/parseRate.ts';
import type { Decision, DecisionReason, LimitReason } from './Decision.ts';
import type { Grant, PolicyState, SitePolicy } from './Policy.ts';
import type { PolicyRequest } from './PolicyRequest.ts';
import type { PriceSnapshot } from './PriceSnapshot.ts';
import { createLedgerCore } from './createLedgerCore.ts';
import { createSitePolicy } from './createSitePolicy.ts';
import { decide } from './decide.ts';
import {
  chainId,
  eurc,
  eurcPayment,
  fiatLimit,
  merchant,
  otherOrigin,
  policyWith,
  prices,
  request,
  shopOrigin,
  spend,
  start,
  stranger,
  usdc,
} from './fixtures/policyFixtures.ts';

const hour = 3_600_000;
const day = 24 * hour;
const trustedShop = createSitePolicy({ preset: 'trusted-shop', currency: 'EUR' });

function setUp(policy: PolicyState) {
  const ledger = createLedgerCore({ currency: 'EUR' });
  let counter = 0;
  /** A payment the user made (approved with the password, whatever it needed) and that settled. */
  const pay = (paid: PolicyRequest, at: number, snapshot: PriceSnapshot = prices(at)): void => {
    counter += 1;
    const { reservation } = ledger.reserve({
      id: `seed-${counter}`,
      kind: 'signature',
      policy,
      request: paid,
      prices: snapshot,
      approvedAction: 'step-up',
      now: at,
    });
    if (reservation !== undefined) ledger.settle({ reservationId: reservation.id, now: at });
  };
  const ask = (asked: PolicyRequest, at: number, snapshot: PriceSnapshot = prices(at)): Decision =>
    decide({ policy, ledger, request: asked, prices: snapshot, now: new Date(at) });
  return { ledger, pay, ask };
}

const rules = (decision: Decision): string[] =>
  decision.reasons
    .filter((reason) => reason.action === decision.action)
    .map((reason) => reason.rule);
const limitReason = (decision: Decision, window: string, scope = 'site'): LimitReason | undefined =>
  decision.reasons.find(
    (reason): reason is LimitReason =>
      reason.rule === 'limit' && reason.window === window && reason.scope === scope,
  );

describe('decide', () => {
  it('asks every time on a site with the default policy', () => {
    const policy = policyWith(trustedShop);
    const { ask } = setUp(policy);
    const decision = ask(eurcPayment(1, otherOrigin), start);
    expect(decision.action).toBe('confirm');
    expect(decision.reasons).toContainEqual({
      rule: 'site-payments',
      preset: 'ask',
      action: 'confirm',
    });
  });

  it('pays a trusted shop automatically and says how much of each cap is used', () => {
    const { pay, ask } = setUp(policyWith(trustedShop));
    pay(eurcPayment(20), start);
    const decision = ask(eurcPayment(12), start + hour);
    expect(decision.action).toBe('auto');
    // "This payment uses 12.00 of your 50.00 € daily limit for shop.example" (20.00 used before).
    expect(limitReason(decision, 'day')).toEqual({
      rule: 'limit',
      scope: 'site',
      window: 'day',
      unit: { kind: 'fiat', currency: 'EUR', decimals: 2 },
      used: 2000n,
      amount: 1200n,
      limit: 5000n,
      remaining: 1800n,
      isExceeded: false,
      isUnknown: false,
      action: 'auto',
    });
    expect(limitReason(decision, 'transaction')).toMatchObject({
      used: 0n,
      amount: 1200n,
      remaining: 800n,
    });
  });

  it('asks for the payment that would pass the daily cap, and not after the window moved on', () => {
    const { pay, ask } = setUp(policyWith(trustedShop));
    pay(eurcPayment(20), start);
    pay(eurcPayment(20), start + hour);
    const third = ask(eurcPayment(15), start + 2 * hour);
    expect(third.action).toBe('confirm');
    expect(limitReason(third, 'day')).toMatchObject({
      used: 4000n,
      amount: 1500n,
      remaining: 0n,
      isExceeded: true,
    });
    expect(ask(eurcPayment(15), start + day + hour).action).toBe('auto');
  });

  it('counts the exact boundary: the window still holds a payment made exactly a day ago', () => {
    const { pay, ask } = setUp(policyWith(trustedShop));
    pay(eurcPayment(20), start);
    pay(eurcPayment(20), start + 1);
    expect(ask(eurcPayment(15), start + day).action).toBe('confirm');
    expect(ask(eurcPayment(15), start + day + 1).action).toBe('auto');
  });

  it('still counts payments made "later" when the clock is set back', () => {
    const { pay, ask } = setUp(policyWith(trustedShop));
    pay(eurcPayment(20), start + 5 * day);
    pay(eurcPayment(20), start + 5 * day);
    expect(ask(eurcPayment(15), start).action).toBe('confirm');
  });

  it('asks before paying a recipient the site never paid', () => {
    const { pay, ask } = setUp(policyWith(trustedShop));
    pay(eurcPayment(5), start);
    const decision = ask(eurcPayment(5, shopOrigin, stranger), start + hour);
    expect(decision.action).toBe('confirm');
    expect(rules(decision)).toEqual(['new-recipient']);
  });

  it('never pays what it cannot prove automatically, and blocks it when the site says so', () => {
    const policy = policyWith(trustedShop);
    const { pay, ask } = setUp(policy);
    pay(eurcPayment(1), start);
    const unknownCall = request([spend('native', 1n)], shopOrigin, false);
    expect(ask(unknownCall, start).action).toBe('confirm');
    const strict = setUp(policyWith({ ...trustedShop, unprovable: 'block' }));
    expect(strict.ask(unknownCall, start).action).toBe('block');
  });

  it('never approves an unlimited allowance automatically', () => {
    const { pay, ask } = setUp(policyWith({ ...trustedShop, limits: [] }));
    pay(eurcPayment(1), start);
    const unlimited = request([
      { ...spend(eurc, 2n ** 256n - 1n, merchant, 'approval'), isUnlimited: true },
    ]);
    const decision = ask(unlimited, start);
    expect(decision.action).toBe('confirm');
    expect(rules(decision)).toEqual(['unlimited-approval']);
  });

  it('turns auto into confirm when a price is missing, stale or off its peg', () => {
    const { pay, ask } = setUp(policyWith(trustedShop));
    pay(eurcPayment(1), start);
    const missing = ask(eurcPayment(1), start, prices(start, { eurc: undefined }));
    expect(missing.action).toBe('confirm');
    expect(missing.reasons).toContainEqual({
      rule: 'price-unavailable',
      asset: { chainId, asset: eurc },
      status: 'missing',
      action: 'confirm',
    });
    expect(limitReason(missing, 'day')?.isUnknown).toBe(true);
    const stale = ask(eurcPayment(1), start + 11 * 60_000, prices(start));
    expect(rules(stale)).toContain('price-unavailable');
    const depegged = prices(start, {
      eurc: { rate: parseRate('0.97'), symbol: 'EURC', decimals: 6, observedAt: start, peg: 'EUR' },
    });
    const offPeg = ask(eurcPayment(1), start, depegged);
    expect(offPeg.action).toBe('confirm');
    expect(offPeg.reasons).toContainEqual(
      expect.objectContaining({ rule: 'price-unavailable', status: 'off-peg' }),
    );
  });

  it('needs no price for a cap counted in the token itself', () => {
    const tokenCapped: SitePolicy = {
      ...trustedShop,
      limits: [
        {
          window: 'day',
          unit: { kind: 'token', chainId, asset: eurc, symbol: 'EURC', decimals: 6 },
          amount: 30_000_000n,
          whenExceeded: 'block',
        },
      ],
    };
    const { pay, ask } = setUp(policyWith(tokenCapped));
    pay(eurcPayment(20), start, prices(start, { eurc: undefined }));
    expect(ask(eurcPayment(10), start, prices(start, { eurc: undefined })).action).toBe('auto');
    expect(ask(eurcPayment(10.000001), start).action).toBe('block');
  });

  it('values a payment that had no price at the price it has now', () => {
    const { pay, ask } = setUp(policyWith(trustedShop));
    pay(eurcPayment(1), start);
    pay(eurcPayment(45), start + hour, prices(start, { eurc: undefined }));
    const decision = ask(eurcPayment(10), start + 2 * hour);
    expect(limitReason(decision, 'day')).toMatchObject({
      used: 4600n,
      isExceeded: true,
      isUnknown: false,
    });
  });

  it('applies the wallet-wide cap across every site', () => {
    const policy = policyWith(trustedShop, {
      walletLimits: [fiatLimit('week', 10_000n, 'block')],
      sites: new Map([
        [shopOrigin, trustedShop],
        [otherOrigin, trustedShop],
      ]),
    });
    const { pay, ask } = setUp(policy);
    for (let index = 0; index < 5; index++) pay(eurcPayment(19, otherOrigin), start + index * day);
    const decision = ask(eurcPayment(10), start + 5 * day);
    expect(decision.action).toBe('block');
    expect(limitReason(decision, 'week', 'wallet')).toMatchObject({
      used: 9500n,
      amount: 1000n,
      isExceeded: true,
    });
  });

  it('freezes every automatic payment with the kill switch, grants included', () => {
    const grant = monthlyGrant();
    const policy = policyWith({ ...trustedShop, grants: [grant] }, { isFrozen: true });
    const { pay, ask } = setUp(policyWith({ ...trustedShop, grants: [grant] }));
    pay(eurcPayment(1), start);
    expect(ask(eurcPayment(1), start).action).toBe('auto');
    const frozen = decide({
      policy,
      ledger: createLedgerCore({ currency: 'EUR' }),
      request: eurcPayment(1),
      prices: prices(start),
      now: new Date(start),
    });
    expect(frozen.action).toBe('confirm');
    expect(rules(frozen)).toEqual(['kill-switch']);
  });

  it('escalates to what the broken rule asks: step-up or block', () => {
    const site: SitePolicy = {
      ...trustedShop,
      confirmNewRecipients: false,
      limits: [fiatLimit('transaction', 5_000n, 'step-up'), fiatLimit('week', 10_000n, 'block')],
    };
    const { pay, ask } = setUp(policyWith(site));
    expect(ask(eurcPayment(60), start).action).toBe('step-up');
    pay(eurcPayment(50), start);
    pay(eurcPayment(45), start);
    expect(ask(eurcPayment(6), start).action).toBe('block');
  });

  it('refuses chains, tokens and recipients outside the site’s lists', () => {
    const site: SitePolicy = {
      ...trustedShop,
      confirmNewRecipients: false,
      allowedChainIds: [1],
      allowedAssets: [{ chainId, asset: usdc }],
      allowedRecipients: [stranger],
    };
    const { ask } = setUp(policyWith(site));
    const decision = ask(eurcPayment(1), start);
    expect(decision.action).toBe('block');
    expect(rules(decision)).toEqual([
      'chain-not-allowed',
      'asset-not-allowed',
      'recipient-not-allowed',
    ]);
  });

  it('confirms a request that spends nothing', () => {
    const { ask } = setUp(policyWith(trustedShop));
    expect(rules(ask(request([]), start))).toEqual(['no-spend']);
  });

  it('counts a permit and the transfer after it, together', () => {
    const { pay, ask } = setUp(policyWith(trustedShop));
    pay(eurcPayment(1), start);
    pay(request([spend(eurc, 30_000_000n, merchant, 'permit')]), start);
    const decision = ask(eurcPayment(19), start);
    expect(limitReason(decision, 'day')).toMatchObject({
      used: 3100n,
      amount: 1900n,
      isExceeded: false,
    });
    expect(ask(eurcPayment(20), start).action).toBe('confirm');
  });

  it('asks when the network fee is above the wallet’s automatic fee cap or has no price', () => {
    const policy = policyWith(trustedShop, { maxAutoNetworkFee: 100n });
    const { pay, ask } = setUp(policy);
    pay(eurcPayment(1), start);
    const cheap = { ...eurcPayment(1), maxNetworkFee: 3n * 10n ** 14n }; // 0.90 €
    expect(ask(cheap, start).action).toBe('auto');
    const dear = { ...eurcPayment(1), maxNetworkFee: 4n * 10n ** 14n }; // 1.20 €
    expect(ask(dear, start).reasons).toContainEqual({
      rule: 'network-fee',
      fee: 4n * 10n ** 14n,
      value: 120n,
      limit: 100n,
      action: 'confirm',
    });
    expect(ask(cheap, start, prices(start, { eth: undefined })).action).toBe('confirm');
  });

  describe('grants', () => {
    it('pays what fits a grant automatically, even on a site that asks every time', () => {
      const grant = monthlyGrant();
      const policy = policyWith({
        ...createSitePolicy({ preset: 'ask', currency: 'EUR' }),
        grants: [grant],
      });
      const { ask } = setUp(policy);
      const decision = ask(eurcPayment(10), start);
      expect(decision.action).toBe('auto');
      expect(decision.grantId).toBe(grant.id);
      expect(decision.reasons[0]).toMatchObject({
        rule: 'grant',
        fits: true,
        used: 0n,
        amount: 10_000_000n,
        limit: 10_000_000n,
        remaining: 0n,
        periodStart: grant.startTime,
        periodEnd: grant.startTime + 30 * 86_400,
      });
    });

    it('counts a grant in fixed periods from its start, without carrying over', () => {
      const grant = monthlyGrant();
      const policy = policyWith({
        ...createSitePolicy({ preset: 'subscriptions', currency: 'EUR' }),
        grants: [grant],
      });
      const { pay, ask } = setUp(policy);
      pay(eurcPayment(6), start + day);
      const second = ask(eurcPayment(6), start + 2 * day);
      expect(second.action).toBe('block');
      expect(second.reasons).toContainEqual(
        expect.objectContaining({ rule: 'grant', fits: false, used: 6_000_000n }),
      );
      expect(ask(eurcPayment(4), start + 2 * day).action).toBe('auto');
      expect(ask(eurcPayment(10), start + 30 * day).action).toBe('auto');
    });

    it('does not apply before its start, from its end, or to another recipient or token', () => {
      const grant = monthlyGrant({ endTime: start / 1000 + 60 * 86_400 });
      const policy = policyWith({
        ...createSitePolicy({ preset: 'subscriptions', currency: 'EUR' }),
        grants: [grant],
      });
      const { ask } = setUp(policy);
      expect(ask(eurcPayment(1), start - 1000).action).toBe('block');
      expect(ask(eurcPayment(1), start + 60 * day).action).toBe('block');
      expect(ask(eurcPayment(1, shopOrigin, stranger), start).action).toBe('block');
      expect(ask(request([spend(usdc, 1_000_000n)]), start).action).toBe('block');
      expect(ask(eurcPayment(1), start + 59 * day).action).toBe('auto');
    });

    it('stays under the wallet-wide cap', () => {
      const grant = monthlyGrant({ amount: 100_000_000n });
      const policy = policyWith(
        { ...createSitePolicy({ preset: 'subscriptions', currency: 'EUR' }), grants: [grant] },
        { walletLimits: [fiatLimit('day', 5_000n, 'confirm')] },
      );
      const { ask } = setUp(policy);
      expect(ask(eurcPayment(50), start).action).toBe('auto');
      expect(ask(eurcPayment(51), start).action).toBe('confirm');
    });
  });

  it('gives every reason an action and the decision the highest of them', () => {
    const { pay, ask } = setUp(
      policyWith(trustedShop, { walletLimits: [fiatLimit('hour', 100n, 'step-up')] }),
    );
    pay(eurcPayment(1), start);
    const decision = ask(eurcPayment(30, shopOrigin, stranger), start);
    const ranks = { auto: 0, confirm: 1, 'step-up': 2, block: 3 };
    const highest = decision.reasons.reduce<DecisionReason['action']>(
      (most, reason) => (ranks[reason.action] > ranks[most] ? reason.action : most),
      'auto',
    );
    expect(decision.action).toBe(highest);
    expect(decision.action).toBe('step-up');
  });
});

function monthlyGrant(overrides: Partial<Grant> = {}): Grant {
  return {
    id: 'grant-monthly',
    chainId,
    asset: eurc,
    recipient: merchant,
    amount: 10_000_000n,
    periodSeconds: 30 * 86_400,
    startTime: start / 1000,
    source: 'site-request',
    createdAt: start / 1000,
    ...overrides,
  };
}
