import { TpCheckout } from './tp-checkout/tp-checkout.ts';

// The widget's entry: the one place its elements are registered.
if (!customElements.get('tp-checkout')) customElements.define('tp-checkout', TpCheckout);

export { TpCheckout };
