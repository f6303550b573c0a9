import { describe, expect, it } from 'vitest';
import type { CheckoutEffect } from './CheckoutEffect.ts';
import type { CheckoutEvent } from './CheckoutEvent.ts';
import type { CheckoutState } from './CheckoutState.ts';
import {
  account,
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
import { transitionCheckout } from './transitionCheckout.ts';

/** Runs events from the start and returns the last state and every effect, in order. */
function run(events: readonly CheckoutEvent[], wallets = oneWallet) {
  const start = startCheckout({ sessionId, wallets });
  let state: CheckoutState = start.state;
  const effects: CheckoutEffect[] = [...start.effects];
  let last: readonly CheckoutEffect[] = start.effects;
  for (const event of events) {
    const step = transitionCheckout(state, event);
    state = step.state;
    last = step.effects;
    effects.push(...step.effects);
  }
  return { state, effects, last };
}

const emitted = (effects: readonly CheckoutEffect[]) =>
  effects.flatMap((effect) => (effect.type === 'emit' ? [effect.event] : []));

const loaded: CheckoutEvent = { type: 'sessionLoaded', session: makeSession(), now: minutes(0) };
const picked: CheckoutEvent = { type: 'optionPicked', chainId: 31337, asset: 'USDC' };
const locked: CheckoutEvent = { type: 'quoteLocked', quote: makeQuote() };
const pay: CheckoutEvent = { type: 'payRequested', now: minutes(1) };
const connected: CheckoutEvent = { type: 'walletConnected', account, chainId: 31337 };
const enough: CheckoutEvent = { type: 'balanceRead', balance: 10n ** 12n, now: minutes(2) };
const sent: CheckoutEvent = { type: 'transactionSent', txHash };
const toQuoted = [loaded, picked, locked];
const toConfirming = [...toQuoted, pay, connected, enough];
const toSubmitted = [...toConfirming, sent];

describe('transitionCheckout: reading the session', () => {
  it('starts by loading the session', () => {
    const start = startCheckout({ sessionId });
    expect(start.state.name).toBe('loading');
    expect(start.effects).toEqual([{ type: 'loadSession', delayMs: 0 }]);
  });

  it('shows the payment options of an open session', () => {
    const { state, last } = run([loaded]);
    expect(state.name).toBe('options');
    expect(state.context.session?.payment_options).toHaveLength(2);
    expect(last).toEqual([]);
  });

  it('shows an expired session as expired, and says so once', () => {
    const expired = run([
      { type: 'sessionLoaded', session: makeSession({ status: 'expired' }), now: minutes(0) },
    ]);
    expect(expired.state.name).toBe('error-session-expired');
    expect(emitted(expired.effects)).toEqual([
      { name: 'tp-checkout:expired', detail: { sessionId, what: 'session', quoteId: null } },
    ]);
    // An open session read after its expiry is expired too.
    const late = run([{ type: 'sessionLoaded', session: makeSession(), now: minutes(15) }]);
    expect(late.state.name).toBe('error-session-expired');
  });

  it('shows a session paid elsewhere as paid', () => {
    const session = makeSession({
      status: 'settled',
      payments: [makePayment({ status: 'confirmed' })],
    });
    const { state, effects } = run([{ type: 'sessionLoaded', session, now: minutes(3) }]);
    expect(state.name).toBe('paid');
    expect(emitted(effects)).toEqual([
      {
        name: 'tp-checkout:paid',
        detail: { sessionId, status: 'settled', txHash: null, amountPaid: null },
      },
    ]);
  });

  it('follows a pending session to its confirmations', () => {
    const session = makeSession({ status: 'pending', payments: [makePayment()] });
    const { state, last } = run([{ type: 'sessionLoaded', session, now: minutes(3) }]);
    expect(state.name).toBe('confirming-chain');
    expect(state.context.txHash).toBe(txHash);
    expect(last).toEqual([{ type: 'pollSession', delayMs: 2_000 }]);
  });

  it('retries an unreachable provider by itself, backing off, and shows it', () => {
    const down: CheckoutEvent = {
      type: 'providerFailed',
      operation: 'loadSession',
      failure: { kind: 'unreachable', message: 'Failed to fetch' },
    };
    const first = run([down]);
    expect(first.state.name).toBe('error-provider-unreachable');
    expect(first.last).toEqual([
      { type: 'loadSession', delayMs: 1_000 },
      {
        type: 'emit',
        event: {
          name: 'tp-checkout:failed',
          detail: {
            sessionId,
            state: 'error-provider-unreachable',
            code: 'provider/unreachable',
            message: 'Failed to fetch',
          },
        },
      },
    ]);
    const second = run([down, down]);
    expect(second.last).toEqual([{ type: 'loadSession', delayMs: 2_000 }]);
    expect(run([down, down, loaded]).state.name).toBe('options');
    expect(run([down, down, loaded]).state.context.attempt).toBe(0);
  });

  it('retries at once when asked', () => {
    const down: CheckoutEvent = {
      type: 'providerFailed',
      operation: 'loadSession',
      failure: { kind: 'unreachable', message: 'x' },
    };
    const { state, last } = run([down, { type: 'retryRequested', now: minutes(0) }]);
    expect(state.name).toBe('loading');
    expect(last).toEqual([{ type: 'loadSession', delayMs: 0 }]);
  });

  it('treats a refused key or an unknown session as a setup error', () => {
    for (const code of ['unauthorized', 'not_found']) {
      const { state } = run([
        {
          type: 'providerFailed',
          operation: 'loadSession',
          failure: {
            kind: 'api',
            code,
            status: code === 'unauthorized' ? 401 : 404,
            message: 'No.',
          },
        },
      ]);
      expect(state.name).toBe('error-config');
      expect(state.context.failure?.code).toBe(`provider/${code}`);
    }
  });
});

describe('transitionCheckout: quotes', () => {
  it('locks a quote for the picked option and announces it', () => {
    const quoting = run([loaded, picked]);
    expect(quoting.state.name).toBe('quoting');
    expect(quoting.last).toEqual([
      { type: 'lockQuote', chainId: 31337, asset: 'USDC', delayMs: 0 },
    ]);
    const quoted = run(toQuoted);
    expect(quoted.state.name).toBe('quoted');
    expect(quoted.state.context.amountDue).toBe(26_086_957n);
    expect(emitted(quoted.last)).toEqual([
      { name: 'tp-checkout:quote', detail: { sessionId, quote: makeQuote() } },
    ]);
  });

  it('ignores a pick of an option the session does not offer, or one without a rate', () => {
    const unknown = run([loaded, { type: 'optionPicked', chainId: 1, asset: 'USDC' }]);
    expect(unknown.state.name).toBe('options');
    const session = makeSession();
    const withoutRate = makeSession({
      payment_options: session.payment_options.map((option) => ({ ...option, amount: null })),
    });
    const noRate = run([{ type: 'sessionLoaded', session: withoutRate, now: minutes(0) }, picked]);
    expect(noRate.state.name).toBe('options');
  });

  it('ignores a late quote for an option the shopper left', () => {
    const { state } = run([
      loaded,
      picked,
      {
        type: 'providerFailed',
        operation: 'lockQuote',
        failure: { kind: 'api', code: 'x', status: 400, message: '' },
      },
      { type: 'changeOptionRequested', now: minutes(0) },
      { type: 'optionPicked', chainId: 31337, asset: 'ETH' },
      locked,
    ]);
    expect(state.name).toBe('quoting');
    expect(state.context.quote).toBeNull();
  });

  it('expires the quote at its expiry, not a second earlier, and re-quotes on request', () => {
    const before = run([
      ...toQuoted,
      { type: 'tick', now: new Date(minutes(10).getTime() - 1_000) },
    ]);
    expect(before.state.name).toBe('quoted');
    const at = run([...toQuoted, { type: 'tick', now: minutes(10) }]);
    expect(at.state.name).toBe('error-quote-expired');
    expect(emitted(at.last)).toEqual([
      {
        name: 'tp-checkout:expired',
        detail: { sessionId, what: 'quote', quoteId: makeQuote().id },
      },
    ]);
    const again = run([
      ...toQuoted,
      { type: 'tick', now: minutes(10) },
      { type: 'tick', now: minutes(11) },
    ]);
    expect(again.last).toEqual([]);
    const requoted = run([
      ...toQuoted,
      { type: 'tick', now: minutes(10) },
      { type: 'requoteRequested', now: minutes(11) },
    ]);
    expect(requoted.state.name).toBe('quoting');
    expect(requoted.last).toEqual([
      { type: 'lockQuote', chainId: 31337, asset: 'USDC', delayMs: 0 },
    ]);
  });

  it('reloads the session when the provider says it is no longer open', () => {
    const { state, last } = run([
      loaded,
      picked,
      {
        type: 'providerFailed',
        operation: 'lockQuote',
        failure: { kind: 'api', code: 'session_not_open', status: 409, message: 'Closed.' },
      },
    ]);
    expect(state.name).toBe('loading');
    expect(last).toEqual([{ type: 'loadSession', delayMs: 0 }]);
  });

  it('retries a quote by itself while rates are unavailable, showing the refusal', () => {
    const { state, last } = run([
      loaded,
      picked,
      {
        type: 'providerFailed',
        operation: 'lockQuote',
        failure: { kind: 'api', code: 'rates_unavailable', status: 503, message: 'No quorum.' },
      },
    ]);
    expect(state.name).toBe('error-provider');
    expect(last[0]).toEqual({ type: 'lockQuote', chainId: 31337, asset: 'USDC', delayMs: 1_000 });
    expect(
      run([
        loaded,
        picked,
        {
          type: 'providerFailed',
          operation: 'lockQuote',
          failure: { kind: 'api', code: 'rates_unavailable', status: 503, message: '' },
        },
        locked,
      ]).state.name,
    ).toBe('quoted');
  });
});

describe('transitionCheckout: wallets', () => {
  it('says so when there is no wallet at all', () => {
    const { state } = run([...toQuoted, pay], []);
    expect(state.name).toBe('error-no-wallet');
    expect(state.context.failure?.code).toBe('wallet/none');
  });

  it('connects the only wallet at once, and lets the shopper pick among several', () => {
    const one = run([...toQuoted, pay]);
    expect(one.state.name).toBe('connecting');
    expect(one.last).toEqual([{ type: 'connectWallet', walletId: 'uuid-1' }]);
    const two = run([...toQuoted, pay], twoWallets);
    expect(two.state.name).toBe('wallet-picker');
    const picked2 = run(
      [...toQuoted, pay, { type: 'walletPicked', walletId: 'uuid-2' }],
      twoWallets,
    );
    expect(picked2.last).toEqual([{ type: 'connectWallet', walletId: 'uuid-2' }]);
    const unknown = run([...toQuoted, pay, { type: 'walletPicked', walletId: 'nope' }], twoWallets);
    expect(unknown.state.name).toBe('wallet-picker');
  });

  it('switches the wallet to the quote’s chain when it is elsewhere', () => {
    const elsewhere = run([...toQuoted, pay, { ...connected, chainId: 1 }]);
    expect(elsewhere.state.name).toBe('switching-chain');
    expect(elsewhere.last).toEqual([{ type: 'switchChain', walletId: 'uuid-1', chainId: 31337 }]);
    const switched = run([
      ...toQuoted,
      pay,
      { ...connected, chainId: 1 },
      { type: 'chainSwitched', chainId: 31337 },
    ]);
    expect(switched.state.name).toBe('checking-balance');
    const stayed = run([
      ...toQuoted,
      pay,
      { ...connected, chainId: 1 },
      { type: 'chainSwitched', chainId: 1 },
    ]);
    expect(stayed.state.name).toBe('error-wrong-network');
    const refused = run([
      ...toQuoted,
      pay,
      { ...connected, chainId: 1 },
      { type: 'walletFailed', step: 'switch', failure: { kind: 'rejected', message: 'No.' } },
    ]);
    expect(refused.state.name).toBe('error-wrong-network');
    const again = run([
      ...toQuoted,
      pay,
      { ...connected, chainId: 1 },
      { type: 'chainSwitched', chainId: 1 },
      { type: 'switchNetworkRequested' },
    ]);
    expect(again.last).toEqual([{ type: 'switchChain', walletId: 'uuid-1', chainId: 31337 }]);
  });

  it('says how much is missing, and checks again on request', () => {
    const short = run([
      ...toQuoted,
      pay,
      connected,
      { type: 'balanceRead', balance: 1_000_000n, now: minutes(2) },
    ]);
    expect(short.state.name).toBe('error-insufficient-funds');
    expect(short.state.context.balance).toBe(1_000_000n);
    expect(short.last.some((effect) => effect.type === 'sendTransaction')).toBe(false);
    const recheck = run([
      ...toQuoted,
      pay,
      connected,
      { type: 'balanceRead', balance: 1_000_000n, now: minutes(2) },
      { type: 'checkBalanceRequested' },
    ]);
    expect(recheck.last).toEqual([
      { type: 'readBalance', walletId: 'uuid-1', account, quote: makeQuote() },
    ]);
  });

  it('sends exactly the quoted amount once the balance covers it', () => {
    const exact = run([
      ...toQuoted,
      pay,
      connected,
      { type: 'balanceRead', balance: 26_086_957n, now: minutes(2) },
    ]);
    expect(exact.state.name).toBe('confirming');
    expect(exact.last).toEqual([
      {
        type: 'sendTransaction',
        walletId: 'uuid-1',
        account,
        quote: makeQuote(),
        amount: 26_086_957n,
      },
    ]);
  });

  it('never sends on an expired quote, even when the balance arrives late', () => {
    const { state, effects } = run([
      ...toQuoted,
      pay,
      connected,
      { type: 'balanceRead', balance: 10n ** 12n, now: minutes(10) },
    ]);
    expect(state.name).toBe('error-quote-expired');
    expect(effects.some((effect) => effect.type === 'sendTransaction')).toBe(false);
  });

  it('names each wallet refusal, and tries again from the start', () => {
    const rejected = run([
      ...toConfirming,
      {
        type: 'walletFailed',
        step: 'send',
        failure: { kind: 'rejected', message: 'User rejected.' },
      },
    ]);
    expect(rejected.state.name).toBe('error-wallet-rejected');
    expect(emitted(rejected.last)).toEqual([
      {
        name: 'tp-checkout:failed',
        detail: {
          sessionId,
          state: 'error-wallet-rejected',
          code: 'wallet/rejected',
          message: 'User rejected.',
        },
      },
    ]);
    const pending = run([
      ...toQuoted,
      pay,
      { type: 'walletFailed', step: 'connect', failure: { kind: 'pending', message: '' } },
    ]);
    expect(pending.state.name).toBe('error-wallet-pending');
    const other = run([
      ...toQuoted,
      pay,
      { type: 'walletFailed', step: 'connect', failure: { kind: 'other', message: 'Boom' } },
    ]);
    expect(other.state.name).toBe('error-wallet');
    const retried = run([
      ...toConfirming,
      { type: 'walletFailed', step: 'send', failure: { kind: 'rejected', message: '' } },
      { type: 'retryRequested', now: minutes(3) },
    ]);
    expect(retried.state.name).toBe('connecting');
  });

  it('retries with the wallet already chosen, without asking again', () => {
    const refused: CheckoutEvent = {
      type: 'walletFailed',
      step: 'send',
      failure: { kind: 'rejected', message: '' },
    };
    const chose = { type: 'walletPicked', walletId: 'uuid-2' } as const;
    const retried = run(
      [
        ...toQuoted,
        pay,
        chose,
        connected,
        enough,
        refused,
        { type: 'retryRequested', now: minutes(3) },
      ],
      twoWallets,
    );
    expect(retried.state.name).toBe('connecting');
    expect(retried.last).toEqual([{ type: 'connectWallet', walletId: 'uuid-2' }]);
    const gone = run(
      [
        ...toQuoted,
        pay,
        chose,
        connected,
        enough,
        refused,
        {
          type: 'walletsChanged',
          wallets: [...twoWallets.slice(0, 1), { id: 'uuid-3', name: 'Third', icon: null }],
        },
        { type: 'retryRequested', now: minutes(3) },
      ],
      twoWallets,
    );
    expect(gone.state.name).toBe('wallet-picker');
  });

  it('ignores a wallet failure of a step it is not in', () => {
    const { state } = run([
      ...toQuoted,
      pay,
      connected,
      { type: 'walletFailed', step: 'connect', failure: { kind: 'rejected', message: '' } },
    ]);
    expect(state.name).toBe('checking-balance');
  });
});

describe('transitionCheckout: after sending', () => {
  it('reports the transaction and announces it as pending', () => {
    const { state, last } = run(toSubmitted);
    expect(state.name).toBe('submitted');
    expect(last).toEqual([
      {
        type: 'emit',
        event: {
          name: 'tp-checkout:pending',
          detail: {
            sessionId,
            quoteId: makeQuote().id,
            chainId: 31337,
            asset: 'USDC',
            amount: '26086957',
            txHash,
          },
        },
      },
      { type: 'reportPayment', chainId: 31337, txHash },
    ]);
  });

  it('polls when the report fails, and follows confirmations to paid', () => {
    expect(run([...toSubmitted, { type: 'paymentReportFailed' }]).last).toEqual([
      { type: 'pollSession', delayMs: 2_000 },
    ]);
    const seen = makeSession({ status: 'pending', payments: [makePayment({ confirmations: 2 })] });
    const confirming = run([
      ...toSubmitted,
      { type: 'sessionPolled', session: seen, now: minutes(3) },
    ]);
    expect(confirming.state.name).toBe('confirming-chain');
    expect(confirming.state.context.payment?.confirmations).toBe(2);
    const settled = makeSession({
      status: 'settled',
      payments: [makePayment({ status: 'confirmed', confirmations: 3 })],
      amount_paid: {
        quote_id: makeQuote().id,
        chain_id: 31337,
        asset: 'USDC',
        amount_quoted: '26086957',
        amount_paid: '26086957',
        amount_remaining: '0',
      },
    });
    const paid = run([
      ...toSubmitted,
      { type: 'sessionPolled', session: seen, now: minutes(3) },
      { type: 'sessionPolled', session: settled, now: minutes(4) },
    ]);
    expect(paid.state.name).toBe('paid');
    expect(emitted(paid.last)).toEqual([
      {
        name: 'tp-checkout:paid',
        detail: { sessionId, status: 'settled', txHash, amountPaid: settled.amount_paid },
      },
    ]);
    expect(paid.last.some((effect) => effect.type === 'pollSession')).toBe(false);
  });

  it('keeps waiting while the provider has not seen the transaction', () => {
    const { state, last } = run([
      ...toSubmitted,
      { type: 'sessionPolled', session: makeSession(), now: minutes(3) },
    ]);
    expect(state.name).toBe('submitted');
    expect(last).toEqual([{ type: 'pollSession', delayMs: 2_000 }]);
  });

  it('shows a dropped transaction as failed', () => {
    const dropped = makeSession({
      payments: [makePayment({ status: 'dropped', confirmations: 0 })],
    });
    const { state } = run([
      ...toSubmitted,
      { type: 'sessionPolled', session: dropped, now: minutes(3) },
    ]);
    expect(state.name).toBe('error-payment-failed');
  });

  it('asks for the rest of an underpaid session, then waits for that transfer only', () => {
    const underpaid = makeSession({
      status: 'underpaid',
      payments: [makePayment({ status: 'confirmed', confirmations: 3, amount: '20000000' })],
      amount_paid: {
        quote_id: makeQuote().id,
        chain_id: 31337,
        asset: 'USDC',
        amount_quoted: '26086957',
        amount_paid: '20000000',
        amount_remaining: '6086957',
      },
    });
    const polledUnderpaid: CheckoutEvent = {
      type: 'sessionPolled',
      session: underpaid,
      now: minutes(3),
    };
    const short = run([...toSubmitted, polledUnderpaid]);
    expect(short.state.name).toBe('error-underpaid');
    expect(short.state.context.amountDue).toBe(6_086_957n);
    // Paying the rest skips the quote's expiry: the provider takes top-ups with the same reference.
    const rest = run([
      ...toSubmitted,
      polledUnderpaid,
      { type: 'payRestRequested', now: minutes(30) },
      connected,
      { type: 'balanceRead', balance: 10n ** 12n, now: minutes(31) },
    ]);
    expect(rest.state.name).toBe('confirming');
    expect(rest.last).toEqual([
      {
        type: 'sendTransaction',
        walletId: 'uuid-1',
        account,
        quote: makeQuote(),
        amount: 6_086_957n,
      },
    ]);
    const restHash = `0x${'cd'.repeat(32)}`;
    const waiting = run([
      ...toSubmitted,
      polledUnderpaid,
      { type: 'payRestRequested', now: minutes(30) },
      connected,
      { type: 'balanceRead', balance: 10n ** 12n, now: minutes(31) },
      { type: 'transactionSent', txHash: restHash },
      { ...polledUnderpaid, now: minutes(32) },
    ]);
    expect(waiting.state.name).toBe('submitted');
  });
});

describe('transitionCheckout: stale events', () => {
  it('leaves the state untouched (same object) for events of another state', () => {
    const options = run([loaded]).state;
    const stale: CheckoutEvent[] = [
      locked,
      connected,
      sent,
      enough,
      { type: 'chainSwitched', chainId: 31337 },
      { type: 'sessionPolled', session: makeSession(), now: minutes(1) },
      { type: 'paymentReportFailed' },
      { type: 'retryRequested', now: minutes(1) },
      { type: 'payRestRequested', now: minutes(1) },
    ];
    for (const event of stale) {
      const step = transitionCheckout(options, event);
      expect(step.state, event.type).toBe(options);
      expect(step.effects, event.type).toEqual([]);
    }
  });
});

describe('transitionCheckout: a subscription plan with a free trial', () => {
  const trialPlan: CheckoutEvent = { type: 'planLoaded', trialDays: 14 };
  const signed: CheckoutEvent = { type: 'trialSigned', signature: trialSignature };
  const started: CheckoutEvent = { type: 'trialStarted', subscription: makeSubscription() };
  const toSigning = [trialPlan, ...toQuoted, pay, connected];
  const quote = makeQuote();

  it('asks for the allowance and a signature instead of checking the balance and paying', () => {
    const { state, last } = run(toSigning);
    expect(state.name).toBe('starting-trial');
    expect(last).toEqual([{ type: 'signTrial', walletId: 'uuid-1', account, quote }]);
  });

  it('pays as usual when the plan has no trial', () => {
    const { state, last } = run([
      { type: 'planLoaded', trialDays: 0 },
      ...toQuoted,
      pay,
      connected,
    ]);
    expect(state.name).toBe('checking-balance');
    expect(last[0]?.type).toBe('readBalance');
  });

  it('starts the trial with the signature, then announces it, never a payment', () => {
    const signing = run([...toSigning, signed]);
    expect(signing.state.name).toBe('starting-trial');
    expect(signing.last).toEqual([
      {
        type: 'startTrial',
        quoteId: quote.id,
        subscriber: account,
        signature: trialSignature,
        delayMs: 0,
      },
    ]);
    const { state, effects, last } = run([...toSigning, signed, started]);
    expect(state.name).toBe('trial-started');
    expect(state.context.subscription?.status).toBe('trialing');
    expect(emitted(last)).toEqual([
      {
        name: 'tp-checkout:subscribed',
        detail: {
          sessionId,
          subscriptionId: makeSubscription().id,
          status: 'trialing',
          trialEnd: makeSubscription().trial_end,
        },
      },
    ]);
    expect(effects.map((effect) => effect.type)).not.toContain('sendTransaction');
    expect(emitted(effects).map((event) => event.name)).not.toContain('tp-checkout:paid');
  });

  it('switches the chain first, then asks for the signature', () => {
    const elsewhere = run([
      trialPlan,
      ...toQuoted,
      pay,
      { type: 'walletConnected', account, chainId: 1 },
      { type: 'chainSwitched', chainId: 31337 },
    ]);
    expect(elsewhere.state.name).toBe('starting-trial');
    expect(elsewhere.last[0]?.type).toBe('signTrial');
  });

  it('does not pay when the plan arrives after the balance check was asked for', () => {
    const { state, last } = run([...toQuoted, pay, connected, trialPlan, enough]);
    expect(state.name).toBe('starting-trial');
    expect(last).toEqual([{ type: 'signTrial', walletId: 'uuid-1', account, quote }]);
  });

  it('goes back to a retry when the shopper refuses to sign, and asks again on "Try again"', () => {
    const rejected = run([
      ...toSigning,
      {
        type: 'walletFailed',
        step: 'sign',
        failure: { kind: 'rejected', message: 'User rejected' },
      },
    ]);
    expect(rejected.state.name).toBe('error-wallet-rejected');
    expect(rejected.state.context.failure?.code).toBe('wallet/rejected');
    const again = run([
      ...toSigning,
      {
        type: 'walletFailed',
        step: 'sign',
        failure: { kind: 'rejected', message: 'User rejected' },
      },
      { type: 'retryRequested', now: minutes(2) },
      connected,
    ]);
    expect(again.state.name).toBe('starting-trial');
    expect(again.last[0]?.type).toBe('signTrial');
  });

  it('shows the provider refusing the trial, keeps the signature for "Try again", and lets the shopper pick again', () => {
    const refusal: CheckoutEvent = {
      type: 'providerFailed',
      operation: 'startTrial',
      failure: { kind: 'api', code: 'quote_expired', status: 409, message: 'The quote expired.' },
    };
    const refused = run([...toSigning, signed, refusal]);
    expect(refused.state.name).toBe('error-provider');
    expect(refused.state.context.failure?.code).toBe('provider/quote_expired');
    const retried = transitionCheckout(refused.state, { type: 'retryRequested', now: minutes(3) });
    expect(retried.state.name).toBe('starting-trial');
    expect(retried.effects).toEqual([
      {
        type: 'startTrial',
        quoteId: quote.id,
        subscriber: account,
        signature: trialSignature,
        delayMs: 0,
      },
    ]);
    const changed = transitionCheckout(refused.state, {
      type: 'changeOptionRequested',
      now: minutes(3),
    });
    expect(changed.state.name).toBe('options');
  });

  it('retries an unreachable provider by itself, without asking to sign again', () => {
    const { state, last } = run([
      ...toSigning,
      signed,
      {
        type: 'providerFailed',
        operation: 'startTrial',
        failure: { kind: 'unreachable', message: 'x' },
      },
    ]);
    expect(state.name).toBe('error-provider-unreachable');
    expect(last[0]).toMatchObject({ type: 'startTrial', signature: trialSignature });
    expect(last.map((effect) => effect.type)).not.toContain('signTrial');
  });

  it('ignores a trial answer for another session, or before anything was signed', () => {
    const waiting = run([...toSigning, signed]).state;
    const other = makeSubscription({ checkout_session: 'cs_00000000000000000000000000000000' });
    expect(transitionCheckout(waiting, { type: 'trialStarted', subscription: other }).state).toBe(
      waiting,
    );
    const unsigned = run(toSigning).state;
    expect(transitionCheckout(unsigned, started).state).toBe(unsigned);
  });

  it('stays in trial-started whatever happens next', () => {
    const done = run([...toSigning, signed, started]).state;
    for (const event of [
      pay,
      connected,
      enough,
      signed,
      { type: 'retryRequested', now: minutes(4) },
    ] as CheckoutEvent[]) {
      expect(transitionCheckout(done, event).state.name).toBe('trial-started');
    }
  });
});
