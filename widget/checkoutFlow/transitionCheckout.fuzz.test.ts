import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CheckoutEffect } from './CheckoutEffect.ts';
import type { CheckoutEvent } from './CheckoutEvent.ts';
import { checkoutStateNames } from './CheckoutState.ts';
import type { CheckoutState, CheckoutStateName } from './CheckoutState.ts';
import {
  account,
  makeOnrampOrder,
  makeOnrampQuote,
  makePayment,
  makeQuote,
  makeSession,
  makeSubscription,
  minutes,
  oneWallet,
  sessionId,
  trialSignature,
  twoWallets,
  txHash,
} from './checkoutFixtures.test-support.ts';
import { startCheckout } from './startCheckout.ts';
import { transitionWithOnramp } from './transitionWithOnramp.ts';

/*
 * Random sequences of plausible events (answers in any order, late, repeated; clicks at any time;
 * the clock jumping around the quote's and the session's expiry) must keep the flow's promises.
 */

const time = fc.integer({ min: 0, max: 20 * 60 }).map((seconds) => minutes(seconds / 60));
const paidAmount = {
  quote_id: makeQuote().id,
  chain_id: 31337,
  asset: 'USDC',
  amount_quoted: '26086957',
  amount_paid: '20000000',
  amount_remaining: '6086957',
};
const session = fc.oneof(
  fc.constant(makeSession()),
  fc.constant(makeSession({ status: 'expired' })),
  fc.constant(makeSession({ status: 'pending', payments: [makePayment()] })),
  fc.constant(makeSession({ status: 'settled', payments: [makePayment({ status: 'confirmed' })] })),
  fc.constant(makeSession({ payments: [makePayment({ status: 'dropped' })] })),
  fc.constant(
    makeSession({
      status: 'underpaid',
      payments: [makePayment({ status: 'confirmed', amount: '20000000' })],
      amount_paid: paidAmount,
    }),
  ),
  fc.constant(makeSession({ payment_options: [] })),
);
const providerFailure = fc.oneof(
  fc.constant({ kind: 'unreachable' as const, message: 'Failed to fetch' }),
  fc
    .constantFrom(
      'unauthorized',
      'not_found',
      'session_not_open',
      'rates_unavailable',
      'rate_limited',
    )
    .map((code) => ({
      kind: 'api' as const,
      code,
      status: code === 'rates_unavailable' ? 503 : code === 'rate_limited' ? 429 : 400,
      message: code,
    })),
);
const onrampQuote = fc.constantFrom(
  makeOnrampQuote(),
  makeOnrampQuote({ crypto_amount: '26086957' }),
  makeOnrampQuote({ id: 'orq_other', expires_at: minutes(20).toISOString() }),
);
const onrampOrder = fc.constantFrom(
  makeOnrampOrder(),
  makeOnrampOrder({ status: 'pending' }),
  makeOnrampOrder({ status: 'completed', tx_hash: txHash }),
  makeOnrampOrder({ status: 'failed', failure: { code: 'card_declined', message: 'x' } }),
  makeOnrampOrder({ status: 'failed', failure: { code: 'insufficient_funds', message: 'x' } }),
  makeOnrampOrder({ status: 'failed', failure: { code: 'delivery_failed', message: 'x' } }),
  makeOnrampOrder({ status: 'expired' }),
  makeOnrampOrder({ id: 'oro_other', quote_id: 'orq_other' }),
);
const onrampFailure = fc.oneof(
  fc.constant({ kind: 'unreachable' as const, message: 'Failed to fetch' }),
  fc
    .constantFrom(
      ['onramp_address_denied', 403] as const,
      ['onramp_verification_required', 403] as const,
      ['onramp_country_not_served', 403] as const,
      ['onramp_quote_expired', 409] as const,
      ['onramp_unavailable', 503] as const,
    )
    .map(([code, status]) => ({ kind: 'api' as const, code, status, message: code })),
);
const onrampEvent: fc.Arbitrary<CheckoutEvent> = fc.oneof(
  fc.record({ type: fc.constant('onrampQuoted' as const), quote: onrampQuote }),
  fc.record({ type: fc.constant('onrampOrderCreated' as const), order: onrampOrder }),
  fc.record({ type: fc.constant('onrampOrderPolled' as const), order: onrampOrder }),
  fc.record({
    type: fc.constant('onrampFailed' as const),
    step: fc.constantFrom('quote' as const, 'order' as const, 'poll' as const),
    failure: onrampFailure,
  }),
  fc.record({
    type: fc.constant('onrampCountryPicked' as const),
    country: fc.constantFrom('US', 'DE', 'xx'),
  }),
  fc.record({ type: fc.constant('buyRequested' as const), now: time }),
  fc.record({
    type: fc.constant('onrampPageShown' as const),
    page: fc.constantFrom('popup' as const, 'iframe' as const, 'blocked' as const),
  }),
  fc.constantFrom(
    { type: 'onrampPageClosed' as const },
    { type: 'onrampCancelRequested' as const },
    { type: 'onrampAvailable' as const },
  ),
);
/** A subscription plan's trial: the plan read, the signature, the provider's answer. */
const trialEvent: fc.Arbitrary<CheckoutEvent> = fc.oneof(
  fc.record({ type: fc.constant('planLoaded' as const), trialDays: fc.constantFrom(0, 14) }),
  fc.constant({ type: 'trialSigned' as const, signature: trialSignature }),
  fc.record({
    type: fc.constant('trialStarted' as const),
    subscription: fc.constantFrom(
      makeSubscription(),
      makeSubscription({ checkout_session: 'cs_00000000000000000000000000000000' }),
    ),
  }),
  fc.record({
    type: fc.constant('providerFailed' as const),
    operation: fc.constant('startTrial' as const),
    failure: providerFailure,
  }),
);
const event: fc.Arbitrary<CheckoutEvent> = fc.oneof(
  { weight: 3, arbitrary: onrampEvent },
  { weight: 2, arbitrary: trialEvent },
  fc.record({ type: fc.constant('sessionLoaded' as const), session, now: time }),
  fc.record({ type: fc.constant('sessionPolled' as const), session, now: time }),
  fc.record({
    type: fc.constant('providerFailed' as const),
    operation: fc.constantFrom(
      'loadSession' as const,
      'lockQuote' as const,
      'pollSession' as const,
    ),
    failure: providerFailure,
  }),
  fc.record({
    type: fc.constant('optionPicked' as const),
    chainId: fc.constantFrom(31337, 1),
    asset: fc.constantFrom('USDC', 'ETH'),
  }),
  fc.record({
    type: fc.constant('quoteLocked' as const),
    quote: fc.constantFrom(
      makeQuote(),
      makeQuote({ asset: 'ETH', token_address: null, decimals: 18 }),
    ),
  }),
  fc.record({ type: fc.constant('tick' as const), now: time }),
  fc.record({ type: fc.constant('payRequested' as const), now: time }),
  fc.record({
    type: fc.constant('walletsChanged' as const),
    wallets: fc.constantFrom([], oneWallet, twoWallets),
  }),
  fc.record({
    type: fc.constant('walletPicked' as const),
    walletId: fc.constantFrom('uuid-1', 'uuid-2', 'x'),
  }),
  fc.record({
    type: fc.constant('walletConnected' as const),
    account: fc.constant(account),
    chainId: fc.constantFrom(31337, 1),
  }),
  fc.record({ type: fc.constant('chainSwitched' as const), chainId: fc.constantFrom(31337, 1) }),
  fc.record({
    type: fc.constant('balanceRead' as const),
    balance: fc.oneof(
      fc.bigInt({ min: 0n, max: 30_000_000n }),
      fc.bigInt({ min: 0n, max: 10n ** 20n }),
    ),
    now: time,
  }),
  fc.record({ type: fc.constant('transactionSent' as const), txHash: fc.constant(txHash) }),
  fc.record({
    type: fc.constant('walletFailed' as const),
    step: fc.constantFrom(
      'connect' as const,
      'switch' as const,
      'balance' as const,
      'send' as const,
      'sign' as const,
    ),
    failure: fc.record({
      kind: fc.constantFrom(
        'rejected' as const,
        'pending' as const,
        'unrecognized-chain' as const,
        'other' as const,
      ),
      message: fc.constant('x'),
    }),
  }),
  fc.constant({ type: 'paymentReportFailed' as const }),
  fc.record({
    type: fc.constantFrom(
      'retryRequested' as const,
      'requoteRequested' as const,
      'changeOptionRequested' as const,
      'payRestRequested' as const,
    ),
    now: time,
  }),
  fc.constantFrom(
    { type: 'switchNetworkRequested' as const },
    { type: 'checkBalanceRequested' as const },
  ),
);

