import { describe, expect, it } from 'vitest';
import type { OnrampOrder } from '../../shared/providerApi/OnrampOrder.ts';
import type { CheckoutEffect } from './CheckoutEffect.ts';
import type { CheckoutEvent } from './CheckoutEvent.ts';
import type { CheckoutState } from './CheckoutState.ts';
import {
  account,
  makeOnrampOrder,
  makeOnrampQuote,
  makeQuote,
  makeSession,
  minutes,
  oneWallet,
  sessionId,
  txHash,
} from './checkoutFixtures.test-support.ts';
import { maxArrivalChecks } from './checkoutTimings.ts';
import { startCheckout } from './startCheckout.ts';
import { transitionCheckout } from './transitionCheckout.ts';
import { transitionWithOnramp } from './transitionWithOnramp.ts';

/** Runs events from the start (shopper in the US) and returns the last state and its effects. */
function run(events: readonly CheckoutEvent[], country: string | null = 'US') {
  let state: CheckoutState = startCheckout({ sessionId, wallets: oneWallet, country }).state;
  let last: readonly CheckoutEffect[] = [];
  const effects: CheckoutEffect[] = [];
  for (const event of events) {
    const step = transitionWithOnramp(state, event);
    state = step.state;
    last = step.effects;
    effects.push(...step.effects);
  }
  return { state, last, effects };
}

const failedCodes = (effects: readonly CheckoutEffect[]) =>
  effects.flatMap((effect) =>
    effect.type === 'emit' && effect.event.name === 'tp-checkout:failed'
      ? [effect.event.detail.code]
      : [],
  );

// The quote asks 26.086957 USDC; the wallet holds 6.086957: 20 USDC are missing.
const short: CheckoutEvent = { type: 'balanceRead', balance: 6_086_957n, now: minutes(2) };
const toShort: CheckoutEvent[] = [
  { type: 'sessionLoaded', session: makeSession(), now: minutes(0) },
  { type: 'optionPicked', chainId: 31337, asset: 'USDC' },
  { type: 'quoteLocked', quote: makeQuote() },
  { type: 'payRequested', now: minutes(1) },
  { type: 'walletConnected', account, chainId: 31337 },
  short,
];
const quoted: CheckoutEvent = { type: 'onrampQuoted', quote: makeOnrampQuote() };
const buy: CheckoutEvent = { type: 'buyRequested', now: minutes(3) };
const created: CheckoutEvent = { type: 'onrampOrderCreated', order: makeOnrampOrder() };
const polled = (overrides: Partial<OnrampOrder>): CheckoutEvent => ({
  type: 'onrampOrderPolled',
  order: makeOnrampOrder(overrides),
});
const toPaying = [...toShort, quoted, buy, created];
const apiFailure = (code: string, status: number) => ({
  type: 'onrampFailed' as const,
  step: 'order' as const,
  failure: { kind: 'api' as const, code, status, message: `${code} (from the provider)` },
});

