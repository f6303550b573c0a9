import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { MessageKey, Locale } from '../../../shared/i18n/index.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { minimumPasswordLength } from '../passwordStrength.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { setPasswordStyles } from './tp-set-password.styles.ts';

export type PasswordChosenDetail = { readonly password: string };

/**
 * The password that encrypts the new wallet: typed twice, at least 8 characters, with a
 * strength meter. The parent creates the wallet and reports back through `isBusy` and `error`.
 *
 * Test hooks: `password`, `password-confirm`, `show-password`, `password-strength`,
 * `password-error`, `submit-password`, `password-back`.
 *
 * @event tp-password-chosen - Valid and confirmed; `detail.password`.
 * @event tp-back - The user wants to see the previous step.
 */
export class TpSetPassword extends LitElement {
  static override styles = [controlStyles, setPasswordStyles];

  @property() locale: Locale = 'en';
  /** The wallet is being created with the password: fields and buttons are disabled. */
  @property({ type: Boolean }) isBusy = false;
  /** The worker's refusal (`vault/invalid-password`, …), if any. */
  @property({ attribute: false }) error: unknown;
  @property() password = '';
  @property() confirmation = '';

  @state() private problem: MessageKey | undefined;
  /** The worker's error as shown: it goes away once the user edits the password. */
  @state() private shownError: unknown;
  @state() private showsPassword = false;

  @query('#password') private passwordInput!: HTMLInputElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('error')) this.shownError = this.error;
  }

  protected override firstUpdated(): void {
    this.passwordInput.focus();
  }

  override render() {
    const t = createTranslator(this.locale);
    const type = this.showsPassword ? 'text' : 'password';
    return html`
      <h2>${t('password.title')}</h2>
      <p class="lead">${t('password.lead')}</p>
      <form @submit=${this.onSubmit} novalidate>
        <div class="field">
          <label for="password">${t('password.new')}</label>
          <input
            id="password"
            data-testid="password"
            type=${type}
            autocomplete="new-password"
            .value=${this.password}
            aria-describedby="password-hint"
            aria-invalid=${this.problem === 'password.tooShort' ? 'true' : 'false'}
            ?disabled=${this.isBusy}
            @input=${(event: Event) => {
              this.password = (event.target as HTMLInputElement).value;
              this.problem = undefined;
              this.shownError = undefined;
            }}
          />
          <p class="hint" id="password-hint">
            ${t('password.minimum', { minimum: minimumPasswordLength })}
          </p>
          <tp-password-strength
            .password=${this.password}
            locale=${this.locale}
          ></tp-password-strength>
        </div>
        <div class="field">
          <label for="password-confirm">${t('password.confirm')}</label>
          <input
            id="password-confirm"
            data-testid="password-confirm"
            type=${type}
            autocomplete="new-password"
            .value=${this.confirmation}
            aria-invalid=${this.problem === 'password.mismatch' ? 'true' : 'false'}
            ?disabled=${this.isBusy}
            @input=${(event: Event) => {
              this.confirmation = (event.target as HTMLInputElement).value;
              this.problem = undefined;
              this.shownError = undefined;
            }}
          />
        </div>
        <label class="checkbox">
          <input
            type="checkbox"
            data-testid="show-password"
            .checked=${this.showsPassword}
            @change=${(event: Event) => {
              this.showsPassword = (event.target as HTMLInputElement).checked;
            }}
          />
          ${t('password.show')}
        </label>
        <div aria-live="polite">
          ${
            this.problem === undefined && this.shownError === undefined
              ? nothing
              : html`<p class="notice error" role="alert" data-testid="password-error">
                  ${
                    this.problem === undefined
                      ? describeError(this.shownError, t, this.locale)
                      : t(this.problem, { minimum: minimumPasswordLength })
                  }
                </p>`
          }
          ${
            this.isBusy
              ? html`<p class="notice busy" role="status" data-testid="password-busy">
                  <span class="spinner" aria-hidden="true"></span>${t('password.busy')}
                </p>`
              : nothing
          }
        </div>
        <div class="buttons">
          <button
            class="ghost"
            type="button"
            data-testid="password-back"
            ?disabled=${this.isBusy}
            @click=${() => {
              emit(this, 'tp-back', null);
            }}
          >
            ${t('common.back')}
          </button>
          <button
            class="primary"
            type="submit"
            data-testid="submit-password"
            ?disabled=${this.isBusy || this.password === '' || this.confirmation === ''}
          >
            ${t('password.submit')}
          </button>
        </div>
      </form>
    `;
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.isBusy) return;
    if (Array.from(this.password).length < minimumPasswordLength) {
      this.problem = 'password.tooShort';
      return;
    }
    if (this.password !== this.confirmation) {
      this.problem = 'password.mismatch';
      return;
    }
    emit(this, 'tp-password-chosen', { password: this.password } satisfies PasswordChosenDetail);
  };
}
