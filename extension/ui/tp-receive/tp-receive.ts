import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import type { AccountView } from '../../../shared/protocol/walletUiMessages.ts';
import { checksumAddress } from '../checksumAddress.ts';
import { renderBackHeader } from '../renderBackHeader.ts';
import { checkIcon, copyIcon } from '../theme/icons.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { receiveStyles } from './tp-receive.styles.ts';

/**
 * An account's full address to receive funds, with a copy button ("Copied" for two seconds).
 *
 * @event tp-back - The user is done here.
 */
export class TpReceive extends LitElement {
  static override styles = [controlStyles, receiveStyles];

  @property({ attribute: false }) account: AccountView | undefined;
  @property() locale: Locale = 'en';
  @property() networkName = '';

  @state() private copyState: 'idle' | 'copied' | 'failed' = 'idle';
  private resetTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.resetTimer);
  }

  override render() {
    const t = createTranslator(this.locale);
    if (this.account === undefined) return html``;
    const address = checksumAddress(this.account.address);
    return html`
      ${renderBackHeader({
        host: this,
        title: t('receive.title'),
        backLabel: t('common.back'),
        backTestId: 'receive-back',
      })}
      <p class="lead">${t('receive.lead', { network: this.networkName })}</p>
      <div class="card">
        <p class="account-name">${this.account.name}</p>
        <p class="address mono" data-testid="receive-address">${address}</p>
        <button class="primary block" data-testid="copy-address" @click=${this.copy}>
          ${this.copyState === 'copied' ? checkIcon : copyIcon}
          ${this.copyState === 'copied' ? t('receive.copied') : t('receive.copy')}
        </button>
        <p class="copy-status" role="status" data-testid="copy-status">
          ${
            this.copyState === 'copied'
              ? t('receive.copiedAnnouncement')
              : this.copyState === 'failed'
                ? t('receive.copyFailed')
                : ''
          }
        </p>
      </div>
      <p class="notice warning">${t('receive.warning', { network: this.networkName })}</p>
    `;
  }

  private readonly copy = async (): Promise<void> => {
    if (this.account === undefined) return;
    clearTimeout(this.resetTimer);
    try {
      await navigator.clipboard.writeText(checksumAddress(this.account.address));
      this.copyState = 'copied';
    } catch {
      this.copyState = 'failed';
    }
    this.resetTimer = setTimeout(() => {
      this.copyState = 'idle';
    }, 2000);
  };
}
