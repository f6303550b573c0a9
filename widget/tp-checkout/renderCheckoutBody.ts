import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { findNetwork } from '../../shared/chains/findNetwork.ts';
import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import { formatAssetAmount } from '../i18n/formatAssetAmount.ts';
import { formatCountdown } from '../i18n/formatCountdown.ts';
import { legacyWalletId } from '../wallets/discoverWallets.ts';
import type { CheckoutView } from './CheckoutView.ts';
import { renderBusy as busy } from './renderBusy.ts';
import { renderButton as button } from './renderButton.ts';
import type { ButtonOptions } from './renderButton.ts';
import { renderErrorBlock as errorBlock } from './renderErrorBlock.ts';
import { renderHeading as heading } from './renderHeading.ts';

function networkName(chainId: number): string {
  return findNetwork(chainId)?.name ?? `#${chainId}`;
}

function explorerLink(chainId: number, txHash: string | null): string | null {
  const base = findNetwork(chainId)?.blockExplorerUrl;
  if (base === undefined || txHash === null) return null;
  return `${base}/tx/${txHash}`;
}

function quoteAmount(view: CheckoutView, quote: CheckoutQuote, amount: bigint): string {
  return formatAssetAmount({
    amount,
    symbol: quote.asset,
    decimals: quote.decimals,
    locale: view.locale,
  });
}

function walletName(view: CheckoutView): string {
  const { walletId, wallets } = view.state.context;
  if (walletId === legacyWalletId) return view.t('wallet.browser');
  return wallets.find((wallet) => wallet.id === walletId)?.name ?? view.t('wallet.browser');
}

function transactionLinks(view: CheckoutView): TemplateResult {
  const { txHash, quote, payment } = view.state.context;
  const chainId = quote?.chain_id ?? payment?.chain_id;
  if (txHash === null || chainId === undefined) return html``;
  const link = explorerLink(chainId, txHash);
  return html`<p class="small muted">
    ${
      link === null
        ? // Only the hash is code: the label stays in the page's script and direction (every
          // catalog puts {hash} last).
          html`${view.t('transaction.hash', { hash: '' }).trim()}
            <span class="hash">${txHash}</span>`
        : html`<a part="link" href=${link} target="_blank" rel="noopener noreferrer"
            >${view.t('transaction.view')}</a
          >`
    }
  </p>`;
}

function renderOptions(view: CheckoutView): TemplateResult {
  const { t, state } = view;
  const options = state.context.session?.payment_options ?? [];
  return html`${heading(t('options.heading'))}
    <ul part="options" role="list">
      ${options.map((option) => {
        const amount =
          option.amount === null
            ? t('options.unavailable')
            : t('options.approximately', {
                amount: formatAssetAmount({
                  amount: BigInt(option.amount),
                  symbol: option.asset,
                  decimals: option.decimals,
                  locale: view.locale,
                  isApproximate: true,
                }),
              });
        return html`<li>
          <button
            type="button"
            class="option"
            part="option"
            data-chain-id=${option.chain_id}
            data-asset=${option.asset}
            ?disabled=${option.amount === null}
            @click=${() => {
              view.act({ type: 'pickOption', chainId: option.chain_id, asset: option.asset });
            }}
          >
            <span class="option-name">
              <span class="option-asset">${option.asset}</span>
              <span class="small muted"
                >${t('options.onNetwork', { network: networkName(option.chain_id) })}</span
              >
            </span>
            <span class="option-amount" part="option-amount">${amount}</span>
          </button>
        </li>`;
      })}
    </ul>`;
}

function renderQuoted(view: CheckoutView): TemplateResult {
  const { t, state, now } = view;
  const { quote, amountDue } = state.context;
  if (quote === null || amountDue === null) return html``;
  const remaining = Date.parse(quote.expires_at) - now.getTime();
  const seconds = Math.max(0, Math.ceil(remaining / 1000));
  // The countdown sits inside the sentence wherever the language puts {time}.
  const [before = '', after = ''] = t('quoted.expiresIn').split('{time}');
  return html`${heading(view.quotedHeading ?? t('quoted.heading'))}
    <div part="quote">
      <p class="amount">${quoteAmount(view, quote, amountDue)}</p>
      <p class="muted">${t('quoted.onNetwork', { network: networkName(quote.chain_id) })}</p>
      <p class="countdown" part="countdown">
        ${before}<time datetime=${`PT${seconds}S`}>${formatCountdown(remaining, view.locale)}</time
        >${after}
      </p>
    </div>
    <div class="actions">
      ${button(view, { label: view.payLabel ?? t('action.pay'), action: { type: 'pay' }, isPrimary: true })}
      ${button(view, { label: t('action.change'), action: { type: 'changeOption' } })}
    </div>`;
}