type Step = {
  before: CheckoutState;
  event: CheckoutEvent;
  after: CheckoutState;
  effects: readonly CheckoutEffect[];
};

function play(events: readonly CheckoutEvent[], wallets = oneWallet): Step[] {
  // The browser says the shopper is in the US (the on-ramp's rules need a country).
  let state = startCheckout({ sessionId, wallets, country: 'US' }).state;
  const steps: Step[] = [];
  for (const next of events) {
    const { state: after, effects } = transitionWithOnramp(state, next);
    steps.push({ before: state, event: next, after, effects });
    state = after;
  }
  return steps;
}

/** The way to paid, step by step, each followed by a little random noise (which may derail it). */
const noise = fc.array(event, { maxLength: 3 });
const pathToPaid = fc.tuple(
  fc.oneof({ weight: 4, arbitrary: fc.constant(makeSession()) }, { weight: 1, arbitrary: session }),
  time,
  time,
  fc.constantFrom(31337, 1),
  fc.oneof(fc.bigInt({ min: 0n, max: 30_000_000n }), fc.constant(10n ** 12n)),
  session,
);
/** Short of funds, buys the rest with a card, waits for it, pays; noise after every step. */
const onrampPath = fc
  .tuple(
    fc.constantFrom('completed' as const, 'failed' as const, 'expired' as const),
    // What arrived: all that was missing, one unit short of it, or anything less.
    fc.oneof(
      fc.constant(20_000_000n),
      fc.constant(19_999_999n),
      fc.bigInt({ min: 0n, max: 20_000_000n }),
    ),
    // Lighter noise than on the way to paid: the path is longer, and most steps should happen.
    fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.array(event, { maxLength: 2 }) },
      ),
      { minLength: 14, maxLength: 14 },
    ),
  )
  .map(([outcome, arrived, noises]) => {
    const path: CheckoutEvent[] = [
      { type: 'sessionLoaded', session: makeSession(), now: minutes(0) },
      { type: 'optionPicked', chainId: 31337, asset: 'USDC' },
      { type: 'quoteLocked', quote: makeQuote() },
      { type: 'payRequested', now: minutes(1) },
      { type: 'walletPicked', walletId: 'uuid-1' },
      { type: 'walletConnected', account, chainId: 31337 },
      { type: 'balanceRead', balance: 6_086_957n, now: minutes(2) },
      { type: 'onrampQuoted', quote: makeOnrampQuote() },
      { type: 'buyRequested', now: minutes(3) },
      { type: 'onrampOrderCreated', order: makeOnrampOrder() },
      { type: 'onrampPageShown', page: 'popup' },
      { type: 'onrampOrderPolled', order: makeOnrampOrder({ status: 'pending' }) },
      {
        type: 'onrampOrderPolled',
        order: makeOnrampOrder(
          outcome === 'completed'
            ? { status: 'completed', tx_hash: txHash }
            : outcome === 'failed'
              ? { status: 'failed', failure: { code: 'card_declined', message: 'x' } }
              : { status: 'expired' },
        ),
      },
      { type: 'balanceRead', balance: 6_086_957n + arrived, now: minutes(4) },
    ];
    return path.flatMap((step, index) => [step, ...(noises[index] ?? [])]);
  });
