import type { OnrampOrder } from '../../shared/providerApi/OnrampOrder.ts';
import type { OnrampQuote } from '../../shared/providerApi/OnrampQuote.ts';
import type { CheckoutEffect } from './CheckoutEffect.ts';
import type { CheckoutEvent, ProviderFailure } from './CheckoutEvent.ts';
import type { CheckoutContext, CheckoutState, CheckoutStateName } from './CheckoutState.ts';
import { maxArrivalChecks, pollIntervalMilliseconds } from './checkoutTimings.ts';
import { enterErrorState as fail } from './enterErrorState.ts';
import { moveToState as go } from './moveToState.ts';
import { retryDelay } from './retryDelay.ts';
import { stayInState as stay } from './stayInState.ts';
import { transitionCheckout } from './transitionCheckout.ts';
import type { TransitionCheckoutReturnType } from './transitionCheckout.ts';

export type TransitionWithOnrampReturnType = TransitionCheckoutReturnType;

/*
 * The checkout flow with the on-ramp: `transitionCheckout` plus buying what is missing with a
 * card. Still a pure function. When "not enough" is entered it asks the on-ramp for a price for
 * exactly the missing amount, to the connected account; "Buy" turns that offer into an order,
 * whose page the element opens and whose status it polls; a completed order waits for the funds
 * to show in the wallet, then goes on to pay as `transitionCheckout` would. Each failure has its
 * state and a way back. It lives in the on-ramp's lazy chunk: the element switches to it once
 * the chunk has arrived (and says so with `onrampAvailable`).
 */

type Step = TransitionWithOnrampReturnType;

/** On-ramp dead ends: "Check again" reads the balance, which offers to buy again if still short. */
const onrampRetryStates: ReadonlySet<CheckoutStateName> = new Set([
  'error-onramp-declined',
  'error-onramp-insufficient-funds',
  'error-onramp-failed',
  'error-onramp-expired',
  'error-onramp-denied',
  'error-onramp-verification',
  'error-onramp-refused',
]);

/** States that follow an on-ramp order by polling it. */
const followingOrder: ReadonlySet<CheckoutStateName> = new Set([
  'onramp-paying',
  'onramp-delivering',
  'error-onramp-abandoned',
]);

/** Compliance refusals with a state of their own; any other 403 is `error-onramp-refused`. */
const refusalStates: Readonly<Record<string, CheckoutStateName>> = {
  onramp_address_denied: 'error-onramp-denied',
  onramp_verification_required: 'error-onramp-verification',
};

const closePage: CheckoutEffect = { type: 'closeOnrampPage' };

function isPast(timestamp: string, now: Date): boolean {
  return Date.parse(timestamp) <= now.getTime();
}

/** `transitionCheckout` as if the flow were in `name` (to reuse what it does from there). */
function asIn(state: CheckoutState, name: CheckoutStateName, event: CheckoutEvent): Step {
  return transitionCheckout({ ...state, name }, event);
}

type OnrampOffer = { patch: Partial<CheckoutContext>; effects: CheckoutEffect[] };

/**
 * The card offer for what is missing (the amount due less `balance`): ask the on-ramp for its
 * price, once the shopper's country is known (its rules depend on it).
 */
function offerOnramp(context: CheckoutContext, balance: bigint): OnrampOffer {
  const { quote, amountDue, account, session, onrampCountry } = context;
  const reset = { onrampQuote: null, onrampOrder: null, onrampPage: null, arrivalChecks: 0 };
  if (quote === null || amountDue === null || account === null || session === null) {
    return { patch: { ...reset, onrampOffer: 'unavailable' }, effects: [] };
  }
  if (amountDue <= balance) return { patch: { ...reset, onrampOffer: 'unavailable' }, effects: [] };
  if (onrampCountry === null) return { patch: { ...reset, onrampOffer: 'country' }, effects: [] };
  return {
    patch: { ...reset, onrampOffer: 'loading' },
    effects: [
      {
        type: 'quoteOnramp',
        chainId: quote.chain_id,
        asset: quote.asset,
        cryptoAmount: amountDue - balance,
        walletAddress: account,
        country: onrampCountry,
        fiatCurrency: session.currency,
      },
    ],
  };
}

