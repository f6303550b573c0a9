import { findNetwork } from '../../shared/chains/findNetwork.ts';
import type { CheckoutState } from '../checkoutFlow/CheckoutState.ts';
import type { WidgetTranslator } from '../i18n/createWidgetTranslator.ts';
import { legacyWalletId } from '../wallets/discoverWallets.ts';
import type { OnrampView } from './CheckoutView.ts';

export type CheckoutHeadlineReturnType = string;

/**
 * The one sentence that names a state, for the live region: what a screen reader announces when
 * the state changes. Free of timing (no countdown), so it changes only with the state, and with
 * the confirmation count while confirming.
 */
export function checkoutHeadline(
  state: CheckoutState,
  t: WidgetTranslator,
  onramp: OnrampView | null = null,
): CheckoutHeadlineReturnType {
  // The on-ramp's states speak through its lazy chunk; until it arrives, they are loading.
  if (state.name.includes('onramp')) return onramp?.headline(state) ?? t('loading');
  const { quote, payment, wallets, walletId } = state.context;
  const network = findNetwork(quote?.chain_id ?? payment?.chain_id ?? 0)?.name ?? '';
  const wallet =
    walletId === legacyWalletId || walletId === null
      ? t('wallet.browser')
      : (wallets.find((candidate) => candidate.id === walletId)?.name ?? t('wallet.browser'));
  switch (state.name) {
    case 'loading':
      return t('loading');
    case 'options':
      return t('options.heading');
    case 'quoting':
      return t('quoting.heading');
    case 'quoted':
      return t('quoted.heading');
    case 'wallet-picker':
      return t('picker.heading');
    case 'connecting':
      return t('connecting.heading', { wallet });
    case 'switching-chain':
      return t('switching.heading', { network });
    case 'checking-balance':
      return t('checking.heading');
    case 'confirming':
      return t('confirming.heading', { wallet });
    case 'submitted':
      return t('submitted.heading');
    case 'confirming-chain': {
      const total = payment?.required_confirmations ?? 1;
      const count = Math.min(payment?.confirmations ?? 0, total);
      return `${t('chain.heading', { network })}. ${t('chain.confirmations', { count, total })}`;
    }
    case 'paid':
      return t('paid.heading');
    case 'error-config':
      return t('error.config.heading');
    case 'error-no-wallet':
      return t('error.noWallet.heading');
    case 'error-wallet-rejected':
      return t('error.rejected.heading');
    case 'error-wallet-pending':
      return t('error.pending.heading');
    case 'error-wallet':
      return t('error.wallet.heading');
    case 'error-wrong-network':
      return t('error.wrongNetwork.heading');
    case 'error-insufficient-funds':
      return t('error.insufficient.heading', { asset: quote?.asset ?? '' });
    case 'error-quote-expired':
      return t('error.quoteExpired.heading');
    case 'error-session-expired':
      return t('error.sessionExpired.heading');
    case 'error-provider-unreachable':
      return t('error.unreachable.heading');
    case 'error-provider':
      return t('error.provider.heading');
    case 'error-underpaid':
      return t('error.underpaid.heading');
    case 'error-payment-failed':
      return t('error.paymentFailed.heading');
    default:
      return t('loading');
  }
}
