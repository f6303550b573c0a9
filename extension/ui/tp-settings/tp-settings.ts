import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createTranslator, isLocale } from '../../../shared/i18n/index.ts';
import type { Locale, MessageKey, Translator } from '../../../shared/i18n/index.ts';
import { autoLockMinutesRange } from '../../../shared/protocol/walletUiMessages.ts';
import type { PhraseLanguage, WalletStatus } from '../../../shared/protocol/walletUiMessages.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { renderBackHeader } from '../renderBackHeader.ts';
import { minimumPasswordLength } from '../passwordStrength.ts';
import { splitPhrase } from '../phrase/splitPhrase.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { settingsStyles } from './tp-settings.styles.ts';

/** One form's progress: every state is rendered (idle, busy, done, error). */
type FormState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy' }
  | { readonly phase: 'done' }
  | { readonly phase: 'invalid'; readonly messageKey: MessageKey }
  | { readonly phase: 'error'; readonly error: unknown };

export type LocaleChangeDetail = { readonly locale: Locale | null };

const idle: FormState = { phase: 'idle' };

/**
 * The wallet's settings: auto-lock delay, display language, the currency and price source
 * (`tp-price-settings`), change password, and reveal the recovery phrase after re-entering the
 * password (hidden again when the screen closes).
 *
 * Test hooks: `settings-back`, `settings-auto-lock`, `settings-auto-lock-save`,
 * `settings-auto-lock-status`, `settings-language`, `current-password`, `new-password`,
 * `new-password-confirm`, `change-password-submit`, `change-password-status`,
 * `reveal-password`, `reveal-phrase`, `reveal-status`, `phrase-word-<n>`, `hide-phrase`,
 * `settings-default-wallet`, `settings-default-wallet-status`.
 *
 * @event tp-back - The user closed the settings.
 * @event tp-status-changed - A setting the wallet's status reports changed (auto-lock).
 * @event tp-locale-change - The user picked a display language; `detail.locale` is null for automatic.
 */
export class TpSettings extends LitElement {
  static override styles = [controlStyles, settingsStyles];

  @property() locale: Locale = 'en';
  /** The language chosen by the user, or `auto` to follow the browser. */
  @property() localeSetting: Locale | 'auto' = 'auto';
  @property({ attribute: false }) status: WalletStatus | undefined;

  @state() private autoLockDraft = '';
  @state() private autoLockState: FormState = idle;
  @state() private defaultWalletState: FormState = idle;
  @state() private currentPassword = '';
  @state() private newPassword = '';
  @state() private newPasswordConfirmation = '';
  @state() private passwordState: FormState = idle;
  @state() private revealPassword = '';
  @state() private revealState: FormState = idle;
  @state() private revealed: { phrase: string; language: PhraseLanguage } | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The popup re-reads the status now and then: only a changed value replaces what is typed.
    const previous = changed.get('status');
    if (
      changed.has('status') &&
      this.status !== undefined &&
      this.status.autoLockMinutes !== previous?.autoLockMinutes &&
      this.autoLockState.phase !== 'busy'
    ) {
      this.autoLockDraft = String(this.status.autoLockMinutes);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.revealed = undefined;
    this.revealPassword = '';
  }

  override render() {
    const t = createTranslator(this.locale);
    return html`
      ${renderBackHeader({
        host: this,
        title: t('settings.title'),
        backLabel: t('common.back'),
        backTestId: 'settings-back',
      })}
      ${this.renderAutoLock(t)} ${this.renderDefaultWallet(t)} ${this.renderLanguage(t)}
      <tp-price-settings locale=${this.locale}></tp-price-settings>
      ${this.renderChangePassword(t)} ${this.renderReveal(t)}
    `;
  }

  private renderAutoLock(t: Translator) {
    const { minimum, maximum } = autoLockMinutesRange;
    return html`
      <section class="card" aria-labelledby="auto-lock-title">
        <h3 id="auto-lock-title">${t('settings.autoLock.title')}</h3>
        <form @submit=${this.saveAutoLock} novalidate>
          <div class="field">
            <label for="auto-lock">${t('settings.autoLock.label')}</label>
            <div class="inline">
              <input
                id="auto-lock"
                data-testid="settings-auto-lock"
                type="number"
                inputmode="numeric"
                min=${minimum}
                max=${maximum}
                step="1"
                .value=${this.autoLockDraft}
                aria-describedby="auto-lock-hint"
                aria-invalid=${this.autoLockState.phase === 'invalid' ? 'true' : 'false'}
                ?disabled=${this.autoLockState.phase === 'busy'}
                @input=${(event: Event) => {
                  this.autoLockDraft = (event.target as HTMLInputElement).value;
                  this.autoLockState = idle;
                }}
              />
              <button
                class="primary"
                type="submit"
                data-testid="settings-auto-lock-save"
                ?disabled=${
                  this.autoLockState.phase === 'busy' ||
                  this.autoLockDraft === String(this.status?.autoLockMinutes)
                }
              >
                ${
                  this.autoLockState.phase === 'busy'
                    ? html`<span class="spinner" aria-label=${t('common.saving')}></span>`
                    : t('common.save')
                }
              </button>
            </div>
            <p class="hint" id="auto-lock-hint">
              ${t('settings.autoLock.hint', { minimum, maximum })}
            </p>
          </div>
          ${this.renderFormState(this.autoLockState, 'settings-auto-lock-status', t, 'settings.autoLock.saved')}
        </form>
      </section>
    `;
  }

