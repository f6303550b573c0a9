import { demoProduct } from './demoProduct.ts';
import { demoSubscription } from './demoSubscriptionPlan.ts';
import { demoTrialSubscription } from './demoTrialSubscriptionPlan.ts';

/** What the widget needs: the session the shop's server created, and how to reach the provider. */
export type CheckoutEmbed = {
  readonly sessionId: string;
  readonly publishableKey: string;
  readonly providerUrl: string;
};

export type RenderProductPageParameters = {
  /** A string when the shop could not create a session: the page says so instead. */
  readonly checkout: CheckoutEmbed | { readonly problem: string };
  /**
   * `subscription`: the coffee club page (`/subscribe`), the widget in `mode="subscription"`;
   * `subscription-trial`: the same with a 7-day free trial (`/subscribe?plan=trial`).
   */
  readonly offer?: 'product' | 'subscription' | 'subscription-trial';
};

/**
 * The product page with the widget embedded: one `<script>` and one `<tp-checkout>`. No inline
 * script or style anywhere, so it runs under the shop's strict Content-Security-Policy.
 */
export function renderProductPage({
  checkout,
  offer = 'product',
}: RenderProductPageParameters): string {
  const product =
    offer === 'subscription'
      ? demoSubscription
      : offer === 'subscription-trial'
        ? demoTrialSubscription
        : demoProduct;
  const mode = offer === 'product' ? '' : ' mode="subscription"';
  const widget =
    'problem' in checkout
      ? `<p class="problem" role="alert">${escapeHtml(checkout.problem)}</p>`
      : `<tp-checkout session="${escapeHtml(checkout.sessionId)}" publishable-key="${escapeHtml(checkout.publishableKey)}" provider="${escapeHtml(checkout.providerUrl)}"${mode}></tp-checkout>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(product.name)} · Demo Shop · TP Pay</title>
    <link rel="stylesheet" href="/shop.css" />
    <script type="module" src="/widget/checkout.js"></script>
    <script type="module" src="/shop.js"></script>
    <script type="module" src="/order.js"></script>
  </head>
  <body>
    <header>
      <strong>Acme Coffee Roasters</strong>
      <span class="badge">Demo shop · local dev chain</span>
    </header>
    <main>
      <section class="product">
        <h1>${escapeHtml(product.name)}</h1>
        <p class="price">${escapeHtml(product.priceLabel)}</p>
        <p>${escapeHtml(product.description)}</p>
        <p id="order-status" class="order-status" role="status"></p>
      </section>
      <section class="checkout" aria-label="Checkout">
        ${widget}
      </section>
      <section class="wallets" aria-label="Wallets on this page">
        <h2>Wallets found on this page</h2>
        <ul id="wallets">
          <li class="empty">None yet</li>
        </ul>
      </section>
    </main>
  </body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ??
      character,
  );
}