const guided: fc.Arbitrary<CheckoutEvent[]> = fc
  .tuple(pathToPaid, fc.array(noise, { minLength: 12, maxLength: 12 }))
  .map(([[loadedSession, payAt, balanceAt, walletChain, balance, polled], noises]) => {
    const path: CheckoutEvent[] = [
      { type: 'sessionLoaded', session: loadedSession, now: minutes(0) },
      { type: 'optionPicked', chainId: 31337, asset: 'USDC' },
      { type: 'quoteLocked', quote: makeQuote() },
      { type: 'payRequested', now: payAt },
      { type: 'walletPicked', walletId: 'uuid-1' },
      { type: 'walletConnected', account, chainId: walletChain },
      { type: 'chainSwitched', chainId: 31337 },
      { type: 'balanceRead', balance, now: balanceAt },
      { type: 'transactionSent', txHash },
      { type: 'sessionPolled', session: polled, now: balanceAt },
      { type: 'paymentReportFailed' },
      { type: 'payRestRequested', now: balanceAt },
    ];
    return path.flatMap((step, index) => [step, ...(noises[index] ?? [])]);
  });
/** A plan with a free trial, from the plan to the trial's start; noise after every step. */
const trialPath: fc.Arbitrary<CheckoutEvent[]> = fc
  .tuple(time, fc.constantFrom(31337, 1), fc.array(noise, { minLength: 10, maxLength: 10 }))
  .map(([payAt, walletChain, noises]) => {
    const path: CheckoutEvent[] = [
      { type: 'planLoaded', trialDays: 14 },
      { type: 'sessionLoaded', session: makeSession(), now: minutes(0) },
      { type: 'optionPicked', chainId: 31337, asset: 'USDC' },
      { type: 'quoteLocked', quote: makeQuote() },
      { type: 'payRequested', now: payAt },
      { type: 'walletPicked', walletId: 'uuid-1' },
      { type: 'walletConnected', account, chainId: walletChain },
      { type: 'chainSwitched', chainId: 31337 },
      { type: 'trialSigned', signature: trialSignature },
      { type: 'trialStarted', subscription: makeSubscription() },
    ];
    return path.flatMap((step, index) => [step, ...(noises[index] ?? [])]);
  });