/** Shows the offer again (a new price) without leaving "not enough". */
function refreshOffer(state: CheckoutState): Step {
  const offer = offerOnramp(state.context, state.context.balance ?? 0n);
  return go(state, state.name, offer.patch, offer.effects);
}

/** `step` entered "not enough": add the card offer to it. */
function withOffer(step: Step, before: CheckoutState): Step {
  if (step.state.name !== 'error-insufficient-funds' || before.name === step.state.name) {
    return step;
  }
  const { context } = step.state;
  const offer = offerOnramp(context, context.balance ?? 0n);
  return {
    state: { ...step.state, context: { ...context, ...offer.patch } },
    effects: [...step.effects, ...offer.effects],
  };
}

/** Is `quote` the on-ramp's answer to the offer the flow asked for (and not an older one)? */
function isOfferedQuote(context: CheckoutContext, quote: OnrampQuote): boolean {
  const { quote: checkoutQuote, amountDue, account, session, balance, onrampCountry } = context;
  if (checkoutQuote === null || amountDue === null || account === null || session === null) {
    return false;
  }
  return (
    quote.chain_id === checkoutQuote.chain_id &&
    quote.asset === checkoutQuote.asset &&
    quote.wallet_address.toLowerCase() === account.toLowerCase() &&
    quote.crypto_amount === (amountDue - (balance ?? 0n)).toString() &&
    quote.country === onrampCountry &&
    quote.fiat_currency === session.currency
  );
}

function pollOrder(orderId: string, delayMs = pollIntervalMilliseconds): CheckoutEffect {
  return { type: 'pollOnrampOrder', orderId, delayMs };
}

/** The order was refused or could not be made: say why (compliance refusals by rule). */
function orderFailed(state: CheckoutState, failure: ProviderFailure): Step {
  if (failure.kind === 'unreachable') {
    return fail(
      state,
      'error-onramp-failed',
      { code: 'provider/unreachable', message: failure.message },
      {},
      [closePage],
    );
  }
  // The on-ramp quote expired or was used meanwhile: offer again with a fresh price.
  if (failure.status === 409) {
    const offer = offerOnramp(state.context, state.context.balance ?? 0n);
    return fail(
      state,
      'error-insufficient-funds',
      { code: 'wallet/insufficient-funds', message: 'The card price expired: a new one follows.' },
      offer.patch,
      [closePage, ...offer.effects],
    );
  }
  const name =
    failure.status === 403
      ? (refusalStates[failure.code] ?? 'error-onramp-refused')
      : 'error-onramp-failed';
  return fail(state, name, { code: `provider/${failure.code}`, message: failure.message }, {}, [
    closePage,
  ]);
}

/** An order read while following it: go where its status leads. */
function followOrder(state: CheckoutState, order: OnrampOrder): Step {
  const patch: Partial<CheckoutContext> = { onrampOrder: order, attempt: 0 };
  switch (order.status) {
    case 'created':
      // The popup was closed and the order has not started: the shopper left it.
      if (state.name === 'onramp-paying' && state.context.onrampPage === 'closed') {
        return fail(
          state,
          'error-onramp-abandoned',
          { code: 'onramp/abandoned', message: 'The on-ramp window was closed before paying.' },
          patch,
          [closePage, pollOrder(order.id)],
        );
      }
      return go(state, state.name, patch, [pollOrder(order.id)]);
    case 'pending':
      return go(state, 'onramp-delivering', { ...patch, failure: null }, [pollOrder(order.id)]);
    case 'completed':
      return awaitFunds(state, patch, [closePage]);
    case 'failed': {
      const code = order.failure?.code ?? 'failed';
      const name: CheckoutStateName =
        code === 'card_declined'
          ? 'error-onramp-declined'
          : code === 'insufficient_funds'
            ? 'error-onramp-insufficient-funds'
            : 'error-onramp-failed';
      return fail(
        state,
        name,
        { code: `onramp/${code}`, message: order.failure?.message ?? 'The on-ramp order failed.' },
        patch,
        [closePage],
      );
    }
    case 'expired':
      return fail(
        state,
        'error-onramp-expired',
        { code: 'onramp/expired', message: 'The on-ramp order expired before it was paid.' },
        patch,
        [closePage],
      );
  }
}

