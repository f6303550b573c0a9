import { LitElement, html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import type { AccountView } from '../../../shared/protocol/walletUiMessages.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { renderBackHeader } from '../renderBackHeader.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { importKeyStyles } from './tp-import-key.styles.ts';

export type AccountAddedDetail = { readonly account: AccountView };

/**
 * Imports an account from a private key (64 hex characters, `0x` optional), with an optional
 * name. The worker checks the key; its errors show here.
 *
 * @event tp-account-added - The key was imported; `detail.account` is the new account.
 * @event tp-back - The user gave up.
 */
export class TpImportKey extends LitElement {
  static override styles = [controlStyles, importKeyStyles];

  @property() locale: Locale = 'en';

  @state() private privateKey = '';
  @state() private name = '';
  @state() private isBusy = false;
  @state() private error: unknown;

  @query('#private-key') private keyInput!: HTMLInputElement;

  protected override firstUpdated(): void {
    this.keyInput.focus();
  }

  override render() {
    const t = createTranslator(this.locale);
    return html`
      ${renderBackHeader({
        host: this,
        title: t('importKey.title'),
        backLabel: t('common.back'),
        backTestId: 'import-key-back',
      })}
      <p class="notice warning">${t('importKey.warning')}</p>
      <form @submit=${this.onSubmit} novalidate>
        <div class="field">
          <label for="private-key">${t('importKey.key')}</label>
          <input
            id="private-key"
            data-testid="import-key-input"
            type="password"
            autocomplete="off"
            spellcheck="false"
            .value=${this.privateKey}
            aria-invalid=${this.error === undefined ? 'false' : 'true'}
            aria-describedby="import-key-hint"
            ?disabled=${this.isBusy}
            @input=${(event: Event) => {
              this.privateKey = (event.target as HTMLInputElement).value;
            }}
          />
          <p class="hint" id="import-key-hint">${t('importKey.keyHint')}</p>
        </div>
        <div class="field">
          <label for="account-name">${t('importKey.name')}</label>
          <input
            id="account-name"
            data-testid="import-key-name"
            maxlength="64"
            autocomplete="off"
            placeholder=${t('importKey.namePlaceholder')}
            .value=${this.name}
            ?disabled=${this.isBusy}
            @input=${(event: Event) => {
              this.name = (event.target as HTMLInputElement).value;
            }}
          />
        </div>
        ${
          this.error === undefined
            ? ''
            : html`<p class="notice error" role="alert" data-testid="import-key-error">
                ${describeError(this.error, t, this.locale)}
              </p>`
        }
        <button
          class="primary block"
          type="submit"
          data-testid="import-key-submit"
          ?disabled=${this.isBusy || this.privateKey.trim() === ''}
        >
          ${
            this.isBusy
              ? html`<span class="spinner" aria-hidden="true"></span>${t('importKey.busy')}`
              : t('importKey.submit')
          }
        </button>
      </form>
    `;
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.isBusy || this.privateKey.trim() === '') return;
    this.isBusy = true;
    this.error = undefined;
    try {
      const name = this.name.trim();
      const { account } = await sendWalletRequest('importPrivateKey', {
        privateKey: this.privateKey.trim(),
        ...(name === '' ? {} : { name }),
      });
      this.privateKey = '';
      this.name = '';
      emit(this, 'tp-account-added', { account } satisfies AccountAddedDetail);
    } catch (error) {
      this.error = error;
    } finally {
      this.isBusy = false;
    }
  };
}
