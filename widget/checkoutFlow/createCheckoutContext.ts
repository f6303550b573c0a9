import type { CheckoutContext, WalletSummary } from './CheckoutState.ts';

export type CreateCheckoutContextReturnType = CheckoutContext;

/**
 * A context with nothing known yet but the session id (and the wallets already found, and the
 * shopper's likely country for the on-ramp).
 */
export function createCheckoutContext(
  sessionId: string,
  wallets: readonly WalletSummary[] = [],
  country: string | null = null,
): CreateCheckoutContextReturnType {
  return {
    sessionId,
    session: null,
    option: null,
    quote: null,
    wallets,
    walletId: null,
    account: null,
    amountDue: null,
    isPayingRest: false,
    balance: null,
    txHash: null,
    payment: null,
    failure: null,
    retry: null,
    attempt: 0,
    onrampCountry: country,
    onrampOffer: 'none',
    onrampQuote: null,
    onrampOrder: null,
    onrampPage: null,
    arrivalChecks: 0,
    trialDays: 0,
    trialSignature: null,
    subscription: null,
  };
}
