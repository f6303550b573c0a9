import type { CheckoutPayment } from '../../shared/providerApi/CheckoutPayment.ts';
import type { CheckoutSession } from '../../shared/providerApi/CheckoutSession.ts';
import type { CheckoutEffect } from './CheckoutEffect.ts';
import type { CheckoutEvent, ProviderFailure, WalletFailure, WalletStep } from './CheckoutEvent.ts';
import type {
  CheckoutContext,
  CheckoutState,
  CheckoutStateName,
  ProviderOperation,
} from './CheckoutState.ts';
import { pollIntervalMilliseconds } from './checkoutTimings.ts';
import { enterErrorState as fail } from './enterErrorState.ts';
import { moveToState as go } from './moveToState.ts';
import { retryDelay } from './retryDelay.ts';
import { stayInState as stay } from './stayInState.ts';

export type TransitionCheckoutReturnType = {
  readonly state: CheckoutState;
  readonly effects: readonly CheckoutEffect[];
};

/*
 * The checkout flow as a pure function: (state, event) → (next state, effects). It reads no
 * clock (time arrives in events), calls nothing, and ignores events that do not belong to the
 * current state, so a late answer to an abandoned request cannot move the flow. Entering an
 * error state emits `tp-checkout:failed` (or `tp-checkout:expired`) once, on entry. The on-ramp's
 * events (buying what is missing with a card) are `transitionWithOnramp`'s, in the on-ramp's lazy
 * chunk; here they change nothing. A subscription plan with a free trial (`trialDays` > 0) never
 * pays at checkout: where a payment would be sent, the wallet is asked for the allowance and a
 * signature instead (`starting-trial`), and the provider starts the trial (`trial-started`).
 */

/** States in which the shopper holds a quote but nothing was sent: expiry applies. */
const holdingQuote: ReadonlySet<CheckoutStateName> = new Set([
  'quoted',
  'wallet-picker',
  'error-no-wallet',
  'error-wallet-rejected',
  'error-wallet-pending',
  'error-wallet',
  'error-wrong-network',
  'error-insufficient-funds',
]);

/** States where the shopper may go back to the list of payment options. */
const mayChangeOption: ReadonlySet<CheckoutStateName> = new Set([
  ...holdingQuote,
  'error-onramp-declined',
  'error-onramp-insufficient-funds',
  'error-onramp-failed',
  'error-onramp-expired',
  'error-onramp-abandoned',
  'error-onramp-denied',
  'error-onramp-verification',
  'error-onramp-refused',
  'error-onramp-not-arrived',
  'error-quote-expired',
  'error-payment-failed',
  'error-provider',
]);

/** Session statuses after which there is nothing left to pay. */
const paidStatuses: ReadonlySet<string> = new Set(['settled', 'overpaid', 'paid_late']);

/** Provider answers worth retrying by themselves: overload and server trouble. */
function isTransient(failure: ProviderFailure & { kind: 'api' }): boolean {
  return failure.status === 429 || failure.status >= 500 || failure.code === 'rate_limited';
}

function isPast(timestamp: string, now: Date): boolean {
  return Date.parse(timestamp) <= now.getTime();
}

type Step = TransitionCheckoutReturnType;

function expireQuote(state: CheckoutState): Step {
  const quoteId = state.context.quote?.id ?? null;
  return {
    state: {
      name: 'error-quote-expired',
      context: {
        ...state.context,
        failure: { code: 'checkout/quote-expired', message: 'The quote expired before payment.' },
      },
    },
    effects: [
      {
        type: 'emit',
        event: {
          name: 'tp-checkout:expired',
          detail: { sessionId: state.context.sessionId, what: 'quote', quoteId },
        },
      },
    ],
  };
}

function expireSession(state: CheckoutState, patch: Partial<CheckoutContext> = {}): Step {
  return {
    state: {
      name: 'error-session-expired',
      context: {
        ...state.context,
        ...patch,
        failure: { code: 'checkout/session-expired', message: 'The checkout session expired.' },
      },
    },
    effects: [
      {
        type: 'emit',
        event: {
          name: 'tp-checkout:expired',
          detail: { sessionId: state.context.sessionId, what: 'session', quoteId: null },
        },
      },
    ],
  };
}

