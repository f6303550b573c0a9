import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decodeFunctionData, erc20Abi } from 'viem';
import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import type { SubscriptionInvoice } from '../../../shared/providerApi/Subscription.ts';
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import { ProviderApiError } from '../../../shared/providerClient/errors.ts';
import { encodeQuoteMessage } from '../../../shared/quotes/encodeQuoteMessage.ts';
import { createMemoryStorageArea } from '../wallet/StorageArea.ts';
import { createSubscriptionScheduler } from './createSubscriptionScheduler.ts';
import type { RenewalPayment, SubscriptionProvider } from './createSubscriptionScheduler.ts';
import { openSubscriptionStore } from './openSubscriptionStore.ts';
import {
  account,
  anchorSeconds,
  grant,
  makeInvoice,
  recipient,
  token,
} from './renewalFixtures.test-support.ts';

const secretKey = ed25519.utils.randomSecretKey();
const publicKey = bytesToHex(ed25519.getPublicKey(secretKey));
const periodOneStart = Date.UTC(2026, 1, 28, 12);

function sign(invoice: SubscriptionInvoice): SubscriptionInvoice {
  if (invoice.quote === null) return invoice;
  const value = bytesToHex(ed25519.sign(encodeQuoteMessage(invoice.quote), secretKey));
  return {
    ...invoice,
    quote: { ...invoice.quote, signature: { ...invoice.quote.signature, value } },
  };
}

function setUp({
  invoiceAt = (at: Date) => sign(makeInvoice(at)),
  isUnlocked = true,
  payDelayMs = 0,
  subscriptionStatus = 'active',
  payError,
}: {
  invoiceAt?: (at: Date) => SubscriptionInvoice;
  isUnlocked?: boolean;
  payDelayMs?: number;
  subscriptionStatus?: 'active' | 'canceled';
  payError?: Error;
} = {}) {
  let nowMs = periodOneStart + 60_000;
  const store = openSubscriptionStore({ local: createMemoryStorageArea() });
  const payments: RenewalPayment[] = [];
  const reported: string[] = [];
  let isGrantKept = true;
  const provider: SubscriptionProvider = {
    getSubscriptionCheckout: () =>
      Promise.resolve({
        object: 'subscription_checkout',
        session_id: 'cs_first',
        plan: { name: 'Pro, monthly' } as never,
        subscription: 'sub_1',
        expires_at: '',
        created_at: '',
      }),
    getSubscription: () =>
      Promise.resolve({
        id: 'sub_1',
        status: subscriptionStatus,
        subscriber: account,
        next_renewal_at: null,
        amount_minor: '999',
        currency: 'EUR',
      } as never),
    getCurrentRenewal: () => Promise.resolve(invoiceAt(new Date(nowMs))),
    getSigningKeys: () =>
      Promise.resolve({
        keys: [{ id: 'key_1', algorithm: 'ed25519', public_key: publicKey, created_at: '' }],
      }),
    reportPayment: (sessionId) => {
      reported.push(sessionId);
      return Promise.resolve({});
    },
  };
  const scheduler = createSubscriptionScheduler({
    store,
    findGrant: () => (isGrantKept ? grant : undefined),
    providerFor: () => provider,
    pay: async (payment) => {
      payments.push(payment);
      await new Promise((resolve) => setTimeout(resolve, payDelayMs));
      if (payError !== undefined) throw payError;
      return { hash: `0x${'ab'.repeat(32)}`, approval: 'auto' };
    },
    isUnlocked: () => Promise.resolve(isUnlocked),
    now: () => new Date(nowMs),
  });
  return {
    store,
    scheduler,
    payments,
    reported,
    setNow: (ms: number) => (nowMs = ms),
    revoke: () => (isGrantKept = false),
  };
}

