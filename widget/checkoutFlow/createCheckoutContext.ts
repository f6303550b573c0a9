import type { CheckoutContext, WalletSummary } from './CheckoutState.ts';

export type CreateCheckoutContextReturnType = CheckoutContext;

/** A context with nothing known yet but the session id (and the wallets already found). */
export function createCheckoutContext(
  sessionId: string,
  wallets: readonly WalletSummary[] = [],
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
  };
}