function markPaid(
  state: CheckoutState,
  session: CheckoutSession,
  patch: Partial<CheckoutContext>,
): Step {
  const txHash = patch.txHash ?? state.context.txHash;
  return go(state, 'paid', { ...patch, session, failure: null, retry: null, attempt: 0 }, [
    {
      type: 'emit',
      event: {
        name: 'tp-checkout:paid',
        detail: {
          sessionId: state.context.sessionId,
          status: session.status,
          txHash,
          amountPaid: session.amount_paid,
        },
      },
    },
  ]);
}

function markUnderpaid(
  state: CheckoutState,
  session: CheckoutSession,
  patch: Partial<CheckoutContext>,
): Step {
  const remaining =
    session.amount_paid === null ? null : BigInt(session.amount_paid.amount_remaining);
  return fail(
    state,
    'error-underpaid',
    { code: 'checkout/underpaid', message: 'Less than the quoted amount arrived.' },
    { ...patch, session, amountDue: remaining, retry: null, attempt: 0 },
  );
}

function findOwnPayment(session: CheckoutSession, txHash: string | null): CheckoutPayment | null {
  if (txHash === null) return null;
  const wanted = txHash.toLowerCase();
  return session.payments.find((payment) => payment.tx_hash.toLowerCase() === wanted) ?? null;
}

const poll: CheckoutEffect = { type: 'pollSession', delayMs: pollIntervalMilliseconds };

/** A freshly read session (first load, a reload, or a retry): show what its status calls for. */
function enterSession(state: CheckoutState, session: CheckoutSession, now: Date): Step {
  const patch: Partial<CheckoutContext> = { session, failure: null, retry: null, attempt: 0 };
  if (paidStatuses.has(session.status)) return markPaid(state, session, patch);
  switch (session.status) {
    case 'expired':
      return expireSession(state, patch);
    case 'underpaid':
      return markUnderpaid(state, session, patch);
    case 'pending': {
      const live = session.payments.filter((payment) => payment.status !== 'dropped');
      const payment = findOwnPayment(session, state.context.txHash) ?? live.at(-1) ?? null;
      return go(
        state,
        'confirming-chain',
        { ...patch, payment, txHash: payment?.tx_hash ?? null },
        [poll],
      );
    }
    default:
      if (isPast(session.expires_at, now)) return expireSession(state, patch);
      if (session.payment_options.length === 0) {
        return fail(
          state,
          'error-provider',
          { code: 'checkout/no-payment-options', message: 'The session offers no payment option.' },
          patch,
        );
      }
      return go(state, 'options', { ...patch, option: null, quote: null, amountDue: null });
  }
}

/** A poll (or the answer to reporting the transaction) while waiting for the chain. */
function followPayment(state: CheckoutState, session: CheckoutSession): Step {
  const patch: Partial<CheckoutContext> = { session, failure: null, retry: null, attempt: 0 };
  if (paidStatuses.has(session.status)) return markPaid(state, session, patch);
  const payment = findOwnPayment(session, state.context.txHash);
  if (payment?.status === 'dropped') {
    return fail(
      state,
      'error-payment-failed',
      { code: 'checkout/payment-dropped', message: 'The transaction failed or left the chain.' },
      { ...patch, payment },
    );
  }
  const isOwnConfirmed = payment?.status === 'confirmed';
  if (
    session.status === 'underpaid' &&
    (isOwnConfirmed || (payment === null && !state.context.isPayingRest))
  ) {
    return markUnderpaid(state, session, { ...patch, payment });
  }
  if (payment !== null) return go(state, 'confirming-chain', { ...patch, payment }, [poll]);
  return go(state, 'submitted', patch, [poll]);
}