const sequences = fc.tuple(
  fc.oneof(
    { weight: 3, arbitrary: guided },
    { weight: 2, arbitrary: trialPath },
    { weight: 2, arbitrary: onrampPath },
    { weight: 1, arbitrary: fc.array(event, { maxLength: 60 }) },
  ),
  fc.constantFrom([], oneWallet, twoWallets),
);
const expiredStates: ReadonlySet<CheckoutStateName> = new Set([
  'error-quote-expired',
  'error-session-expired',
]);
const delayed = new Set([
  'loadSession',
  'lockQuote',
  'pollSession',
  'quoteOnramp',
  'createOnrampOrder',
  'pollOnrampOrder',
]);
/** Where the on-ramp's page may be open, and where the flow may go on with it open. */
const pageOpenStates: ReadonlySet<CheckoutStateName> = new Set([
  'onramp-ordering',
  'onramp-paying',
  'onramp-delivering',
]);
const pageKeptStates: ReadonlySet<CheckoutStateName> = new Set([
  ...pageOpenStates,
  'error-onramp-abandoned',
]);

describe('the checkout flow with the on-ramp (transitionWithOnramp) under random events', () => {
  it('always lands in a documented state, and holds what that state needs', () => {
    fc.assert(
      fc.property(sequences, ([events, wallets]) => {
        for (const { after } of play(events, wallets)) {
          expect(checkoutStateNames).toContain(after.name);
          const { context } = after;
          if (
            [
              'quoted',
              'wallet-picker',
              'connecting',
              'switching-chain',
              'checking-balance',
              'confirming',
            ].includes(after.name)
          ) {
            expect(context.quote).not.toBeNull();
            expect(context.amountDue).not.toBeNull();
          }
          if (after.name === 'submitted') expect(context.txHash).not.toBeNull();
          if (after.name === 'starting-trial') {
            expect(context.quote).not.toBeNull();
            expect(context.account).not.toBeNull();
          }
          if (after.name === 'trial-started') {
            expect(context.subscription?.checkout_session).toBe(sessionId);
            expect(context.trialSignature).not.toBeNull();
          }
          if (after.name.includes('onramp')) {
            expect(context.quote).not.toBeNull();
            expect(context.amountDue).not.toBeNull();
            expect(context.account).not.toBeNull();
          }
          if (after.name === 'onramp-ordering') expect(context.onrampQuote).not.toBeNull();
          if (
            ['onramp-paying', 'onramp-delivering', 'error-onramp-abandoned'].includes(after.name)
          ) {
            expect(context.onrampOrder).not.toBeNull();
          }
          if (after.name === 'error-insufficient-funds' && context.onrampOffer === 'ready') {
            expect(context.onrampQuote).not.toBeNull();
          }
          if (after.name.startsWith('error-')) expect(context.failure).not.toBeNull();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('sends a transaction only after a balance check that covers it, on a live quote', () => {
    fc.assert(
      fc.property(sequences, ([events, wallets]) => {
        for (const { before, event: happened, effects } of play(events, wallets)) {
          for (const effect of effects) {
            if (effect.type !== 'sendTransaction') continue;
            expect(before.context.trialDays).toBe(0);
            expect(['checking-balance', 'onramp-arriving']).toContain(before.name);
            expect(happened.type).toBe('balanceRead');
            if (happened.type !== 'balanceRead') return;
            expect(happened.balance >= effect.amount).toBe(true);
            expect(effect.amount > 0n).toBe(true);
            if (!before.context.isPayingRest) {
              expect(Date.parse(effect.quote.expires_at)).toBeGreaterThan(happened.now.getTime());
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never sends a payment for a plan with a free trial; signs and starts it for the connected account', () => {
    fc.assert(
      fc.property(sequences, ([events, wallets]) => {
        let isTrialPlan = false;
        for (const { before, after, effects } of play(events, wallets)) {
          isTrialPlan ||= after.context.trialDays > 0;
          for (const effect of effects) {
            if (isTrialPlan) expect(effect.type).not.toBe('sendTransaction');
            if (effect.type === 'signTrial') {
              expect(after.context.trialDays).toBeGreaterThan(0);
              expect(after.name).toBe('starting-trial');
              expect(effect.account).toBe(after.context.account);
              expect(effect.quote).toBe(after.context.quote);
            }
            if (effect.type === 'startTrial') {
              expect(effect.signature).toBe(after.context.trialSignature);
              expect(effect.subscriber).toBe(after.context.account);
              expect(effect.quoteId).toBe(after.context.quote?.id);
              expect(['starting-trial', 'error-provider', 'error-provider-unreachable']).toContain(
                after.name,
              );
            }
          }
          if (after.name === 'trial-started') expect(before.context.trialSignature).not.toBeNull();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('fires failed exactly when entering an error state, expired exactly when something expires', () => {
    fc.assert(
      fc.property(sequences, ([events, wallets]) => {
        for (const { before, after, effects } of play(events, wallets)) {
          const names = effects.flatMap((effect) =>
            effect.type === 'emit' ? [effect.event.name] : [],
          );
          const entered = before.name !== after.name;
          const isFailure = after.name.startsWith('error-') && !expiredStates.has(after.name);
          expect(names.includes('tp-checkout:failed')).toBe(entered && isFailure);
          expect(names.includes('tp-checkout:expired')).toBe(
            entered && expiredStates.has(after.name),
          );
          expect(names.includes('tp-checkout:paid')).toBe(entered && after.name === 'paid');
          expect(names.includes('tp-checkout:subscribed')).toBe(
            entered && after.name === 'trial-started',
          );
          expect(names.includes('tp-checkout:pending')).toBe(
            entered && after.name === 'submitted' && before.name === 'confirming',
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  it('schedules at most one provider call per step, and none from a final state', () => {
    fc.assert(
      fc.property(sequences, ([events, wallets]) => {
        for (const { after, effects } of play(events, wallets)) {
          expect(effects.filter((effect) => delayed.has(effect.type)).length).toBeLessThanOrEqual(
            1,
          );
          if (
            after.name === 'paid' ||
            after.name === 'trial-started' ||
            after.name === 'error-session-expired' ||
            after.name === 'error-config'
          ) {
            expect(effects.filter((effect) => effect.type !== 'emit')).toEqual([]);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('buys exactly what is missing, for the connected account, from a live offer the shopper accepted', () => {
    fc.assert(
      fc.property(sequences, ([events, wallets]) => {
        for (const { before, event: happened, after, effects } of play(events, wallets)) {
          for (const effect of effects) {
            if (effect.type === 'quoteOnramp') {
              expect(after.name).toBe('error-insufficient-funds');
              const { amountDue, balance, account: connected } = after.context;
              expect(effect.cryptoAmount).toBe((amountDue ?? 0n) - (balance ?? 0n));
              expect(effect.cryptoAmount > 0n).toBe(true);
              expect(effect.walletAddress).toBe(connected);
            }
            if (effect.type === 'createOnrampOrder') {
              expect(happened.type).toBe('buyRequested');
              expect(before.name).toBe('error-insufficient-funds');
              const offered = before.context.onrampQuote;
              expect(offered?.id).toBe(effect.quoteId);
              expect(offered?.wallet_address).toBe(before.context.account);
              expect(BigInt(offered?.crypto_amount ?? '0')).toBe(
                (before.context.amountDue ?? 0n) - (before.context.balance ?? 0n),
              );
              if (happened.type !== 'buyRequested') return;
              expect(Date.parse(offered?.expires_at ?? '')).toBeGreaterThan(happened.now.getTime());
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('closes the on-ramp page whenever the flow leaves it behind', () => {
    fc.assert(
      fc.property(sequences, ([events, wallets]) => {
        for (const { before, after, effects } of play(events, wallets)) {
          if (pageOpenStates.has(before.name) && !pageKeptStates.has(after.name)) {
            expect(effects).toContainEqual({ type: 'closeOnrampPage' });
          }
          if (after.name === 'onramp-paying' && before.name !== 'onramp-paying') {
            expect(
              effects.some(
                (effect) => effect.type === 'openOnrampPage' || effect.type === 'pollOnrampOrder',
              ),
            ).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never leaves paid', () => {
    fc.assert(
      fc.property(sequences, ([events, wallets]) => {
        let isPaid = false;
        for (const { after } of play(events, wallets)) {
          if (isPaid) expect(after.name).toBe('paid');
          isPaid ||= after.name === 'paid';
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never leaves trial-started', () => {
    fc.assert(
      fc.property(sequences, ([events, wallets]) => {
        let hasStarted = false;
        for (const { after } of play(events, wallets)) {
          if (hasStarted) expect(after.name).toBe('trial-started');
          hasStarted ||= after.name === 'trial-started';
        }
      }),
      { numRuns: 400 },
    );
  });
});
