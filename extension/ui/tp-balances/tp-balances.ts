import { LitElement, html } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import type { BalanceView } from '../../../shared/protocol/walletUiMessages.ts';
import { describeError } from '../describeError.ts';
import { formatBalance } from '../formatBalance.ts';
import { refreshIcon } from '../theme/icons.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { balancesStyles } from './tp-balances.styles.ts';

type BalancesState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'loading'; readonly previous?: readonly BalanceView[] }
  | { readonly phase: 'ready'; readonly balances: readonly BalanceView[] }
  | { readonly phase: 'error'; readonly error: unknown };

/**
 * The native and token balances of one account, read from the chain through the worker.
 * Each amount has `data-testid="balance-<SYMBOL>"` and its exact value as its title.
 *
 * @csspart list - The list of balances.
 */
export class TpBalances extends LitElement {
  static override styles = [controlStyles, balancesStyles];

  /** The account whose balances to show. */
  @property() address = '';
  @property() locale: Locale = 'en';

  @state() private balancesState: BalancesState = { phase: 'idle' };
  private requestNumber = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('address')) void this.load(false);
  }

  /** Reads the balances again (after a payment, or when the user asks). */
  async refresh(): Promise<void> {
    await this.load(true);
  }

  override render() {
    const t = createTranslator(this.locale);
    const current = this.balancesState;
    const balances =
      current.phase === 'ready'
        ? current.balances
        : current.phase === 'loading'
          ? current.previous
          : undefined;
    return html`
      <div class="heading">
        <h3 id="balances-title">${t('balances.title')}</h3>
        <button
          class="icon-button"
          data-testid="balances-refresh"
          aria-label=${t('balances.refresh')}
          title=${t('balances.refresh')}
          ?disabled=${current.phase === 'loading'}
          @click=${() => void this.refresh()}
        >
          ${
            current.phase === 'loading'
              ? html`<span class="spinner" aria-hidden="true"></span>`
              : refreshIcon
          }
        </button>
      </div>
      ${
        current.phase === 'error'
          ? html`<div class="notice error" role="alert" data-testid="balances-error">
              ${t('balances.error', { reason: describeError(current.error, t, this.locale) })}
              <button
                class="ghost"
                data-testid="balances-retry"
                @click=${() => void this.refresh()}
              >
                ${t('common.retry')}
              </button>
            </div>`
          : ''
      }
      ${
        balances === undefined
          ? current.phase === 'loading'
            ? html`<p class="hint" role="status" data-testid="balances-loading">
                ${t('balances.loading')}
              </p>`
            : ''
          : balances.length === 0
            ? html`<p class="hint">${t('balances.none')}</p>`
            : html`<ul
                part="list"
                aria-labelledby="balances-title"
                aria-busy=${current.phase === 'loading'}
              >
                ${balances.map((balance) => this.renderBalance(balance))}
              </ul>`
      }
    `;
  }

  private renderBalance(balance: BalanceView) {
    let text: { short: string; exact: string };
    try {
      text = formatBalance(balance, this.locale);
    } catch {
      text = { short: '—', exact: '' };
    }
    return html`
      <li>
        <span class="symbol" aria-hidden="true">${balance.symbol.slice(0, 1)}</span>
        <span class="name">${balance.symbol}</span>
        <span class="amount" data-testid="balance-${balance.symbol}" title=${text.exact}>
          ${text.short}
        </span>
      </li>
    `;
  }

  private async load(keepShown: boolean): Promise<void> {
    const requestNumber = ++this.requestNumber;
    if (this.address === '') {
      this.balancesState = { phase: 'idle' };
      return;
    }
    const previous =
      keepShown && this.balancesState.phase === 'ready' ? this.balancesState.balances : undefined;
    this.balancesState = { phase: 'loading', ...(previous === undefined ? {} : { previous }) };
    try {
      const { balances } = await sendWalletRequest('getBalances', { address: this.address });
      if (requestNumber === this.requestNumber) this.balancesState = { phase: 'ready', balances };
    } catch (error) {
      if (requestNumber === this.requestNumber) this.balancesState = { phase: 'error', error };
    }
  }
}
