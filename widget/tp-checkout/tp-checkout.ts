import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { checkoutStyles } from './tp-checkout.styles.ts';

/**
 * The checkout element a merchant embeds. The payment flow (session, quotes, wallets) arrives
 * with the widget issue; this shell proves the one-module build and the embedding.
 *
 * @csspart card - The outer card.
 * @cssproperty --tp-color-text - Main text colour.
 * @cssproperty --tp-color-surface - Card background.
 */
export class TpCheckout extends LitElement {
  static override styles = checkoutStyles;

  /** The checkout session id (`cs_…`) the merchant's server created. */
  @property() session = '';

  override render() {
    return html`<div class="card" part="card">
      <h2>TP Checkout</h2>
      <p>${this.session ? `Session ${this.session}` : 'No checkout session set.'}</p>
    </div>`;
  }
}
