import type { CheckoutEffect } from './CheckoutEffect.ts';
import type { CheckoutState, WalletSummary } from './CheckoutState.ts';
import { createCheckoutContext } from './createCheckoutContext.ts';

export type StartCheckoutParameters = {
  sessionId: string;
  /** Wallets already found when the flow starts. */
  wallets?: readonly WalletSummary[];
  /** The shopper's likely country (from the browser's languages), for the on-ramp; they can change it. */
  country?: string | null;
};
export type StartCheckoutReturnType = {
  readonly state: CheckoutState;
  readonly effects: readonly CheckoutEffect[];
};

/** The flow's first state (`loading`) and its first effect: read the session. */
export function startCheckout({
  sessionId,
  wallets = [],
  country = null,
}: StartCheckoutParameters): StartCheckoutReturnType {
  return {
    state: { name: 'loading', context: createCheckoutContext(sessionId, wallets, country) },
    effects: [{ type: 'loadSession', delayMs: 0 }],
  };
}