  private renderDefaultWallet(t: Translator) {
    return html`
      <section class="card" aria-labelledby="default-wallet-title">
        <h3 id="default-wallet-title">${t('settings.defaultWallet.title')}</h3>
        <label class="inline">
          <input
            type="checkbox"
            data-testid="settings-default-wallet"
            .checked=${this.status?.isDefaultWallet === true}
            ?disabled=${this.defaultWalletState.phase === 'busy'}
            @change=${this.saveDefaultWallet}
          />
          <span>${t('settings.defaultWallet.label')}</span>
        </label>
        <p class="hint">${t('settings.defaultWallet.hint')}</p>
        ${this.renderFormState(this.defaultWalletState, 'settings-default-wallet-status', t, 'settings.defaultWallet.saved')}
      </section>
    `;
  }

  private readonly saveDefaultWallet = async (event: Event): Promise<void> => {
    const isDefault = (event.target as HTMLInputElement).checked;
    this.defaultWalletState = { phase: 'busy' };
    try {
      await sendWalletRequest('setDefaultWallet', { isDefault });
      this.defaultWalletState = { phase: 'done' };
      emit(this, 'tp-status-changed', null);
    } catch (error) {
      this.defaultWalletState = { phase: 'error', error };
    }
  };

  private renderLanguage(t: Translator) {
    return html`
      <section class="card" aria-labelledby="language-title">
        <h3 id="language-title">${t('settings.language.title')}</h3>
        <div class="field">
          <label for="language" class="visually-hidden">${t('settings.language.title')}</label>
          <select
            id="language"
            data-testid="settings-language"
            .value=${this.localeSetting}
            @change=${(event: Event) => {
              const value = (event.target as HTMLSelectElement).value;
              emit(this, 'tp-locale-change', {
                locale: isLocale(value) ? value : null,
              } satisfies LocaleChangeDetail);
            }}
          >
            <option value="auto" ?selected=${this.localeSetting === 'auto'}>
              ${t('settings.language.auto')}
            </option>
            <option value="en" ?selected=${this.localeSetting === 'en'}>English</option>
            <option value="zh-CN" ?selected=${this.localeSetting === 'zh-CN'}>简体中文</option>
          </select>
        </div>
      </section>
    `;
  }

  private renderChangePassword(t: Translator) {
    const isBusy = this.passwordState.phase === 'busy';
    const onInput =
      (field: 'currentPassword' | 'newPassword' | 'newPasswordConfirmation') => (event: Event) => {
        this[field] = (event.target as HTMLInputElement).value;
        if (this.passwordState.phase !== 'busy') this.passwordState = idle;
      };
    return html`
      <section class="card" aria-labelledby="password-title">
        <h3 id="password-title">${t('settings.password.title')}</h3>
        <form @submit=${this.changePassword} novalidate>
          <div class="field">
            <label for="current-password">${t('settings.password.current')}</label>
            <input
              id="current-password"
              data-testid="current-password"
              type="password"
              autocomplete="current-password"
              .value=${this.currentPassword}
              ?disabled=${isBusy}
              @input=${onInput('currentPassword')}
            />
          </div>
          <div class="field">
            <label for="new-password">${t('settings.password.new')}</label>
            <input
              id="new-password"
              data-testid="new-password"
              type="password"
              autocomplete="new-password"
              aria-describedby="new-password-hint"
              .value=${this.newPassword}
              ?disabled=${isBusy}
              @input=${onInput('newPassword')}
            />
            <p class="hint" id="new-password-hint">
              ${t('password.minimum', { minimum: minimumPasswordLength })}
            </p>
            <tp-password-strength
              .password=${this.newPassword}
              locale=${this.locale}
            ></tp-password-strength>
          </div>
          <div class="field">
            <label for="new-password-confirm">${t('settings.password.confirm')}</label>
            <input
              id="new-password-confirm"
              data-testid="new-password-confirm"
              type="password"
              autocomplete="new-password"
              .value=${this.newPasswordConfirmation}
              ?disabled=${isBusy}
              @input=${onInput('newPasswordConfirmation')}
            />
          </div>
          ${this.renderFormState(this.passwordState, 'change-password-status', t, 'settings.password.changed')}
          <button
            class="primary block"
            type="submit"
            data-testid="change-password-submit"
            ?disabled=${
              isBusy ||
              this.currentPassword === '' ||
              this.newPassword === '' ||
              this.newPasswordConfirmation === ''
            }
          >
            ${
              isBusy
                ? html`<span class="spinner" aria-hidden="true"></span
                    >${t('settings.password.busy')}`
                : t('settings.password.submit')
            }
          </button>
        </form>
      </section>
    `;
  }