describe('transitionWithOnramp: buying the missing crypto with a card', () => {
  it('short of funds: asks the on-ramp for exactly what is missing, to the connected account', () => {
    const { state, last } = run(toShort);
    expect(state.name).toBe('error-insufficient-funds');
    expect(state.context.onrampOffer).toBe('loading');
    expect(last).toContainEqual({
      type: 'quoteOnramp',
      chainId: 31337,
      asset: 'USDC',
      cryptoAmount: 20_000_000n,
      walletAddress: account,
      country: 'US',
      fiatCurrency: 'EUR',
    });
  });

  it('before the on-ramp chunk arrives, "not enough" has no offer; once it is there, it gets one', () => {
    let state: CheckoutState = startCheckout({
      sessionId,
      wallets: oneWallet,
      country: 'US',
    }).state;
    for (const event of [...toShort, quoted, buy]) state = transitionCheckout(state, event).state;
    expect(state.name).toBe('error-insufficient-funds');
    expect(state.context.onrampOffer).toBe('none');
    const available = transitionWithOnramp(state, { type: 'onrampAvailable' });
    expect(available.state.context.onrampOffer).toBe('loading');
    expect(available.effects).toContainEqual(
      expect.objectContaining({ type: 'quoteOnramp', cryptoAmount: 20_000_000n }),
    );
    // Told twice (a second element, a language change): no second price request.
    expect(transitionWithOnramp(available.state, { type: 'onrampAvailable' }).effects).toEqual([]);
  });

  it('shows the offer when the price comes, and ignores a price for another amount', () => {
    expect(run([...toShort, quoted]).state.context.onrampOffer).toBe('ready');
    const stale = run([
      ...toShort,
      { type: 'onrampQuoted', quote: makeOnrampQuote({ crypto_amount: '19000000' }) },
    ]);
    expect(stale.state.context.onrampOffer).toBe('loading');
    const otherWallet = run([
      ...toShort,
      {
        type: 'onrampQuoted',
        quote: makeOnrampQuote({ wallet_address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }),
      },
    ]);
    expect(otherWallet.state.context.onrampQuote).toBeNull();
  });

  it('without a known country, asks for it first; picking one fetches the price', () => {
    const unknown = run(toShort, null);
    expect(unknown.state.context.onrampOffer).toBe('country');
    expect(unknown.last.some((effect) => effect.type === 'quoteOnramp')).toBe(false);
    const picked = run([...toShort, { type: 'onrampCountryPicked', country: 'DE' }], null);
    expect(picked.state.context.onrampOffer).toBe('loading');
    expect(picked.last).toContainEqual(
      expect.objectContaining({ type: 'quoteOnramp', country: 'DE' }),
    );
    // Not a country code: nothing changes.
    const bad = run([...toShort, { type: 'onrampCountryPicked', country: 'germany' }], null);
    expect(bad.state.context.onrampOffer).toBe('country');
  });

  it('no on-ramp for this asset: "not enough" stays as it was, without an offer', () => {
    const { state } = run([
      ...toShort,
      {
        type: 'onrampFailed',
        step: 'quote',
        failure: { kind: 'api', code: 'onramp_unavailable', status: 503, message: 'none' },
      },
    ]);
    expect(state.name).toBe('error-insufficient-funds');
    expect(state.context.onrampOffer).toBe('unavailable');
  });

  it('a price that ran out while shown is fetched again, on the clock or on "Buy"', () => {
    const onTick = run([...toShort, quoted, { type: 'tick', now: minutes(7) }]);
    expect(onTick.state.context.onrampOffer).toBe('loading');
    expect(onTick.last).toContainEqual(expect.objectContaining({ type: 'quoteOnramp' }));
    const onBuy = run([...toShort, quoted, { type: 'buyRequested', now: minutes(7) }]);
    expect(onBuy.state.name).toBe('error-insufficient-funds');
    expect(onBuy.last).toContainEqual(expect.objectContaining({ type: 'quoteOnramp' }));
  });

  it('"Buy" makes the order from the offered price, then opens its page and follows it', () => {
    const ordering = run([...toShort, quoted, buy]);
    expect(ordering.state.name).toBe('onramp-ordering');
    expect(ordering.last).toEqual([{ type: 'createOnrampOrder', quoteId: makeOnrampQuote().id }]);
    const paying = run(toPaying);
    expect(paying.state.name).toBe('onramp-paying');
    expect(paying.last).toEqual([
      { type: 'openOnrampPage', url: makeOnrampOrder().hosted_url, embedding: ['popup', 'iframe'] },
      { type: 'pollOnrampOrder', orderId: makeOnrampOrder().id, delayMs: 2_000 },
    ]);
    // An order made from another quote is not ours.
    const foreign = run([
      ...toShort,
      quoted,
      buy,
      { type: 'onrampOrderCreated', order: makeOnrampOrder({ quote_id: 'orq_other' }) },
    ]);
    expect(foreign.state.name).toBe('onramp-ordering');
  });

  it('follows the order: pending, completed, then waits for the funds and pays', () => {
    const delivering = run([
      ...toPaying,
      { type: 'onrampPageShown', page: 'popup' },
      polled({ status: 'pending' }),
    ]);
    expect(delivering.state.name).toBe('onramp-delivering');
    const arriving = run([
      ...toPaying,
      polled({ status: 'pending' }),
      polled({ status: 'completed', tx_hash: txHash }),
    ]);
    expect(arriving.state.name).toBe('onramp-arriving');
    expect(arriving.last).toEqual([
      { type: 'closeOnrampPage' },
      { type: 'readBalance', walletId: 'uuid-1', account, quote: makeQuote() },
    ]);
    // The first read still finds too little; the next finds the funds and pays.
    const waiting = run([
      ...toPaying,
      polled({ status: 'completed', tx_hash: txHash }),
      { type: 'balanceRead', balance: 6_086_957n, now: minutes(4) },
    ]);
    expect(waiting.state.name).toBe('onramp-arriving');
    expect(waiting.last).toEqual([
      { type: 'readBalance', walletId: 'uuid-1', account, quote: makeQuote(), delayMs: 2_000 },
    ]);
    const paying = run([
      ...toPaying,
      polled({ status: 'completed', tx_hash: txHash }),
      { type: 'balanceRead', balance: 26_086_957n, now: minutes(4) },
    ]);
    expect(paying.state.name).toBe('confirming');
    expect(paying.last).toEqual([
      {
        type: 'sendTransaction',
        walletId: 'uuid-1',
        account,
        quote: makeQuote(),
        amount: 26_086_957n,
      },
    ]);
  });

  it('funds that do not come: "not arrived" after the last read, and "Check again" waits again', () => {
    const events: CheckoutEvent[] = [...toPaying, polled({ status: 'completed', tx_hash: txHash })];
    for (let read = 0; read < maxArrivalChecks; read += 1) {
      events.push({ type: 'balanceRead', balance: 0n, now: minutes(4) });
    }
    const { state, effects } = run(events);
    expect(state.name).toBe('error-onramp-not-arrived');
    expect(failedCodes(effects)).toContain('onramp/not-arrived');
    const again = run([...events, { type: 'checkBalanceRequested' }]);
    expect(again.state.name).toBe('onramp-arriving');
    expect(again.state.context.arrivalChecks).toBe(0);
  });

  it('a quote that expired while buying is renewed once the funds are there', () => {
    const { state } = run([
      ...toPaying,
      polled({ status: 'completed', tx_hash: txHash }),
      { type: 'balanceRead', balance: 26_086_957n, now: minutes(11) },
    ]);
    expect(state.name).toBe('error-quote-expired');
  });

  it.each([
    ['card_declined', 'error-onramp-declined'],
    ['insufficient_funds', 'error-onramp-insufficient-funds'],
    ['authentication_failed', 'error-onramp-failed'],
    ['delivery_failed', 'error-onramp-failed'],
  ])(
    'a failed order (%s) ends in %s, closes the page, and "Try again" checks the balance',
    (code, stateName) => {
      const events = [...toPaying, polled({ status: 'failed', failure: { code, message: code } })];
      const { state, last } = run(events);
      expect(state.name).toBe(stateName);
      expect(state.context.failure?.code).toBe(`onramp/${code}`);
      expect(last).toContainEqual({ type: 'closeOnrampPage' });
      expect(failedCodes(last)).toEqual([`onramp/${code}`]);
      const retried = run([...events, { type: 'checkBalanceRequested' }]);
      expect(retried.state.name).toBe('checking-balance');
      // Still short: a new offer.
      const offered = run([...events, { type: 'checkBalanceRequested' }, short]);
      expect(offered.state.name).toBe('error-insufficient-funds');
      expect(offered.state.context.onrampOffer).toBe('loading');
    },
  );

  it('an order that expired unpaid says so', () => {
    const { state, last } = run([...toPaying, polled({ status: 'expired' })]);
    expect(state.name).toBe('error-onramp-expired');
    expect(last).toContainEqual({ type: 'closeOnrampPage' });
  });

  it.each([
    ['onramp_address_denied', 'error-onramp-denied'],
    ['onramp_verification_required', 'error-onramp-verification'],
    ['onramp_country_not_served', 'error-onramp-refused'],
    ['onramp_amount_below_minimum', 'error-onramp-refused'],
  ])("a compliance refusal (%s) ends in %s with the provider's reason", (code, stateName) => {
    const { state, last } = run([...toShort, quoted, buy, apiFailure(code, 403)]);
    expect(state.name).toBe(stateName);
    expect(state.context.failure).toEqual({
      code: `provider/${code}`,
      message: `${code} (from the provider)`,
    });
    // The popup opened on "Buy" closes again.
    expect(last).toContainEqual({ type: 'closeOnrampPage' });
    const changed = run([
      ...toShort,
      quoted,
      buy,
      apiFailure(code, 403),
      { type: 'changeOptionRequested', now: minutes(4) },
    ]);
    expect(changed.state.name).toBe('options');
    expect(changed.state.context.onrampOffer).toBe('none');
  });

  it('an order whose quote expired or was used meanwhile offers a fresh price', () => {
    const { state, last } = run([...toShort, quoted, buy, apiFailure('onramp_quote_expired', 409)]);
    expect(state.name).toBe('error-insufficient-funds');
    expect(state.context.onrampOffer).toBe('loading');
    expect(last).toContainEqual({ type: 'closeOnrampPage' });
    expect(last).toContainEqual(expect.objectContaining({ type: 'quoteOnramp' }));
  });

  it('an order the provider could not make is a failure with a way back', () => {
    const { state } = run([
      ...toShort,
      quoted,
      buy,
      { type: 'onrampFailed', step: 'order', failure: { kind: 'unreachable', message: 'x' } },
    ]);
    expect(state.name).toBe('error-onramp-failed');
    expect(state.context.failure?.code).toBe('provider/unreachable');
  });

  it('the popup closed: the order says whether it was paid; unpaid, it is abandoned, still followed', () => {
    const shown = [...toPaying, { type: 'onrampPageShown', page: 'popup' } as CheckoutEvent];
    const closed = run([...shown, { type: 'onrampPageClosed' }]);
    // Not abandoned yet: the sandbox closes its own window once the order is over.
    expect(closed.state.name).toBe('onramp-paying');
    expect(closed.last).toEqual([
      { type: 'pollOnrampOrder', orderId: makeOnrampOrder().id, delayMs: 0 },
    ]);
    const abandoned = run([...shown, { type: 'onrampPageClosed' }, polled({ status: 'created' })]);
    expect(abandoned.state.name).toBe('error-onramp-abandoned');
    expect(failedCodes(abandoned.last)).toEqual(['onramp/abandoned']);
    expect(abandoned.last).toContainEqual(
      expect.objectContaining({ type: 'pollOnrampOrder', orderId: makeOnrampOrder().id }),
    );
    const declined = run([
      ...shown,
      { type: 'onrampPageClosed' },
      polled({ status: 'failed', failure: { code: 'card_declined', message: 'x' } }),
    ]);
    expect(declined.state.name).toBe('error-onramp-declined');
    // Paid just before closing: the order moves on by itself.
    const paidAnyway = run([
      ...shown,
      { type: 'onrampPageClosed' },
      polled({ status: 'created' }),
      polled({ status: 'pending' }),
    ]);
    expect(paidAnyway.state.name).toBe('onramp-delivering');
    const reopened = run([
      ...shown,
      { type: 'onrampPageClosed' },
      polled({ status: 'created' }),
      { type: 'onrampPageShown', page: 'popup' },
    ]);
    expect(reopened.state.name).toBe('onramp-paying');
    expect(reopened.state.context.onrampPage).toBe('popup');
    expect(reopened.last).toContainEqual(expect.objectContaining({ type: 'pollOnrampOrder' }));
    // An iframe is not closed by the shopper; a closed popup after paying changes nothing.
    const iframe = run([
      ...toPaying,
      { type: 'onrampPageShown', page: 'iframe' },
      { type: 'onrampPageClosed' },
    ]);
    expect(iframe.state.name).toBe('onramp-paying');
    expect(iframe.last).toEqual([]);
    const delivering = run([...shown, polled({ status: 'pending' }), { type: 'onrampPageClosed' }]);
    expect(delivering.state.name).toBe('onramp-delivering');
  });

  it('cancel closes the page and reads the balance again', () => {
    const { state, last } = run([...toPaying, { type: 'onrampCancelRequested' }]);
    expect(state.name).toBe('checking-balance');
    expect(last[0]).toEqual({ type: 'closeOnrampPage' });
    expect(last).toContainEqual(expect.objectContaining({ type: 'readBalance' }));
  });

  it('keeps asking about the order, more slowly, when the provider does not answer', () => {
    const { state, last } = run([
      ...toPaying,
      { type: 'onrampFailed', step: 'poll', failure: { kind: 'unreachable', message: 'x' } },
      { type: 'onrampFailed', step: 'poll', failure: { kind: 'unreachable', message: 'x' } },
    ]);
    expect(state.name).toBe('onramp-paying');
    expect(last).toEqual([
      { type: 'pollOnrampOrder', orderId: makeOnrampOrder().id, delayMs: 2_000 },
    ]);
  });

  it('ignores answers about another order, and on-ramp events outside their states', () => {
    const other = run([...toPaying, polled({ id: 'oro_other', status: 'completed' })]);
    expect(other.state.name).toBe('onramp-paying');
    const early = run([...toShort.slice(0, 3), buy, created, quoted]);
    expect(early.state.name).toBe('quoted');
  });
});
