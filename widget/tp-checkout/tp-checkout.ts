import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { createProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import type { ProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import type { CheckoutEffect } from '../checkoutFlow/CheckoutEffect.ts';
import type { CheckoutEvent, WalletStep } from '../checkoutFlow/CheckoutEvent.ts';
import type {
  CheckoutState,
  CheckoutStateName,
  ProviderOperation,
} from '../checkoutFlow/CheckoutState.ts';
import { createCheckoutContext } from '../checkoutFlow/createCheckoutContext.ts';
import { rejectCheckoutConfig } from '../checkoutFlow/rejectCheckoutConfig.ts';
import { startCheckout } from '../checkoutFlow/startCheckout.ts';
import { transitionCheckout } from '../checkoutFlow/transitionCheckout.ts';
import { parseCheckoutConfig } from '../config/parseCheckoutConfig.ts';
import type { CheckoutConfig } from '../config/parseCheckoutConfig.ts';
import { createWidgetTranslator } from '../i18n/createWidgetTranslator.ts';
import type { WidgetTranslator } from '../i18n/createWidgetTranslator.ts';
import { formatFiatPrice } from '../i18n/formatFiatPrice.ts';
import { guessShopperCountry } from '../i18n/guessShopperCountry.ts';
import { loadWidgetCatalog } from '../i18n/loadWidgetCatalog.ts';
import { pickWidgetLocale } from '../i18n/pickWidgetLocale.ts';
import { rightToLeftLocales } from '../i18n/WidgetLocale.ts';
import type { WidgetLocale } from '../i18n/WidgetLocale.ts';
import { classifyProviderError } from '../providerAnswers/classifyProviderError.ts';
import type { OnrampDriver } from '../onramp/createOnrampDriver.ts';
import { loadOnramp } from '../onramp/loadOnramp.ts';
import { readQuoteAnswer } from '../providerAnswers/readQuoteAnswer.ts';
import { readSessionAnswer } from '../providerAnswers/readSessionAnswer.ts';
import { buildPaymentTransaction } from '../wallets/buildPaymentTransaction.ts';
import { classifyWalletError } from '../wallets/classifyWalletError.ts';
import { connectWallet } from '../wallets/connectWallet.ts';
import { discoverWallets } from '../wallets/discoverWallets.ts';
import type { DiscoverWalletsReturnType, DiscoveredWallet } from '../wallets/discoverWallets.ts';
import { readPaymentBalance } from '../wallets/readPaymentBalance.ts';
import { sendPayment } from '../wallets/sendPayment.ts';
import { loadSubscription } from '../subscription/loadSubscription.ts';
import type { LoadSubscriptionReturnType } from '../subscription/loadSubscription.ts';
import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { SubscriptionCheckout } from '../../shared/providerApi/Subscription.ts';
import { switchWalletChain } from '../wallets/switchWalletChain.ts';
import { checkoutHeadline } from './checkoutHeadline.ts';
import type { CheckoutAction, OnrampView } from './CheckoutView.ts';
import { renderCheckoutBody } from './renderCheckoutBody.ts';
import { checkoutStyles } from './tp-checkout.styles.ts';

/** States that need the clock: countdowns and expiry. */
const clockedStates: ReadonlySet<CheckoutStateName> = new Set([
  'options',
  'quoted',
  'wallet-picker',
  'error-no-wallet',
  'error-wallet-rejected',
  'error-wallet-pending',
  'error-wallet',
  'error-wrong-network',
  'error-insufficient-funds',
  'error-quote-expired',
]);

const englishTranslator = createWidgetTranslator({});

/**
 * TP Checkout: pays a checkout session from any EIP-6963 wallet. The merchant's server creates
 * the session; the page sets its id, the publishable key and the provider URL. The flow lives in
 * `checkoutFlow/` (a pure state machine); this element renders its state and runs its effects.
 * The root part carries `data-state`, the flow state's name (see widget/README.md for each).
 *
 * @attr session - The checkout session id (`cs_…`). Required.
 * @attr publishable-key - The merchant's publishable key (`pk_` + 32 hex). Required.
 * @attr provider - The provider API's base URL (https, or http on localhost). Required.
 * @attr layout - `inline` (default) or `modal` (a button opens a dialog).
 * @attr theme - `light`, `dark`, or `auto` / absent (follows `prefers-color-scheme`).
 * @attr lang - `en`, `zh-CN`, `es`, `de`, `ja`, `ar`; absent: the browser's languages.
 * @attr mode - `subscription` for a session from `POST /v1/subscriptions/checkout`: shows the
 *   plan and asks the wallet for the recurring allowance before the first payment. A plan with
 *   a free trial pays nothing: the shopper grants the allowance and signs the trial's start.
 *
 * @event tp-checkout:quote - A quote was locked. `detail: { sessionId, quote }`.
 * @event tp-checkout:pending - The transaction was sent. `detail: { sessionId, quoteId, chainId, asset, amount, txHash }`.
 * @event tp-checkout:paid - The session is paid. `detail: { sessionId, status, txHash, amountPaid }`.
 * @event tp-checkout:failed - An error state was entered. `detail: { sessionId, state, code, message }`.
 * @event tp-checkout:expired - The quote or the session expired. `detail: { sessionId, what, quoteId }`.
 * @event tp-checkout:subscribed - A free trial started, nothing paid. `detail: { sessionId, subscriptionId, status, trialEnd }`.
 *
 * @csspart root - The card; carries `data-state`, `lang` and `dir`.
 * @csspart header - The price row.
 * @csspart price - The price in the merchant's currency.
 * @csspart status - The live region announcing each state.
 * @csspart options - The list of payment options.
 * @csspart option - One payment option (a button with `data-chain-id`, `data-asset`).
 * @csspart option-amount - An option's indicative amount.
 * @csspart quote - The locked quote's amount, network and countdown.
 * @csspart countdown - Time left on the quote.
 * @csspart button - Every button (`primary` too for the main one; `data-action` names it).
 * @csspart wallets - The wallet picker's list.
 * @csspart wallet - One wallet (a button with `data-wallet-id`).
 * @csspart wallet-icon - A wallet's icon.
 * @csspart progress - Confirmations progress bar.
 * @csspart error - The block of an error state.
 * @csspart link - Explorer and continue links.
 * @csspart onramp-offer - The offer to buy what is missing with a card (price and fees apart).
 * @csspart onramp-fees - The offer's price, fees and total.
 * @csspart onramp-country - The shopper's country (the on-ramp's rules depend on it).
 * @csspart onramp-frame - The on-ramp's page, where it is shown in the card instead of a popup.
 * @csspart trial-first-payment - When the trial ends and how much the first payment may be.
 * @csspart trigger - The button that opens the dialog (modal layout).
 * @csspart dialog - The dialog (modal layout).
 * @csspart close - The dialog's close button.
 *
 * @cssproperty --tp-color-accent - Main buttons and links.
 * @cssproperty --tp-color-accent-text - Text on the accent colour.
 * @cssproperty --tp-color-text - Main text.
 * @cssproperty --tp-color-text-muted - Secondary text.
 * @cssproperty --tp-color-surface - Card background.
 * @cssproperty --tp-color-surface-raised - Option and wallet buttons.
 * @cssproperty --tp-color-border - Borders.
 * @cssproperty --tp-color-danger - Error headings.
 * @cssproperty --tp-color-success - The paid heading.
 * @cssproperty --tp-color-focus - The focus ring.
 * @cssproperty --tp-radius - Corner radius.
 * @cssproperty --tp-font-family - Font.
 * @cssproperty --tp-font-size - Base font size.
 */
export class TpCheckout extends LitElement {
  static override styles = checkoutStyles;

  /** The checkout session id (`cs_…`) the merchant's server created. */
  @property() session: string | null = null;
  /** `pk_…`: reads and quotes this merchant's sessions; safe in a page. */
  @property({ attribute: 'publishable-key' }) publishableKey: string | null = null;
  /** The provider API's base URL. */
  @property() provider: string | null = null;
  /** `inline` or `modal`. */
  @property() layout: string | null = null;
  /** `light`, `dark` or `auto`; reflected so the stylesheet can follow it. */
  @property({ reflect: true }) theme: string | null = null;
  /** The clock, injectable for tests of countdowns and expiry. */
  @property({ attribute: false }) now: () => Date = () => new Date();
  /** `subscription`, or absent for a one-time payment (widget/subscription). */
  @property() mode: string | null = null;

  @state() private flow: CheckoutState = {
    name: 'loading',
    context: createCheckoutContext(''),
  };
  @state() private locale: WidgetLocale = 'en';
  @state() private translator: WidgetTranslator | null = null;
  @state() private isDialogOpen = false;
  /** The on-ramp's views and their language, once their lazy chunk has arrived. */
  @state() private onrampView: { locale: WidgetLocale; view: OnrampView } | null = null;
  /** mode="subscription": its lazy part (in the card's language), the plan, the notice. */
  @state() private subscriptionPart: {
    locale: WidgetLocale;
    part: LoadSubscriptionReturnType;
  } | null = null;
  @state() private subscriptionCheckout: SubscriptionCheckout | null = null;
  @state() private subscriptionNotice: 'manual-renewals' | null = null;
  #subscriptionLoad: { key: string; ready: Promise<SubscriptionCheckout> } | null = null;
  /** The quote the wallet granted the allowance for: asked again for another quote only. */
  #allowanceQuoteId: string | null = null;

  @query('dialog') private dialog!: HTMLDialogElement | null;

  #config: CheckoutConfig | null = null;
  #configIssues = '';
  #client: ProviderClient | null = null;
  /** Bumped whenever the checkout starts over or the element leaves the page: late answers of an older run are dropped. */
  #run = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #clock: ReturnType<typeof setInterval> | undefined;
  #discovery: DiscoverWalletsReturnType | null = null;
  #wallets: readonly DiscoveredWallet[] = [];
  #focusWasInside = false;
  #requestedLocale: WidgetLocale | null = null;
  #onrampViewLocale: WidgetLocale | null = null;
  /** The on-ramp's flow and effects, once its chunk has arrived (then for good). */
  #onramp: OnrampDriver | null = null;

  /** Opens the dialog (modal layout). */
  open(): void {
    if (this.#config?.layout !== 'modal' || this.dialog === null || this.dialog.open) return;
    this.dialog.showModal();
    this.isDialogOpen = true;
  }

  /** Closes the dialog (modal layout); the checkout goes on. */
  close(): void {
    this.dialog?.close();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#discovery = discoverWallets({
      target: window,
      onChange: (wallets) => {
        this.#wallets = wallets;
        this.#send({ type: 'walletsChanged', wallets: wallets.map(toSummary) });
      },
    });
    this.#wallets = this.#discovery.wallets();
    this.#clock = setInterval(() => {
      this.#tick();
    }, 1_000);
    // Reconnected after a move in the DOM: start over with the same attributes.
    if (this.#config !== null) this.#configure(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#discovery?.stop();
    this.#discovery = null;
    clearInterval(this.#clock);
    clearTimeout(this.#timer);
    this.#onramp?.reset();
    // Answers still in flight belong to this connection; a reconnection starts over.
    this.#run += 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const shadow = this.shadowRoot;
    this.#focusWasInside = shadow !== null && shadow.activeElement !== null;
    if (
      changed.has('session') ||
      changed.has('publishableKey') ||
      changed.has('provider') ||
      changed.has('layout') ||
      changed.has('theme') ||
      this.#config === null
    ) {
      this.#configure(false);
    }
    this.#chooseLocale();
    this.#loadOnramp();
    this.#loadSubscription();
  }

  protected override updated(changed: PropertyValues): void {
    const previous = changed.get('flow') as CheckoutState | undefined;
    if (previous === undefined || previous.name === this.flow.name) return;
    if (!this.#focusWasInside && !this.isDialogOpen) return;
    const target = this.renderRoot.querySelector<HTMLElement>('[part~="root"] [data-autofocus]');
    target?.focus();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  #chooseLocale(): void {
    const locale = pickWidgetLocale([this.getAttribute('lang'), ...navigator.languages]);
    if (locale === this.#requestedLocale) return;
    this.#requestedLocale = locale;
    if (locale === 'en') {
      this.locale = 'en';
      this.translator = englishTranslator;
      return;
    }
    this.translator = null;
    void loadWidgetCatalog(locale).then(
      (catalog) => {
        if (this.#requestedLocale !== locale) return;
        this.locale = locale;
        this.translator = createWidgetTranslator(catalog, {
          isolateValues: rightToLeftLocales.has(locale),
        });
      },
      (error: unknown) => {
        // A missing translation chunk must not block paying: show English.
        console.error(
          `<tp-checkout>: could not load the ${locale} strings; showing English.`,
          error,
        );
        if (this.#requestedLocale !== locale) return;
        this.locale = 'en';
        this.translator = englishTranslator;
      },
    );
  }

  /**
   * Fetches the on-ramp's chunk (flow, effects, views, strings) once the flow may need it, in the
   * card's language; from then on the flow is `transitionWithOnramp`.
   */
  #loadOnramp(): void {
    const name = this.flow.name;
    if (name !== 'error-insufficient-funds' && !name.includes('onramp')) return;
    const locale = this.locale;
    if (this.#onrampViewLocale === locale) return;
    this.#onrampViewLocale = locale;
    void loadOnramp(locale).then(
      ({ view, createDriver }) => {
        if (this.#onrampViewLocale !== locale) return;
        const root = this.renderRoot;
        if (view.styles !== undefined && root instanceof ShadowRoot) {
          root.adoptedStyleSheets = [
            ...root.adoptedStyleSheets.filter((sheet) => sheet !== this.onrampView?.view.styles),
            view.styles,
          ];
        }
        this.onrampView = { locale, view };
        if (this.#onramp === null) {
          this.#onramp = createDriver({
            client: () => this.#client,
            flow: () => this.flow,
            send: (event) => {
              this.#send(event);
            },
            later: (delayMs, work) => {
              this.#later(delayMs, work);
            },
            settle: (promise, onResult, onError) => {
              this.#settle(promise, onResult, onError);
            },
            run: () => this.#run,
          });
          this.#send({ type: 'onrampAvailable' });
        }
      },
      (error: unknown) => {
        // Without its chunk there is no card offer; paying from the wallet still works.
        console.error('<tp-checkout>: could not load the on-ramp part.', error);
        if (this.#onrampViewLocale === locale) this.#onrampViewLocale = null;
      },
    );
  }

  /** mode="subscription": the plan behind the session and the part that shows and asks for it. */
  #loadSubscription(): void {
    const config = this.#config;
    const client = this.#client;
    if (this.mode !== 'subscription' || config === null || client === null) return;
    const key = `${config.providerUrl} ${config.sessionId}`;
    if (this.#subscriptionLoad?.key !== key) {
      this.subscriptionCheckout = null;
      this.subscriptionNotice = null;
      this.#allowanceQuoteId = null;
      const ready = client.getSubscriptionCheckout(config.sessionId);
      this.#subscriptionLoad = { key, ready };
      ready.then(
        (checkout) => {
          if (this.#subscriptionLoad?.key !== key) return;
          this.subscriptionCheckout = checkout;
          this.#send({ type: 'planLoaded', trialDays: checkout.plan.trial_days });
        },
        (error: unknown) => {
          // Paying then fails with this error: no first payment without the allowance.
          console.error('<tp-checkout>: could not read the subscription plan.', error);
        },
      );
    }
    const locale = this.locale;
    if (this.subscriptionPart?.locale === locale) return;
    void loadSubscription(locale).then(
      (part) => {
        if (this.locale !== locale) return;
        const root = this.renderRoot;
        if (
          root instanceof ShadowRoot &&
          !root.adoptedStyleSheets.includes(part.view.styles.styleSheet as CSSStyleSheet)
        )
          root.adoptedStyleSheets = [
            ...root.adoptedStyleSheets,
            part.view.styles.styleSheet as CSSStyleSheet,
          ];
        this.subscriptionPart = { locale, part };
      },
      (error: unknown) => {
        console.error('<tp-checkout>: could not load the subscription part.', error);
      },
    );
  }

  /**
   * mode="subscription": asks the wallet for the allowance before the first payment
   * (`isPayment`) or the trial's signature. Refuses to pay for a plan with a free trial.
   */
  async #requestAllowance(
    wallet: DiscoveredWallet,
    effect: { quote: CheckoutQuote; account: string },
    isPayment: boolean,
  ): Promise<void> {
    const config = this.#config;
    if (this.mode !== 'subscription' || config === null) return;
    const checkout = await (this.#subscriptionLoad?.ready ??
      Promise.reject(new Error('The subscription plan is not loaded.')));
    const part = this.subscriptionPart?.part ?? (await loadSubscription(this.locale));
    if (isPayment && checkout.plan.trial_days > 0) {
      throw new part.TrialPaymentRefusedError({
        sessionId: config.sessionId,
        trialDays: checkout.plan.trial_days,
      });
    }
    if (this.#allowanceQuoteId === effect.quote.id) return;
    const grant = part.computeGrant({ plan: checkout.plan, quote: effect.quote });
    const outcome = await part.requestAllowance({
      provider: wallet.provider,
      grant,
      account: effect.account,
      justification: checkout.plan.name,
      subscription: {
        providerUrl: config.providerUrl,
        sessionId: config.sessionId,
        publishableKey: config.publishableKey,
      },
    });
    this.#allowanceQuoteId = effect.quote.id;
    this.subscriptionNotice = outcome === 'granted' ? null : 'manual-renewals';
  }

  #subscriptionTerms(): TemplateResult | typeof nothing {
    const part = this.subscriptionPart;
    const checkout = this.subscriptionCheckout;
    if (this.mode !== 'subscription' || part === null || checkout === null) return nothing;
    const quote = this.flow.context.quote;
    let grant = null;
    try {
      grant = quote === null ? null : part.part.computeGrant({ plan: checkout.plan, quote });
    } catch {
      // A quote the allowance cannot be computed from (ETH, say) shows the plan alone.
    }
    return part.part.view.renderTerms({
      checkout,
      grant,
      notice: this.subscriptionNotice,
      now: this.now(),
    });
  }

  #configure(isRestart: boolean): void {
    const result = parseCheckoutConfig({
      session: this.session,
      publishableKey: this.publishableKey,
      provider: this.provider,
      layout: this.layout,
      theme: this.theme,
    });
    if (!result.isValid) {
      const issues = result.issues.join('\n');
      this.#config = null;
      this.#client = null;
      if (issues === this.#configIssues && this.flow.name === 'error-config') return;
      this.#configIssues = issues;
      for (const issue of result.issues) console.error(`<tp-checkout>: ${issue}`);
      this.#restart(rejectCheckoutConfig({ sessionId: this.session ?? '', issues: result.issues }));
      return;
    }
    const { config } = result;
    const previous = this.#config;
    this.#config = config;
    this.#configIssues = '';
    const isSameCheckout =
      previous !== null &&
      previous.sessionId === config.sessionId &&
      previous.publishableKey === config.publishableKey &&
      previous.providerUrl === config.providerUrl;
    if (isSameCheckout && !isRestart) return;
    this.#client = createProviderClient({
      baseUrl: config.providerUrl,
      publishableKey: config.publishableKey,
    });
    this.#restart(
      startCheckout({
        sessionId: config.sessionId,
        wallets: this.#wallets.map(toSummary),
        country: guessShopperCountry(navigator.languages),
      }),
    );
  }

  #restart(start: { state: CheckoutState; effects: readonly CheckoutEffect[] }): void {
    this.#run += 1;
    this.#onramp?.reset();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.flow = start.state;
    this.#perform(start.effects);
    // Starting over keeps the plan already read (same session): the new flow must know its trial.
    const checkout = this.subscriptionCheckout;
    if (checkout !== null && checkout.session_id === this.#config?.sessionId) {
      this.#send({ type: 'planLoaded', trialDays: checkout.plan.trial_days });
    }
  }

  #send(event: CheckoutEvent): void {
    const transition = this.#onramp?.transition ?? transitionCheckout;
    const { state: next, effects } = transition(this.flow, event);
    if (next.name !== this.flow.name) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (next !== this.flow) this.flow = next;
    this.#perform(effects);
  }

  #tick(): void {
    if (!clockedStates.has(this.flow.name)) return;
    this.#send({ type: 'tick', now: this.now() });
    // Countdowns change every second even when the state does not.
    this.requestUpdate();
  }

  #perform(effects: readonly CheckoutEffect[]): void {
    for (const effect of effects) this.#performOne(effect);
  }

  /** Runs `work` after `delayMs` (replacing any earlier delayed work), unless the run changed. */
  #later(delayMs: number, work: () => void): void {
    if (delayMs <= 0) {
      work();
      return;
    }
    clearTimeout(this.#timer);
    const run = this.#run;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (run === this.#run) work();
    }, delayMs);
  }

  /** Resolves `promise` into a flow event, unless the checkout started over meanwhile. */
  #settle<Result>(
    promise: () => Promise<Result>,
    onResult: (result: Result) => CheckoutEvent,
    onError: (error: unknown) => CheckoutEvent,
  ): void {
    const run = this.#run;
    // A synchronous throw (a bad argument) settles like a rejection.
    const pending = new Promise<Result>((resolve) => {
      resolve(promise());
    });
    pending.then(
      (result) => {
        if (run !== this.#run) return;
        let event: CheckoutEvent;
        try {
          event = onResult(result);
        } catch (error) {
          event = onError(error);
        }
        this.#send(event);
      },
      (error: unknown) => {
        if (run === this.#run) this.#send(onError(error));
      },
    );
  }

  #providerCall<Result>(
    operation: ProviderOperation,
    call: (client: ProviderClient, sessionId: string) => Promise<Result>,
    onResult: (result: Result, sessionId: string) => CheckoutEvent,
  ): void {
    const client = this.#client;
    const config = this.#config;
    if (client === null || config === null) return;
    this.#settle(
      () => call(client, config.sessionId),
      (result) => onResult(result, config.sessionId),
      (error) => ({ type: 'providerFailed', operation, failure: classifyProviderError(error) }),
    );
  }

  #walletCall<Result>(
    step: WalletStep,
    walletId: string,
    call: (wallet: DiscoveredWallet) => Promise<Result>,
    onResult: (result: Result) => CheckoutEvent,
  ): void {
    const wallet = this.#wallets.find((candidate) => candidate.id === walletId);
    this.#settle(
      () => {
        if (wallet === undefined) throw new Error('The wallet is no longer on the page.');
        return call(wallet);
      },
      onResult,
      (error) => ({ type: 'walletFailed', step, failure: classifyWalletError(error) }),
    );
  }

  #performOne(effect: CheckoutEffect): void {
    if (this.#onramp?.perform(effect) === true) return;
    switch (effect.type) {
      case 'emit':
        this.dispatchEvent(
          new CustomEvent(effect.event.name, {
            detail: effect.event.detail,
            bubbles: true,
            composed: true,
          }),
        );
        return;
      case 'loadSession':
        this.#later(effect.delayMs, () => {
          this.#providerCall(
            'loadSession',
            (client, id) => client.getCheckoutSession(id),
            (answer, id) => ({
              type: 'sessionLoaded',
              session: readSessionAnswer(answer, id),
              now: this.now(),
            }),
          );
        });
        return;
      case 'pollSession':
        this.#later(effect.delayMs, () => {
          this.#providerCall(
            'pollSession',
            (client, id) => client.getCheckoutSession(id),
            (answer, id) => ({
              type: 'sessionPolled',
              session: readSessionAnswer(answer, id),
              now: this.now(),
            }),
          );
        });
        return;
      case 'lockQuote':
        this.#later(effect.delayMs, () => {
          this.#providerCall(
            'lockQuote',
            (client, id) => client.lockQuote(id, { chain_id: effect.chainId, asset: effect.asset }),
            (answer, id) => ({ type: 'quoteLocked', quote: readQuoteAnswer(answer, id) }),
          );
        });
        return;
      case 'reportPayment': {
        const client = this.#client;
        const config = this.#config;
        if (client === null || config === null) return;
        this.#settle(
          () =>
            client.reportPayment(config.sessionId, {
              chain_id: effect.chainId,
              tx_hash: effect.txHash,
            }),
          (answer) => ({
            type: 'sessionPolled',
            session: readSessionAnswer(answer, config.sessionId),
            now: this.now(),
          }),
          // The chain watcher finds the payment anyway; polling takes over.
          () => ({ type: 'paymentReportFailed' }),
        );
        return;
      }
      case 'connectWallet':
        this.#walletCall(
          'connect',
          effect.walletId,
          (wallet) => connectWallet(wallet.provider),
          ({ account, chainId }) => ({ type: 'walletConnected', account, chainId }),
        );
        return;
      case 'switchChain':
        this.#walletCall(
          'switch',
          effect.walletId,
          (wallet) => switchWalletChain({ provider: wallet.provider, chainId: effect.chainId }),
          (chainId) => ({ type: 'chainSwitched', chainId }),
        );
        return;
      case 'readBalance':
        this.#later(effect.delayMs ?? 0, () => {
          this.#walletCall(
            'balance',
            effect.walletId,
            (wallet) =>
              readPaymentBalance({
                provider: wallet.provider,
                account: effect.account,
                quote: effect.quote,
              }),
            (balance) => ({ type: 'balanceRead', balance, now: this.now() }),
          );
        });
        return;
      case 'sendTransaction':
        this.#walletCall(
          'send',
          effect.walletId,
          async (wallet) => {
            await this.#requestAllowance(wallet, effect, true);
            return sendPayment(
              wallet.provider,
              buildPaymentTransaction({
                quote: effect.quote,
                from: effect.account,
                amount: effect.amount,
              }),
            );
          },
          (txHash) => ({ type: 'transactionSent', txHash }),
        );
        return;
      case 'signTrial':
        this.#walletCall(
          'sign',
          effect.walletId,
          async (wallet) => {
            await this.#requestAllowance(wallet, effect, false);
            const part = this.subscriptionPart?.part ?? (await loadSubscription(this.locale));
            return part.signStartTrial({
              provider: wallet.provider,
              sessionId: this.flow.context.sessionId,
              quoteId: effect.quote.id,
              subscriber: effect.account,
            });
          },
          (signature) => ({ type: 'trialSigned', signature }),
        );
        return;
      case 'startTrial':
        this.#later(effect.delayMs, () => {
          this.#providerCall(
            'startTrial',
            async (client, id) => {
              const part = this.subscriptionPart?.part ?? (await loadSubscription(this.locale));
              const answer = await client.startSubscriptionTrial(id, {
                quote_id: effect.quoteId,
                subscriber: effect.subscriber,
                signature: effect.signature,
              });
              return part.readSubscriptionAnswer(answer);
            },
            (subscription) => ({ type: 'trialStarted', subscription }),
          );
        });
        return;
    }
  }

  #act(action: CheckoutAction): void {
    const now = this.now();
    if (this.#onramp?.act(action, now) === true) return;
    switch (action.type) {
      case 'pickOption':
        this.#send({ type: 'optionPicked', chainId: action.chainId, asset: action.asset });
        return;
      case 'pickWallet':
        this.#send({ type: 'walletPicked', walletId: action.walletId });
        return;
      case 'pay':
        this.#send({ type: 'payRequested', now });
        return;
      case 'retry':
        this.#send({ type: 'retryRequested', now });
        return;
      case 'requote':
        this.#send({ type: 'requoteRequested', now });
        return;
      case 'changeOption':
        this.#send({ type: 'changeOptionRequested', now });
        return;
      case 'payRest':
        this.#send({ type: 'payRestRequested', now });
        return;
      case 'switchNetwork':
        this.#send({ type: 'switchNetworkRequested' });
        return;
      case 'checkBalance':
        this.#send({ type: 'checkBalanceRequested' });
        return;
    }
  }

  #price(t: WidgetTranslator): TemplateResult {
    const session = this.flow.context.session;
    if (session === null) return html``;
    return html`<div class="header" part="header">
      <p class="label">${t('card.total')}</p>
      <p class="price" part="price">
        ${formatFiatPrice(session.amount_minor, session.currency, this.locale)}
      </p>
    </div>`;
  }

  #card(): TemplateResult {
    const translator = this.translator;
    // Until the language's strings arrive, the card shows `loading` (never English first).
    const t = translator ?? englishTranslator;
    const name: CheckoutStateName =
      translator === null && this.flow.name !== 'error-config' ? 'loading' : this.flow.name;
    const view = {
      state: name === this.flow.name ? this.flow : { ...this.flow, name },
      t,
      locale: this.locale,
      now: this.now(),
      act: (action: CheckoutAction) => {
        this.#act(action);
      },
      // Only in the language of the card: never English views inside a German card.
      onramp: this.onrampView?.locale === this.locale ? this.onrampView.view : null,
      ...(this.flow.context.trialDays > 0 && this.subscriptionPart?.locale === this.locale
        ? {
            payLabel: this.subscriptionPart.part.view.trialButtonLabel(),
            quotedHeading: this.subscriptionPart.part.view.trialQuotedHeading(),
          }
        : {}),
    };
    const trial = name === 'starting-trial' || name === 'trial-started' ? name : null;
    const trialView = this.subscriptionPart?.locale === this.locale ? this.subscriptionPart : null;
    const headline =
      trial === null
        ? checkoutHeadline(view.state, t, view.onramp)
        : (trialView?.part.view.trialHeadline(trial) ?? t('loading'));
    return html`<section
      class="card"
      part="root"
      data-state=${name}
      lang=${this.locale}
      dir=${rightToLeftLocales.has(this.locale) ? 'rtl' : 'ltr'}
      aria-label=${t('card.label')}
    >
      ${name === 'error-config' ? nothing : this.#price(t)}
      ${name === 'error-config' ? nothing : this.#subscriptionTerms()}
      <p class="visually-hidden" part="status" role="status" aria-live="polite">${headline}</p>
      ${trial === null ? renderCheckoutBody(view) : this.#trialBody(trial, t)}
    </section>`;
  }

  /** The free trial's states speak through the subscription part (its lazy chunk, its strings). */
  #trialBody(
    trial: 'starting-trial' | 'trial-started',
    t: WidgetTranslator,
  ): TemplateResult | typeof nothing {
    const part = this.subscriptionPart;
    if (part === null) return nothing;
    const { context } = this.flow;
    return part.part.view.renderTrial({
      state: trial,
      subscription: context.subscription,
      successUrl: context.session?.success_url ?? null,
      continueLabel: t('action.continue'),
    });
  }

  #onDialogKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Tab' || this.dialog === null) return;
    // Keep Tab inside the dialog: from the last control to the first, and back.
    const focusable = [
      ...this.dialog.querySelectorAll<HTMLElement>(
        'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])',
      ),
    ];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (first === undefined || last === undefined) return;
    const active = this.shadowRoot?.activeElement ?? null;
    if (event.shiftKey && (active === first || !this.dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !this.dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }

  override render(): TemplateResult {
    if (this.#config?.layout !== 'modal' || this.flow.name === 'error-config') return this.#card();
    const t = this.translator ?? englishTranslator;
    const session = this.flow.context.session;
    const label =
      session === null
        ? t('modal.open')
        : t('modal.openAmount', {
            amount: formatFiatPrice(session.amount_minor, session.currency, this.locale),
          });
    return html`<button
        type="button"
        class="button primary trigger"
        part="button primary trigger"
        aria-haspopup="dialog"
        @click=${() => {
          this.open();
        }}
      >
        ${label}
      </button>
      <dialog
        part="dialog"
        dir=${rightToLeftLocales.has(this.locale) ? 'rtl' : 'ltr'}
        aria-label=${t('card.label')}
        @close=${() => {
          this.isDialogOpen = false;
        }}
        @keydown=${(event: KeyboardEvent) => {
          this.#onDialogKeydown(event);
        }}
      >
        <div class="dialog-bar">
          <button
            type="button"
            class="close"
            part="close"
            @click=${() => {
              this.close();
            }}
          >
            ${t('modal.close')}
          </button>
        </div>
        ${this.#card()}
      </dialog>`;
  }
}

function toSummary({ id, name, icon }: DiscoveredWallet) {
  return { id, name, icon };
}