/** The order completed: read the balance until the funds are there. */
function awaitFunds(
  state: CheckoutState,
  patch: Partial<CheckoutContext>,
  effects: readonly CheckoutEffect[] = [],
): Step {
  const { walletId, account, quote } = { ...state.context, ...patch };
  if (walletId === null || account === null || quote === null) return stay(state);
  return go(state, 'onramp-arriving', { ...patch, arrivalChecks: 0, failure: null }, [
    ...effects,
    { type: 'readBalance', walletId, account, quote },
  ]);
}

/** Still short (or the read failed) while the bought funds are on their way: read again later. */
function waitForFunds(state: CheckoutState, balance: bigint | null): Step {
  const { walletId, account, quote } = state.context;
  if (walletId === null || account === null || quote === null) return stay(state);
  const arrivalChecks = state.context.arrivalChecks + 1;
  if (arrivalChecks >= maxArrivalChecks) {
    return fail(
      state,
      'error-onramp-not-arrived',
      {
        code: 'onramp/not-arrived',
        message: 'The on-ramp order completed, but the funds have not arrived in the wallet yet.',
      },
      { balance, arrivalChecks },
    );
  }
  return go(state, 'onramp-arriving', { balance, arrivalChecks }, [
    { type: 'readBalance', walletId, account, quote, delayMs: pollIntervalMilliseconds },
  ]);
}