function renderWalletPicker(view: CheckoutView): TemplateResult {
  const { t, state } = view;
  return html`${heading(t('picker.heading'))}
    <ul part="wallets" role="list">
      ${state.context.wallets.map(
        (wallet) =>
          html`<li>
            <button
              type="button"
              class="wallet"
              part="wallet"
              data-wallet-id=${wallet.id}
              @click=${() => {
                view.act({ type: 'pickWallet', walletId: wallet.id });
              }}
            >
              ${
                wallet.icon === null
                  ? html`<span
                      class="icon-placeholder"
                      part="wallet-icon"
                      aria-hidden="true"
                    ></span>`
                  : html`<img
                      part="wallet-icon"
                      src=${wallet.icon}
                      alt=""
                      width="28"
                      height="28"
                    />`
              }
              <span>${wallet.id === legacyWalletId ? t('wallet.browser') : wallet.name}</span>
            </button>
          </li>`,
      )}
    </ul>
    <div class="actions">
      ${button(view, { label: t('action.back'), action: { type: 'changeOption' } })}
    </div>`;
}

function renderConfirmingChain(view: CheckoutView): TemplateResult {
  const { t, state } = view;
  const { payment, quote } = state.context;
  const chainId = payment?.chain_id ?? quote?.chain_id ?? 0;
  const total = payment?.required_confirmations ?? 1;
  const count = Math.min(payment?.confirmations ?? 0, total);
  return html`${busy(t('chain.heading', { network: networkName(chainId) }))}
    <p>${t('chain.confirmations', { count, total })}</p>
    <progress part="progress" max=${total} value=${count} aria-hidden="true"></progress>
    ${transactionLinks(view)}`;
}

function renderPaid(view: CheckoutView): TemplateResult {
  const { t, state } = view;
  const successUrl = state.context.session?.success_url ?? null;
  const isSafeUrl = successUrl !== null && /^https?:\/\//i.test(successUrl);
  return html`<div class="paid">
    <div class="paid-title">
      <span class="check" aria-hidden="true">✓</span>${heading(t('paid.heading'))}
    </div>
    <p>${t('paid.body')}</p>
    ${transactionLinks(view)}
    ${
      isSafeUrl
        ? html`<div class="actions">
            <a class="button primary" part="link button primary" href=${successUrl}
              >${t('action.continue')}</a
            >
          </div>`
        : nothing
    }
  </div>`;
}