function providerFailed(
  state: CheckoutState,
  operation: ProviderOperation,
  failure: ProviderFailure,
): Step {
  const { context } = state;
  if (failure.kind === 'unreachable' || isTransient(failure)) {
    // No answer, or a temporary refusal (overload, no rate quorum): retry by itself, backing off.
    const attempt = context.attempt + 1;
    const effect = operationEffect(state, operation, retryDelay(attempt));
    if (effect === null) return stay(state);
    const isUnreachable = failure.kind === 'unreachable';
    return fail(
      state,
      isUnreachable ? 'error-provider-unreachable' : 'error-provider',
      isUnreachable
        ? { code: 'provider/unreachable', message: failure.message }
        : { code: `provider/${failure.code}`, message: failure.message },
      { retry: operation, attempt },
      [effect],
    );
  }
  // Refused, not unreachable: each operation knows what a refusal means.
  const apiFailure = { code: `provider/${failure.code}`, message: failure.message };
  if (operation === 'loadSession') {
    const isConfig = ['unauthorized', 'not_found', 'invalid_request'].includes(failure.code);
    return fail(state, isConfig ? 'error-config' : 'error-provider', apiFailure, {
      retry: isConfig ? null : 'loadSession',
      attempt: 0,
    });
  }
  if (operation === 'lockQuote' && failure.code === 'session_not_open') {
    // The session moved on (paid elsewhere, expired): read it to show why.
    return go(state, 'loading', { retry: null, attempt: 0 }, [{ type: 'loadSession', delayMs: 0 }]);
  }
  if (operation === 'pollSession') {
    // The transaction is out there; keep asking, more slowly.
    const attempt = context.attempt + 1;
    return go(state, state.name, { attempt }, [
      { type: 'pollSession', delayMs: retryDelay(attempt) },
    ]);
  }
  return fail(state, 'error-provider', apiFailure, { retry: operation, attempt: 0 });
}

function operationEffect(
  state: CheckoutState,
  operation: ProviderOperation,
  delayMs: number,
): CheckoutEffect | null {
  switch (operation) {
    case 'loadSession':
      return { type: 'loadSession', delayMs };
    case 'pollSession':
      return { type: 'pollSession', delayMs };
    case 'startTrial': {
      const { quote, account, trialSignature } = state.context;
      if (quote === null || account === null || trialSignature === null) return null;
      return {
        type: 'startTrial',
        quoteId: quote.id,
        subscriber: account,
        signature: trialSignature,
        delayMs,
      };
    }
    case 'lockQuote': {
      const option = state.context.option;
      if (option === null) return null;
      return { type: 'lockQuote', chainId: option.chain_id, asset: option.asset, delayMs };
    }
  }
}

/** Which state a provider operation waits in, to return to it on "Try again". */
function waitingStateOf(state: CheckoutState, operation: ProviderOperation): CheckoutStateName {
  switch (operation) {
    case 'loadSession':
      return 'loading';
    case 'lockQuote':
      return 'quoting';
    case 'pollSession':
      return state.context.payment === null ? 'submitted' : 'confirming-chain';
    case 'startTrial':
      return 'starting-trial';
  }
}

/** Does `event` answer the provider operation that `state` waits for? */
function isWaitingFor(state: CheckoutState, operation: ProviderOperation): boolean {
  if (state.name === 'error-provider-unreachable' || state.name === 'error-provider') {
    return state.context.retry === operation;
  }
  return waitingStateOf(state, operation) === state.name;
}

/**
 * "Pay with wallet", "Pay the rest" and every "Try again" of a wallet error: find the wallet,
 * then connect. A first payment asks which wallet when there are several; a retry or the rest
 * goes on with the wallet already chosen, if it is still on the page.
 */
function startPayment(state: CheckoutState, now: Date, isFirstTry: boolean): Step {
  const { quote, session, wallets, walletId, isPayingRest } = state.context;
  if (quote === null) return stay(state);
  if (!isPayingRest) {
    if (session !== null && isPast(session.expires_at, now)) return expireSession(state);
    if (isPast(quote.expires_at, now)) return expireQuote(state);
  }
  const [onlyWallet] = wallets;
  if (onlyWallet === undefined) {
    return fail(state, 'error-no-wallet', {
      code: 'wallet/none',
      message: 'No EIP-6963 wallet announced itself and window.ethereum is missing.',
    });
  }
  const chosen = wallets.find((wallet) => wallet.id === walletId);
  if (!isFirstTry && chosen !== undefined) return connect(state, chosen.id);
  if (wallets.length > 1) return go(state, 'wallet-picker', { failure: null });
  return connect(state, onlyWallet.id);
}

