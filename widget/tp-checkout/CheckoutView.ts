import type { TemplateResult } from 'lit';
import type { CheckoutState } from '../checkoutFlow/CheckoutState.ts';
import type { WidgetTranslator } from '../i18n/createWidgetTranslator.ts';

/** What the shopper can do; the element turns each into a flow event (and, for some, a window). */
export type CheckoutAction =
  | { readonly type: 'pickOption'; readonly chainId: number; readonly asset: string }
  | { readonly type: 'pickWallet'; readonly walletId: string }
  | { readonly type: 'pickCountry'; readonly country: string }
  | {
      readonly type:
        | 'pay'
        | 'retry'
        | 'requote'
        | 'changeOption'
        | 'payRest'
        | 'switchNetwork'
        | 'checkBalance'
        | 'buy'
        | 'openOnramp'
        | 'cancelOnramp'
        | 'retryOnramp';
    };

export type CheckoutView = {
  readonly state: CheckoutState;
  readonly t: WidgetTranslator;
  /** BCP 47 tag for Intl. */
  readonly locale: string;
  readonly now: Date;
  readonly act: (action: CheckoutAction) => void;
  /** The on-ramp's part of the card, once its lazy chunk is loaded (null until then). */
  readonly onramp: OnrampView | null;
  /** The main button of `quoted` when it does not pay (a free trial); absent: "Pay with wallet". */
  readonly payLabel?: string;
  /** The heading of `quoted` when nothing is paid now (a free trial); absent: "Pay exactly". */
  readonly quotedHeading?: string;
};

/** The on-ramp's views (widget/onramp/, a lazy chunk: most shoppers never need it). */
export type OnrampView = {
  /** The card offer inside "not enough" (nothing when there is no offer). */
  offer(view: CheckoutView): TemplateResult;
  /** The body of an `onramp-*` or `error-onramp-*` state. */
  body(view: CheckoutView): TemplateResult;
  /** The live region's sentence for an on-ramp state. */
  headline(state: CheckoutState): string;
  /** The on-ramp views' own stylesheet, adopted by the element once loaded. */
  readonly styles: CSSStyleSheet | undefined;
};