async function linkIt(scheduler: ReturnType<typeof setUp>['scheduler']) {
  return scheduler.link({
    origin: 'http://shop.test',
    account,
    grant,
    extension: {
      providerUrl: 'http://127.0.0.1:8787',
      sessionId: 'cs_first',
      publishableKey: 'pk_test',
      interval: 'month',
      intervalCount: 1,
      gracePeriodSeconds: 72 * 3600,
    },
  });
}

describe('createSubscriptionScheduler', () => {
  it('finds the subscription, verifies the quote and pays the renewal once', async () => {
    const { scheduler, payments, reported, store } = setUp();
    await linkIt(scheduler);
    const [first] = await scheduler.run();
    expect(first).toMatchObject({ outcome: 'pay', periodIndex: 1 });
    expect(payments).toHaveLength(1);
    const payment = payments[0] as RenewalPayment;
    expect(payment).toMatchObject({ origin: 'http://shop.test', from: account, to: token });
    expect(payment.data.endsWith('0123456789abcdef0123456789abcdef')).toBe(true);
    const decoded = decodeFunctionData({ abi: erc20Abi, data: payment.data.slice(0, 138) as Hex });
    expect(decoded.args).toEqual([recipient, 10_000_000n]);
    expect(reported).toEqual(['cs_renewal_1']);
    expect((await store.get(grant.id))?.payments).toHaveLength(1);
    const [second] = await scheduler.run();
    expect(second).toMatchObject({ outcome: 'skip', reason: 'already-paid' });
    expect(payments).toHaveLength(1);
  });

  it('never pays one period twice when runs overlap', async () => {
    const { scheduler, payments } = setUp({ payDelayMs: 20 });
    await linkIt(scheduler);
    await Promise.all([scheduler.run(), scheduler.run(), scheduler.run()]);
    await scheduler.run();
    expect(payments).toHaveLength(1);
  });

  it('refuses a quote with a forged signature or for another recipient', async () => {
    const forged = setUp({ invoiceAt: (at) => makeInvoice(at) });
    await linkIt(forged.scheduler);
    expect((await forged.scheduler.run())[0]).toMatchObject({
      outcome: 'refuse',
      reason: 'bad-signature',
    });
    const other = setUp({
      invoiceAt: (at) =>
        sign(
          makeInvoice(at, { quote: { recipient: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' } }),
        ),
    });
    await linkIt(other.scheduler);
    expect((await other.scheduler.run())[0]).toMatchObject({
      outcome: 'refuse',
      reason: 'other-recipient',
    });
    expect((await other.store.get(grant.id))?.attention?.reason).toBe('other-recipient');
    expect([...forged.payments, ...other.payments]).toHaveLength(0);
  });

  it('asks (pays through the approval path) when above the grant', async () => {
    const { scheduler, payments, store } = setUp({
      invoiceAt: (at) => sign(makeInvoice(at, { quote: { amount: '12000000' } })),
    });
    await linkIt(scheduler);
    expect((await scheduler.run())[0]).toMatchObject({ outcome: 'ask' });
    expect(payments[0]?.expectation).toBe('above-grant');
    // The window names the renewal from what the wallet knows, not from the page.
    expect(payments[0]?.renewal).toEqual({
      planName: 'Pro, monthly',
      periodIndex: 1,
      dueAt: new Date(periodOneStart).toISOString(),
      price: { amountMinor: '999', currency: 'EUR' },
      interval: 'month',
      intervalCount: 1,
    });
    expect((await store.get(grant.id))?.payments[0]?.approval).toBe('auto');
  });

  it('pays missed renewals on return: only the period due now, within its grace', async () => {
    const { scheduler, payments, setNow } = setUp();
    await linkIt(scheduler);
    // Back after two months: period 1's grace is over, period 3 (30 Apr) is due now.
    setNow(Date.UTC(2026, 3, 30, 13));
    expect((await scheduler.run())[0]).toMatchObject({ outcome: 'pay', periodIndex: 3 });
    setNow(Date.UTC(2026, 4, 3, 11));
    expect((await scheduler.run())[0]).toMatchObject({ reason: 'already-paid' });
    expect(payments).toHaveLength(1);
  });

  it('waits while locked, stops once the grant is revoked or the subscription canceled', async () => {
    const locked = setUp({ isUnlocked: false });
    await linkIt(locked.scheduler);
    expect(await locked.scheduler.run()).toEqual([]);
    const revoked = setUp();
    await linkIt(revoked.scheduler);
    revoked.revoke();
    expect((await revoked.scheduler.run())[0]).toMatchObject({ outcome: 'closed' });
    const canceled = setUp({ subscriptionStatus: 'canceled' });
    await linkIt(canceled.scheduler);
    expect((await canceled.scheduler.run())[0]).toMatchObject({ outcome: 'closed' });
    expect((await canceled.scheduler.run())[0]).toMatchObject({ outcome: 'closed' });
    expect([...locked.payments, ...revoked.payments, ...canceled.payments]).toHaveLength(0);
  });

  it('skips when the provider has nothing due', async () => {
    const { scheduler } = setUp({
      invoiceAt: () => {
        throw new ProviderApiError({
          code: 'no_renewal_due',
          message: 'Nothing is due.',
          param: undefined,
          status: 404,
        });
      },
    });
    await linkIt(scheduler);
    expect((await scheduler.run())[0]).toMatchObject({ outcome: 'skip', reason: 'no-renewal-due' });
  });

  it('treats period 0 as paid at checkout, and as due after a trial', async () => {
    const { scheduler } = setUp();
    const link = await linkIt(scheduler);
    expect(link.firstRenewalIndex).toBe(1);
    const trial = await scheduler.link({
      origin: 'http://shop.test',
      account,
      grant: { ...grant, id: 'grant-2', startTime: anchorSeconds + 14 * 86_400 },
      extension: {
        providerUrl: 'http://127.0.0.1:8787',
        sessionId: 'cs_first',
        publishableKey: 'pk_test',
        interval: 'month',
        intervalCount: 1,
        gracePeriodSeconds: 72 * 3600,
      },
    });
    expect(trial.firstRenewalIndex).toBe(0);
  });
  it('frees the period when the user declines, and does not ask again in that period', async () => {
    const { scheduler, payments, store } = setUp({
      invoiceAt: (at) => sign(makeInvoice(at, { quote: { amount: '12000000' } })),
      payError: new ProviderRpcError('userRejected', 'The user rejected the request.'),
    });
    await linkIt(scheduler);
    expect((await scheduler.run())[0]).toMatchObject({ outcome: 'declined', periodIndex: 1 });
    const link = await store.get(grant.id);
    expect(link?.payments).toEqual([]);
    expect(link?.attention?.reason).toBe('declined');
    expect((await scheduler.run())[0]).toMatchObject({ outcome: 'declined' });
    expect(payments).toHaveLength(1);
  });

  it('frees the period when sending fails, to try again within grace', async () => {
    const { scheduler, payments, store } = setUp({ payError: new Error('node down') });
    await linkIt(scheduler);
    expect((await scheduler.run())[0]).toMatchObject({ outcome: 'error' });
    expect((await store.get(grant.id))?.attention?.reason).toBe('failed');
    await scheduler.run();
    expect(payments).toHaveLength(2);
  });
  it('keeps the period claimed when the transaction may have left (node unreachable)', async () => {
    const { scheduler, payments, store } = setUp({
      payError: new ProviderRpcError('chainDisconnected', 'The node could not be reached.'),
    });
    await linkIt(scheduler);
    expect((await scheduler.run())[0]).toMatchObject({ outcome: 'error' });
    expect((await store.get(grant.id))?.payments).toHaveLength(1);
    expect((await scheduler.run())[0]).toMatchObject({ reason: 'already-paid' });
    expect(payments).toHaveLength(1);
  });
});