function connect(state: CheckoutState, walletId: string): Step {
  return go(
    state,
    'connecting',
    { walletId, account: null, txHash: null, payment: null, failure: null },
    [{ type: 'connectWallet', walletId }],
  );
}

function checkBalance(state: CheckoutState, patch: Partial<CheckoutContext> = {}): Step {
  const context = { ...state.context, ...patch };
  const { walletId, account, quote } = context;
  if (walletId === null || account === null || quote === null) return stay(state);
  return go(state, 'checking-balance', { ...patch, failure: null }, [
    { type: 'readBalance', walletId, account, quote },
  ]);
}

/** A free trial: ask for the allowance and the signature; nothing is paid, so no balance check. */
function beginTrial(state: CheckoutState, patch: Partial<CheckoutContext> = {}): Step {
  const { walletId, account, quote } = { ...state.context, ...patch };
  if (walletId === null || account === null || quote === null) return stay(state);
  return go(state, 'starting-trial', { ...patch, trialSignature: null, failure: null }, [
    { type: 'signTrial', walletId, account, quote },
  ]);
}

/** On the quote's chain: check the balance before paying, or start the trial. */
function onQuoteChain(state: CheckoutState, patch: Partial<CheckoutContext> = {}): Step {
  return state.context.trialDays > 0 ? beginTrial(state, patch) : checkBalance(state, patch);
}

function switchChain(state: CheckoutState, patch: Partial<CheckoutContext> = {}): Step {
  const context = { ...state.context, ...patch };
  if (context.walletId === null || context.quote === null) return stay(state);
  return go(state, 'switching-chain', { ...patch, failure: null }, [
    { type: 'switchChain', walletId: context.walletId, chainId: context.quote.chain_id },
  ]);
}

const walletStepStates: Readonly<Record<WalletStep, CheckoutStateName>> = {
  connect: 'connecting',
  switch: 'switching-chain',
  balance: 'checking-balance',
  send: 'confirming',
  sign: 'starting-trial',
};

function walletFailed(state: CheckoutState, step: WalletStep, failure: WalletFailure): Step {
  if (walletStepStates[step] !== state.name) return stay(state);
  if (step === 'switch' && failure.kind !== 'pending') {
    return fail(state, 'error-wrong-network', {
      code: 'wallet/wrong-network',
      message: failure.message,
    });
  }
  switch (failure.kind) {
    case 'rejected':
      return fail(state, 'error-wallet-rejected', {
        code: 'wallet/rejected',
        message: failure.message,
      });
    case 'pending':
      return fail(state, 'error-wallet-pending', {
        code: 'wallet/request-pending',
        message: failure.message,
      });
    default:
      return fail(state, 'error-wallet', { code: 'wallet/error', message: failure.message });
  }
}

const walletRetryStates: ReadonlySet<CheckoutStateName> = new Set([
  'error-no-wallet',
  'error-wallet-rejected',
  'error-wallet-pending',
  'error-wallet',
  'error-payment-failed',
]);