export function transitionWithOnramp(
  state: CheckoutState,
  event: CheckoutEvent,
): TransitionWithOnrampReturnType {
  const { name, context } = state;
  switch (event.type) {
    case 'onrampAvailable':
      if (name !== 'error-insufficient-funds' || context.onrampOffer !== 'none') {
        return stay(state);
      }
      return refreshOffer(state);

    case 'balanceRead':
      if (name === 'onramp-arriving') {
        const { amountDue } = context;
        // Still on their way: keep reading. Once here, pay as from a balance check.
        if (amountDue !== null && event.balance < amountDue) {
          return waitForFunds(state, event.balance);
        }
        return asIn(state, 'checking-balance', event);
      }
      return withOffer(transitionCheckout(state, event), state);

    case 'walletFailed':
      // Waiting for bought funds: a failed read counts as one more read that found too little.
      if (event.step === 'balance' && name === 'onramp-arriving') {
        return waitForFunds(state, context.balance);
      }
      return transitionCheckout(state, event);

    case 'tick': {
      const step = transitionCheckout(state, event);
      const { onrampQuote } = context;
      // The card offer's price ran out while shown: fetch a fresh one.
      if (
        step.state === state &&
        name === 'error-insufficient-funds' &&
        context.onrampOffer === 'ready' &&
        onrampQuote !== null &&
        isPast(onrampQuote.expires_at, event.now)
      ) {
        return refreshOffer(state);
      }
      return step;
    }

    case 'checkBalanceRequested':
      // The order completed: wait for its funds again rather than offer to buy once more.
      if (name === 'error-onramp-not-arrived') return awaitFunds(state, {});
      if (onrampRetryStates.has(name)) return asIn(state, 'error-insufficient-funds', event);
      return transitionCheckout(state, event);

    case 'onrampQuoted':
      if (name !== 'error-insufficient-funds' || context.onrampOffer !== 'loading') {
        return stay(state);
      }
      if (!isOfferedQuote(context, event.quote)) return stay(state);
      return go(state, name, { onrampOffer: 'ready', onrampQuote: event.quote });

    case 'onrampCountryPicked': {
      if (name !== 'error-insufficient-funds' || !/^[A-Z]{2}$/.test(event.country)) {
        return stay(state);
      }
      const isSame = event.country === context.onrampCountry;
      if (isSame && (context.onrampOffer === 'loading' || context.onrampOffer === 'ready')) {
        return stay(state);
      }
      return refreshOffer({ ...state, context: { ...context, onrampCountry: event.country } });
    }

    case 'buyRequested': {
      const { onrampQuote } = context;
      if (name !== 'error-insufficient-funds' || context.onrampOffer !== 'ready') {
        return stay(state);
      }
      if (onrampQuote === null) return stay(state);
      if (isPast(onrampQuote.expires_at, event.now)) return refreshOffer(state);
      return go(state, 'onramp-ordering', { onrampOrder: null, onrampPage: null, failure: null }, [
        { type: 'createOnrampOrder', quoteId: onrampQuote.id },
      ]);
    }

    case 'onrampFailed':
      switch (event.step) {
        case 'quote':
          // No card offer (no on-ramp sells this here, or no price now): "not enough" as it was.
          if (name !== 'error-insufficient-funds' || context.onrampOffer !== 'loading') {
            return stay(state);
          }
          return go(state, name, { onrampOffer: 'unavailable' });
        case 'order':
          if (name !== 'onramp-ordering') return stay(state);
          return orderFailed(state, event.failure);
        case 'poll': {
          const order = context.onrampOrder;
          if (!followingOrder.has(name) || order === null) return stay(state);
          // The order goes on at the on-ramp: keep asking, more slowly.
          const attempt = context.attempt + 1;
          return go(state, name, { attempt }, [pollOrder(order.id, retryDelay(attempt))]);
        }
      }
      return stay(state);

    case 'onrampOrderCreated': {
      const { order } = event;
      const { onrampQuote } = context;
      if (name !== 'onramp-ordering' || onrampQuote === null || order.quote_id !== onrampQuote.id) {
        return stay(state);
      }
      return go(state, 'onramp-paying', { onrampOrder: order, onrampPage: null, attempt: 0 }, [
        { type: 'openOnrampPage', url: order.hosted_url, embedding: order.embedding },
        pollOrder(order.id),
      ]);
    }

    case 'onrampOrderPolled':
      if (!followingOrder.has(name) || context.onrampOrder?.id !== event.order.id) {
        return stay(state);
      }
      return followOrder(state, event.order);

    case 'onrampPageShown': {
      const order = context.onrampOrder;
      if (name === 'onramp-paying') return go(state, name, { onrampPage: event.page });
      if (name !== 'error-onramp-abandoned' || order === null) return stay(state);
      // Opened again after it was closed: back to paying, still following the order.
      return go(state, 'onramp-paying', { onrampPage: event.page, failure: null }, [
        pollOrder(order.id),
      ]);
    }

    case 'onrampPageClosed': {
      const order = context.onrampOrder;
      if (name !== 'onramp-paying' || context.onrampPage !== 'popup' || order === null) {
        return stay(state);
      }
      // Closed: paid and done (the page closes itself then), or left? The order says which.
      return go(state, name, { onrampPage: 'closed' }, [pollOrder(order.id, 0)]);
    }

    case 'onrampCancelRequested': {
      if (
        name !== 'onramp-ordering' &&
        name !== 'onramp-paying' &&
        name !== 'error-onramp-abandoned'
      ) {
        return stay(state);
      }
      const step = asIn(
        { ...state, context: { ...context, onrampPage: null } },
        'error-insufficient-funds',
        { type: 'checkBalanceRequested' },
      );
      return { state: step.state, effects: [closePage, ...step.effects] };
    }

    default:
      return transitionCheckout(state, event);
  }
}