function renderError(view: CheckoutView): TemplateResult {
  const { t, state } = view;
  const { context } = state;
  const { quote, session } = context;
  const retry: ButtonOptions = {
    label: t('action.retry'),
    action: { type: 'retry' },
    isPrimary: true,
  };
  const change: ButtonOptions = { label: t('action.change'), action: { type: 'changeOption' } };
  switch (state.name) {
    case 'error-config': {
      const issues = (context.failure?.message ?? '').split('\n');
      return errorBlock(
        view,
        t('error.config.heading'),
        html`<p>${t('error.config.body')}</p>
          <ul class="issues" lang="en" dir="ltr">
            ${issues.map((issue) => html`<li>${issue}</li>`)}
          </ul>`,
        [],
      );
    }
    case 'error-no-wallet':
      return errorBlock(view, t('error.noWallet.heading'), t('error.noWallet.body'), [
        retry,
        change,
      ]);
    case 'error-wallet-rejected':
      return errorBlock(view, t('error.rejected.heading'), t('error.rejected.body'), [
        retry,
        change,
      ]);
    case 'error-wallet-pending':
      return errorBlock(view, t('error.pending.heading'), t('error.pending.body'), [retry]);
    case 'error-wallet':
      return errorBlock(
        view,
        t('error.wallet.heading'),
        html`<p>${t('error.wallet.body')}</p>
          <p class="small muted" lang="en">${context.failure?.message ?? ''}</p>`,
        [retry, change],
      );
    case 'error-wrong-network':
      return errorBlock(
        view,
        t('error.wrongNetwork.heading'),
        t('error.wrongNetwork.body', { network: networkName(quote?.chain_id ?? 0) }),
        [
          {
            label: t('action.switchNetwork'),
            action: { type: 'switchNetwork' },
            isPrimary: true,
          },
          change,
        ],
      );
    case 'error-insufficient-funds': {
      if (quote === null) return html``;
      const due = context.amountDue ?? 0n;
      const balance = context.balance ?? 0n;
      const missing = due > balance ? due - balance : 0n;
      // With a card offer on screen, "Buy … with card" is the main way forward.
      const hasOffer = context.onrampOffer === 'ready' && view.onramp !== null;
      return errorBlock(
        view,
        t('error.insufficient.heading', { asset: quote.asset }),
        t('error.insufficient.body', {
          missing: quoteAmount(view, quote, missing),
          network: networkName(quote.chain_id),
          balance: quoteAmount(view, quote, balance),
        }),
        [
          {
            label: t('action.checkBalance'),
            action: { type: 'checkBalance' },
            isPrimary: !hasOffer,
          },
          change,
        ],
        view.onramp?.offer(view) ?? nothing,
      );
    }
    case 'error-quote-expired':
      return errorBlock(view, t('error.quoteExpired.heading'), t('error.quoteExpired.body'), [
        { label: t('action.requote'), action: { type: 'requote' }, isPrimary: true },
        change,
      ]);
    case 'error-session-expired':
      return errorBlock(
        view,
        t('error.sessionExpired.heading'),
        t('error.sessionExpired.body'),
        [],
      );
    case 'error-provider-unreachable':
      return errorBlock(
        view,
        t('error.unreachable.heading'),
        context.txHash === null ? t('error.unreachable.body') : t('error.unreachable.sentBody'),
        [{ label: t('action.retryNow'), action: { type: 'retry' }, isPrimary: true }],
      );
    case 'error-provider':
      return errorBlock(
        view,
        t('error.provider.heading'),
        context.txHash !== null
          ? t('error.unreachable.sentBody')
          : context.failure?.code === 'provider/rates_unavailable'
            ? t('error.provider.ratesBody')
            : t('error.provider.body'),
        context.retry === null ? [] : context.retry === 'lockQuote' ? [retry, change] : [retry],
      );
    case 'error-underpaid': {
      const paid = session?.amount_paid ?? null;
      const option = session?.payment_options.find(
        (candidate) => candidate.chain_id === paid?.chain_id && candidate.asset === paid.asset,
      );
      const decimals = quote?.decimals ?? option?.decimals ?? 0;
      const missing =
        paid === null
          ? ''
          : formatAssetAmount({
              amount: BigInt(paid.amount_remaining),
              symbol: paid.asset,
              decimals,
              locale: view.locale,
            });
      const canPayRest = paid !== null && quote !== null && quote.id === paid.quote_id;
      return errorBlock(
        view,
        t('error.underpaid.heading'),
        canPayRest
          ? t('error.underpaid.body', { missing })
          : t('error.underpaid.contactShop', { missing }),
        canPayRest
          ? [{ label: t('action.payRest'), action: { type: 'payRest' }, isPrimary: true }]
          : [],
      );
    }
    case 'error-payment-failed':
      return html`${errorBlock(
        view,
        t('error.paymentFailed.heading'),
        t('error.paymentFailed.body'),
        [retry, change],
      )}${transactionLinks(view)}`;
    default:
      return html``;
  }
}

/** The part of the card below the price: one view per flow state. */
export function renderCheckoutBody(view: CheckoutView): TemplateResult {
  const { t, state } = view;
  const { quote, amountDue } = state.context;
  switch (state.name) {
    case 'loading':
      return busy(t('loading'));
    case 'options':
      return renderOptions(view);
    case 'quoting':
      return busy(t('quoting.heading'));
    case 'quoted':
      return renderQuoted(view);
    case 'wallet-picker':
      return renderWalletPicker(view);
    case 'connecting':
      return busy(t('connecting.heading', { wallet: walletName(view) }), t('connecting.body'));
    case 'switching-chain':
      return busy(
        t('switching.heading', { network: networkName(quote?.chain_id ?? 0) }),
        t('switching.body'),
      );
    case 'checking-balance':
      return busy(t('checking.heading'));
    case 'confirming':
      return busy(
        t('confirming.heading', { wallet: walletName(view) }),
        quote === null || amountDue === null
          ? undefined
          : t('confirming.body', { amount: quoteAmount(view, quote, amountDue) }),
      );
    case 'submitted':
      return html`${busy(t('submitted.heading'), t('submitted.body'))}${transactionLinks(view)}`;
    case 'confirming-chain':
      return renderConfirmingChain(view);
    case 'paid':
      return renderPaid(view);
    default:
      if (state.name.includes('onramp')) return view.onramp?.body(view) ?? busy(t('loading'));
      return renderError(view);
  }
}
