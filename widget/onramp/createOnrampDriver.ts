import type { ProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import type { CheckoutEffect } from '../checkoutFlow/CheckoutEffect.ts';
import type { CheckoutEvent, OnrampStep } from '../checkoutFlow/CheckoutEvent.ts';
import type { CheckoutState, OnrampPageMode } from '../checkoutFlow/CheckoutState.ts';
import { transitionWithOnramp } from '../checkoutFlow/transitionWithOnramp.ts';
import { classifyProviderError } from '../providerAnswers/classifyProviderError.ts';
import { readOnrampAnswer } from '../providerAnswers/readOnrampAnswer.ts';
import type { CheckoutAction } from '../tp-checkout/CheckoutView.ts';
import { checksumAddress } from './checksumAddress.ts';

/** What the driver needs from the element: its client, its flow, and its guarded async helpers. */
export type OnrampHost = {
  /** The provider client of the running checkout (null while the configuration is bad). */
  readonly client: () => ProviderClient | null;
  readonly flow: () => CheckoutState;
  readonly send: (event: CheckoutEvent) => void;
  /** Runs `work` after `delayMs`, replacing earlier delayed work, unless the checkout started over. */
  readonly later: (delayMs: number, work: () => void) => void;
  /** Turns a promise into a flow event, unless the checkout started over meanwhile. */
  readonly settle: <Result>(
    promise: () => Promise<Result>,
    onResult: (result: Result) => CheckoutEvent,
    onError: (error: unknown) => CheckoutEvent,
  ) => void;
  /** Bumped whenever the checkout starts over: what belongs to an older run is dropped. */
  readonly run: () => number;
};

export type OnrampDriver = {
  /** The whole flow, on-ramp included: the element uses it instead of `transitionCheckout`. */
  readonly transition: typeof transitionWithOnramp;
  /** Runs an on-ramp effect; false for the element's own. */
  perform(effect: CheckoutEffect): boolean;
  /** Handles an on-ramp action (in the shopper's click, so popups open); false for the others. */
  act(action: CheckoutAction, now: Date): boolean;
  /** Closes the on-ramp's popup: the checkout started over, or the element left the page. */
  reset(): void;
};

export type CreateOnrampDriverReturnType = OnrampDriver;

/** One popup per page (a second "Buy" reuses it), sized for a card form. */
const windowName = 'tp-checkout-onramp';
const windowFeatures = 'popup,width=480,height=760';

/*
 * The on-ramp's page runs on another origin and is trusted with nothing: it is opened from an
 * empty popup whose `opener` is cut first (it cannot navigate or script this page), only from
 * an http(s) URL the provider gave (checked in readOnrampAnswer), and it is closed by the
 * checkout once the order is over. Its outcome is read from the provider, never from the page.
 */

/**
 * The element's on-ramp half, in the lazy chunk: runs the on-ramp's effects (provider calls,
 * the popup) and the shopper's on-ramp actions, and notices when the shopper closes the popup.
 */
export function createOnrampDriver(host: OnrampHost): CreateOnrampDriverReturnType {
  let popup: Window | null = null;
  let watch: ReturnType<typeof setInterval> | undefined;

  function closeWindow(): void {
    clearInterval(watch);
    watch = undefined;
    popup?.close();
    popup = null;
  }

  /**
   * Opens the popup from the shopper's click (empty until the order's page is known), so no
   * popup blocker stops it; cuts its `opener` before it shows another origin.
   */
  function openWindow(url: string | null): boolean {
    let opened: Window | null;
    try {
      opened = window.open('about:blank', windowName, windowFeatures);
    } catch {
      opened = null;
    }
    if (opened === null) return false;
    try {
      opened.opener = null;
      if (url !== null) opened.location.replace(url);
    } catch {
      // A window of that name already shows another origin: a fresh one next time.
      opened.close();
      return false;
    }
    popup = opened;
    clearInterval(watch);
    watch = setInterval(() => {
      if (popup?.closed !== true) return;
      closeWindow();
      host.send({ type: 'onrampPageClosed' });
    }, 500);
    opened.focus();
    return true;
  }

  function call<Result>(
    step: OnrampStep,
    request: (client: ProviderClient) => Promise<Result>,
    onResult: (result: Result) => CheckoutEvent,
  ): void {
    const client = host.client();
    if (client === null) return;
    host.settle(
      () => request(client),
      onResult,
      (error) => ({ type: 'onrampFailed', step, failure: classifyProviderError(error) }),
    );
  }

  function showPage(url: string, embedding: readonly string[]): void {
    let page: OnrampPageMode = 'blocked';
    if (popup !== null && !popup.closed) {
      try {
        popup.location.replace(url);
        page = 'popup';
      } catch {
        page = 'blocked';
      }
    }
    if (page === 'blocked' && embedding.includes('iframe')) page = 'iframe';
    // Told once this transition's other effects have started (the order's first poll).
    const run = host.run();
    queueMicrotask(() => {
      if (run === host.run()) host.send({ type: 'onrampPageShown', page });
    });
  }

  return {
    transition: transitionWithOnramp,
    perform(effect) {
      switch (effect.type) {
        case 'quoteOnramp':
          call(
            'quote',
            (client) =>
              client.createOnrampQuote({
                fiat_currency: effect.fiatCurrency,
                crypto_amount: effect.cryptoAmount.toString(),
                chain_id: effect.chainId,
                asset: effect.asset,
                // Wallets may name the account in lower case; the provider wants EIP-55.
                wallet_address: checksumAddress(effect.walletAddress),
                country: effect.country,
              }),
            (answer) => ({ type: 'onrampQuoted', quote: readOnrampAnswer(answer, 'quote') }),
          );
          return true;
        case 'createOnrampOrder':
          call(
            'order',
            (client) => client.createOnrampOrder({ quote_id: effect.quoteId }),
            (answer) => ({ type: 'onrampOrderCreated', order: readOnrampAnswer(answer, 'order') }),
          );
          return true;
        case 'pollOnrampOrder':
          host.later(effect.delayMs, () => {
            call(
              'poll',
              (client) => client.getOnrampOrder(effect.orderId),
              (answer) => ({ type: 'onrampOrderPolled', order: readOnrampAnswer(answer, 'order') }),
            );
          });
          return true;
        case 'openOnrampPage':
          showPage(effect.url, effect.embedding);
          return true;
        case 'closeOnrampPage':
          closeWindow();
          return true;
        default:
          return false;
      }
    },
    act(action, now) {
      switch (action.type) {
        case 'buy':
          // The popup opens now, in the click; the order's page goes into it once it exists.
          openWindow(null);
          host.send({ type: 'buyRequested', now });
          if (host.flow().name !== 'onramp-ordering') closeWindow();
          return true;
        case 'openOnramp': {
          const url = host.flow().context.onrampOrder?.hosted_url;
          if (url === undefined) return true;
          if (popup !== null && !popup.closed) {
            popup.focus();
            return true;
          }
          if (openWindow(url)) host.send({ type: 'onrampPageShown', page: 'popup' });
          return true;
        }
        case 'cancelOnramp':
          host.send({ type: 'onrampCancelRequested' });
          return true;
        case 'retryOnramp':
          host.send({ type: 'checkBalanceRequested' });
          return true;
        case 'pickCountry':
          host.send({ type: 'onrampCountryPicked', country: action.country });
          return true;
        default:
          return false;
      }
    },
    reset: closeWindow,
  };
}