export function transitionCheckout(
  state: CheckoutState,
  event: CheckoutEvent,
): TransitionCheckoutReturnType {
  const { name, context } = state;
  switch (event.type) {
    case 'sessionLoaded':
      if (!isWaitingFor(state, 'loadSession')) return stay(state);
      return enterSession(state, event.session, event.now);

    case 'providerFailed':
      if (!isWaitingFor(state, event.operation)) return stay(state);
      if (event.operation === 'startTrial' && context.trialSignature === null) return stay(state);
      return providerFailed(state, event.operation, event.failure);

    case 'optionPicked': {
      if (name !== 'options') return stay(state);
      const option = context.session?.payment_options.find(
        (candidate) => candidate.chain_id === event.chainId && candidate.asset === event.asset,
      );
      if (option === undefined || option.amount === null) return stay(state);
      return go(state, 'quoting', { option, quote: null, amountDue: null, isPayingRest: false }, [
        { type: 'lockQuote', chainId: option.chain_id, asset: option.asset, delayMs: 0 },
      ]);
    }

    case 'quoteLocked': {
      const { quote } = event;
      const option = context.option;
      if (!isWaitingFor(state, 'lockQuote') || option === null) return stay(state);
      if (quote.chain_id !== option.chain_id || quote.asset !== option.asset) return stay(state);
      if (quote.session_id !== context.sessionId) return stay(state);
      return go(
        state,
        'quoted',
        { quote, amountDue: BigInt(quote.amount), failure: null, retry: null, attempt: 0 },
        [
          {
            type: 'emit',
            event: { name: 'tp-checkout:quote', detail: { sessionId: context.sessionId, quote } },
          },
        ],
      );
    }

    case 'tick': {
      const { session, quote, isPayingRest } = context;
      if (isPayingRest) return stay(state);
      const sessionOver = session !== null && isPast(session.expires_at, event.now);
      if (
        sessionOver &&
        (name === 'options' || holdingQuote.has(name) || name === 'error-quote-expired')
      ) {
        return expireSession(state);
      }
      if (quote !== null && holdingQuote.has(name) && isPast(quote.expires_at, event.now)) {
        return expireQuote(state);
      }
      return stay(state);
    }

    case 'payRequested':
      if (name !== 'quoted') return stay(state);
      return startPayment(state, event.now, true);

    case 'walletsChanged':
      return go(state, name, { wallets: event.wallets });

    case 'walletPicked':
      if (name !== 'wallet-picker') return stay(state);
      if (!context.wallets.some((wallet) => wallet.id === event.walletId)) return stay(state);
      return connect(state, event.walletId);

    case 'walletConnected':
      if (name !== 'connecting' || context.quote === null) return stay(state);
      if (event.chainId === context.quote.chain_id)
        return onQuoteChain(state, { account: event.account });
      return switchChain(state, { account: event.account });

    case 'chainSwitched':
      if (name !== 'switching-chain' || context.quote === null) return stay(state);
      if (event.chainId === context.quote.chain_id) return onQuoteChain(state);
      return fail(state, 'error-wrong-network', {
        code: 'wallet/wrong-network',
        message: `The wallet stayed on chain ${event.chainId}.`,
      });

    case 'balanceRead': {
      const { quote, amountDue, walletId, account, session, isPayingRest } = context;
      if (name !== 'checking-balance' || quote === null || amountDue === null) return stay(state);
      if (walletId === null || account === null) return stay(state);
      if (!isPayingRest) {
        if (session !== null && isPast(session.expires_at, event.now)) return expireSession(state);
        if (isPast(quote.expires_at, event.now)) return expireQuote(state);
      }
      // The plan turned out to have a trial after the check was asked for: still pay nothing.
      if (context.trialDays > 0) return beginTrial(state, { balance: event.balance });
      if (event.balance < amountDue) {
        return fail(
          state,
          'error-insufficient-funds',
          {
            code: 'wallet/insufficient-funds',
            message: `The account holds ${event.balance} base units; ${amountDue} are due.`,
          },
          { balance: event.balance },
        );
      }
      return go(state, 'confirming', { balance: event.balance, failure: null }, [
        { type: 'sendTransaction', walletId, account, quote, amount: amountDue },
      ]);
    }

    case 'transactionSent': {
      const { quote, amountDue } = context;
      if (name !== 'confirming' || quote === null || amountDue === null) return stay(state);
      return go(state, 'submitted', { txHash: event.txHash, payment: null, failure: null }, [
        {
          type: 'emit',
          event: {
            name: 'tp-checkout:pending',
            detail: {
              sessionId: context.sessionId,
              quoteId: quote.id,
              chainId: quote.chain_id,
              asset: quote.asset,
              amount: amountDue.toString(),
              txHash: event.txHash,
            },
          },
        },
        { type: 'reportPayment', chainId: quote.chain_id, txHash: event.txHash },
      ]);
    }

    case 'walletFailed':
      return walletFailed(state, event.step, event.failure);

    case 'paymentReportFailed':
      if (name !== 'submitted') return stay(state);
      return go(state, name, {}, [poll]);

    case 'sessionPolled':
      if (!isWaitingFor(state, 'pollSession')) return stay(state);
      return followPayment(state, event.session);

    case 'retryRequested':
      if (walletRetryStates.has(name)) return startPayment(state, event.now, false);
      if (name === 'error-provider-unreachable' || name === 'error-provider') {
        const operation = context.retry;
        if (operation === null) return stay(state);
        const effect = operationEffect(state, operation, 0);
        if (effect === null) return stay(state);
        return go(state, waitingStateOf(state, operation), { failure: null }, [effect]);
      }
      return stay(state);

    case 'requoteRequested': {
      const { option, session } = context;
      if (name !== 'error-quote-expired' || option === null) return stay(state);
      if (session !== null && isPast(session.expires_at, event.now)) return expireSession(state);
      return go(state, 'quoting', { quote: null, amountDue: null, failure: null }, [
        { type: 'lockQuote', chainId: option.chain_id, asset: option.asset, delayMs: 0 },
      ]);
    }

    case 'changeOptionRequested': {
      const { session } = context;
      if (!mayChangeOption.has(name) || context.isPayingRest || session === null)
        return stay(state);
      if (
        name === 'error-provider' &&
        context.retry !== 'lockQuote' &&
        context.retry !== 'startTrial'
      )
        return stay(state);
      if (isPast(session.expires_at, event.now)) return expireSession(state);
      return go(state, 'options', {
        retry: null,
        attempt: 0,
        option: null,
        quote: null,
        amountDue: null,
        balance: null,
        failure: null,
        onrampOffer: 'none',
        onrampQuote: null,
        onrampOrder: null,
        onrampPage: null,
      });
    }

    case 'payRestRequested': {
      const { session, quote } = context;
      const paid = session?.amount_paid ?? null;
      if (name !== 'error-underpaid' || paid === null || quote === null) return stay(state);
      if (quote.id !== paid.quote_id) return stay(state);
      const rest = BigInt(paid.amount_remaining);
      if (rest === 0n) return stay(state);
      const restState = go(state, name, { amountDue: rest, isPayingRest: true }).state;
      return startPayment(restState, event.now, false);
    }

    case 'switchNetworkRequested':
      if (name !== 'error-wrong-network') return stay(state);
      return switchChain(state);

    case 'checkBalanceRequested':
      if (name !== 'error-insufficient-funds') return stay(state);
      return checkBalance(state);

    case 'planLoaded':
      // Plans never change: once a trial is known for this session, it stays (and 0 is the start).
      if (!(event.trialDays > 0) || context.trialDays > 0) return stay(state);
      return go(state, name, { trialDays: event.trialDays });

    case 'trialSigned': {
      const { quote, account, trialSignature } = context;
      if (name !== 'starting-trial' || trialSignature !== null) return stay(state);
      if (quote === null || account === null) return stay(state);
      return go(state, name, { trialSignature: event.signature }, [
        {
          type: 'startTrial',
          quoteId: quote.id,
          subscriber: account,
          signature: event.signature,
          delayMs: 0,
        },
      ]);
    }

    case 'trialStarted': {
      const { subscription } = event;
      if (!isWaitingFor(state, 'startTrial') || context.trialSignature === null) return stay(state);
      if (subscription.checkout_session !== context.sessionId) return stay(state);
      return go(state, 'trial-started', { subscription, failure: null, retry: null, attempt: 0 }, [
        {
          type: 'emit',
          event: {
            name: 'tp-checkout:subscribed',
            detail: {
              sessionId: context.sessionId,
              subscriptionId: subscription.id,
              status: subscription.status,
              trialEnd: subscription.trial_end,
            },
          },
        },
      ]);
    }

    default:
      return stay(state);
  }
}