  private renderReveal(t: Translator) {
    const isBusy = this.revealState.phase === 'busy';
    if (this.revealed !== undefined) {
      return html`
        <section class="card" aria-labelledby="reveal-title">
          <h3 id="reveal-title">${t('settings.reveal.title')}</h3>
          <p class="notice warning" role="alert">${t('settings.reveal.shownWarning')}</p>
          <tp-word-grid
            .words=${splitPhrase(this.revealed.phrase)}
            label=${t('settings.reveal.gridLabel')}
          ></tp-word-grid>
          <p class="hint phrase-language">
            ${t('settings.reveal.language', {
              language: t(`phraseLanguage.${this.revealed.language}`),
            })}
          </p>
          <button class="secondary block" data-testid="hide-phrase" @click=${this.hidePhrase}>
            ${t('settings.reveal.hide')}
          </button>
        </section>
      `;
    }
    return html`
      <section class="card" aria-labelledby="reveal-title">
        <h3 id="reveal-title">${t('settings.reveal.title')}</h3>
        <p class="notice warning">${t('settings.reveal.warning')}</p>
        <form @submit=${this.reveal} novalidate>
          <div class="field">
            <label for="reveal-password">${t('settings.reveal.password')}</label>
            <input
              id="reveal-password"
              data-testid="reveal-password"
              type="password"
              autocomplete="current-password"
              .value=${this.revealPassword}
              ?disabled=${isBusy}
              @input=${(event: Event) => {
                this.revealPassword = (event.target as HTMLInputElement).value;
                if (!isBusy) this.revealState = idle;
              }}
            />
          </div>
          ${this.renderFormState(this.revealState, 'reveal-status', t, undefined)}
          <button
            class="danger block"
            type="submit"
            data-testid="reveal-phrase"
            ?disabled=${isBusy || this.revealPassword === ''}
          >
            ${
              isBusy
                ? html`<span class="spinner" aria-hidden="true"></span>${t('settings.reveal.busy')}`
                : t('settings.reveal.submit')
            }
          </button>
        </form>
      </section>
    `;
  }

  private renderFormState(
    formState: FormState,
    testId: string,
    t: Translator,
    doneKey: MessageKey | undefined,
  ) {
    switch (formState.phase) {
      case 'idle':
      case 'busy':
        return nothing;
      case 'done':
        return doneKey === undefined
          ? nothing
          : html`<p class="notice success" role="status" data-testid=${testId}>${t(doneKey)}</p>`;
      case 'invalid':
        return html`<p class="notice error" role="alert" data-testid=${testId}>
          ${t(formState.messageKey, {
            minimum: minimumPasswordLength,
            lockMinimum: autoLockMinutesRange.minimum,
            lockMaximum: autoLockMinutesRange.maximum,
          })}
        </p>`;
      case 'error':
        return html`<p class="notice error" role="alert" data-testid=${testId}>
          ${describeError(formState.error, t, this.locale)}
        </p>`;
    }
  }

  private readonly saveAutoLock = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.autoLockState.phase === 'busy') return;
    const minutes = Number(this.autoLockDraft);
    const { minimum, maximum } = autoLockMinutesRange;
    if (!Number.isInteger(minutes) || minutes < minimum || minutes > maximum) {
      this.autoLockState = { phase: 'invalid', messageKey: 'settings.autoLock.invalid' };
      return;
    }
    this.autoLockState = { phase: 'busy' };
    try {
      await sendWalletRequest('setAutoLock', { minutes });
      this.autoLockState = { phase: 'done' };
      emit(this, 'tp-status-changed', null);
    } catch (error) {
      this.autoLockState = { phase: 'error', error };
    }
  };

  private readonly changePassword = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.passwordState.phase === 'busy') return;
    if (Array.from(this.newPassword).length < minimumPasswordLength) {
      this.passwordState = { phase: 'invalid', messageKey: 'password.tooShort' };
      return;
    }
    if (this.newPassword !== this.newPasswordConfirmation) {
      this.passwordState = { phase: 'invalid', messageKey: 'password.mismatch' };
      return;
    }
    this.passwordState = { phase: 'busy' };
    try {
      await sendWalletRequest('changePassword', {
        currentPassword: this.currentPassword,
        newPassword: this.newPassword,
      });
      this.currentPassword = '';
      this.newPassword = '';
      this.newPasswordConfirmation = '';
      this.passwordState = { phase: 'done' };
    } catch (error) {
      this.passwordState = { phase: 'error', error };
    }
  };

  private readonly reveal = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.revealState.phase === 'busy' || this.revealPassword === '') return;
    this.revealState = { phase: 'busy' };
    try {
      this.revealed = await sendWalletRequest('revealPhrase', { password: this.revealPassword });
      this.revealPassword = '';
      this.revealState = idle;
    } catch (error) {
      this.revealState = { phase: 'error', error };
    }
  };

  private readonly hidePhrase = (): void => {
    this.revealed = undefined;
  };
}
