import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { TpError } from '../../../shared/errors/TpError.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import type { AccountView, PhraseLanguage } from '../../../shared/protocol/walletUiMessages.ts';
import { walletIcon, walletName } from '../../inpage/walletInfo.ts';
import { checksumAddress } from '../checksumAddress.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { tokenStyles } from '../theme/tokens.styles.ts';
import type { PhraseReadyDetail } from '../tp-create-phrase/tp-create-phrase.ts';
import type { PasswordChosenDetail } from '../tp-set-password/tp-set-password.ts';
import type { OnboardingMode, StartOnboardingDetail } from '../tp-welcome/tp-welcome.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { onboardingStyles } from './tp-onboarding.styles.ts';

type CheckState =
  | { readonly phase: 'checking' }
  | { readonly phase: 'error'; readonly error: unknown }
  | { readonly phase: 'uninitialized' }
  | { readonly phase: 'already-set-up' };

type Step = 'phrase' | 'password' | 'ready';

export type ModeChangeDetail = { readonly mode: OnboardingMode | '' };

/**
 * Wallet setup in a full tab: create a new recovery phrase (and prove it was written down) or
 * import one, choose the password, create the vault, and show the first account. Refuses to
 * run when the wallet already has a vault.
 *
 * Test hooks: `create-wallet`, `import-wallet` (when no mode was given), `onboarding-step`,
 * `onboarding-restart`, `onboarding-already`, `onboarding-check-error`, `wallet-ready`,
 * `ready-address`, `close-onboarding`; the steps' own hooks are in their components.
 *
 * @event tp-mode-change - The user picked create or import, or started over (`detail.mode` is
 *   `create`, `import` or empty); the page mirrors it in the URL hash.
 * @event tp-onboarding-done - The user closed the finished setup.
 */
export class TpOnboarding extends LitElement {
  static override styles = [tokenStyles, controlStyles, onboardingStyles];

  @property() locale: Locale = 'en';
  /** Which setup to show first: from the page's `#create` / `#import` hash; empty to ask. */
  @property() mode: OnboardingMode | '' = '';

  @state() private checkState: CheckState = { phase: 'checking' };
  @state() private step: Step = 'phrase';
  @state() private phrase = '';
  @state() private language: PhraseLanguage = 'en';
  @state() private importError: unknown;
  @state() private password = '';
  @state() private isCreating = false;
  @state() private createError: unknown;
  @state() private accounts: readonly AccountView[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.checkStatus();
  }

  override render() {
    const t = createTranslator(this.locale);
    return html`
      <div class="page">
        <header class="brand">
          <img src=${walletIcon} alt="" />
          <span>${walletName}</span>
        </header>
        <main class="panel">${this.renderBody(t)}</main>
      </div>
    `;
  }

  private renderBody(t: Translator) {
    switch (this.checkState.phase) {
      case 'checking':
        return html`<p class="status" role="status">
          <span class="spinner" aria-hidden="true"></span>${t('common.loading')}
        </p>`;
      case 'error':
        return html`<p class="notice error" role="alert" data-testid="onboarding-check-error">
            ${describeError(this.checkState.error, t, this.locale)}
          </p>
          <button class="secondary" @click=${() => void this.checkStatus()}>
            ${t('common.retry')}
          </button>`;
      case 'already-set-up':
        return html`<div data-testid="onboarding-already">
          <h2>${t('onboarding.already.title')}</h2>
          <p class="lead">${t('onboarding.already.lead')}</p>
        </div>`;
      case 'uninitialized':
        break;
    }
    if (this.mode === '') {
      return html`<tp-welcome
        locale=${this.locale}
        @tp-start-onboarding=${(event: CustomEvent<StartOnboardingDetail>) => {
          event.stopPropagation();
          this.changeMode(event.detail.mode);
        }}
      ></tp-welcome>`;
    }
    if (this.step === 'ready') return this.renderReady(t);
    return html`
      ${this.renderProgress(t)}
      ${this.step === 'phrase' ? this.renderPhraseStep() : this.renderPasswordStep()}
    `;
  }

  private renderProgress(t: Translator) {
    const number = this.step === 'phrase' ? 1 : 2;
    const name =
      this.step === 'phrase' ? t('onboarding.step.phrase') : t('onboarding.step.password');
    return html`
      <div class="progress">
        <p class="step" data-testid="onboarding-step" data-step=${this.step}>
          ${t('onboarding.step', { number, total: 2, name })}
        </p>
        <div class="bar" aria-hidden="true">
          <span style=${styleMap({ width: `${String(number * 50)}%` })}></span>
        </div>
        ${
          this.step === 'phrase'
            ? html`<button
                class="ghost restart"
                data-testid="onboarding-restart"
                @click=${this.restart}
              >
                ${t('onboarding.restart')}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  private renderPhraseStep() {
    if (this.mode === 'create') {
      return html`<tp-create-phrase
        locale=${this.locale}
        .phrase=${this.phrase}
        .language=${this.language}
        @tp-phrase-ready=${this.onPhraseReady}
      ></tp-create-phrase>`;
    }
    return html`<tp-import-phrase
      locale=${this.locale}
      .phrase=${this.phrase}
      .language=${this.language}
      .error=${this.importError}
      @tp-phrase-ready=${this.onPhraseReady}
    ></tp-import-phrase>`;
  }

  private renderPasswordStep() {
    return html`<tp-set-password
      locale=${this.locale}
      .password=${this.password}
      .confirmation=${this.password}
      .error=${this.createError}
      ?isBusy=${this.isCreating}
      @tp-password-chosen=${this.createWallet}
      @tp-back=${() => {
        this.step = 'phrase';
        this.createError = undefined;
      }}
    ></tp-set-password>`;
  }

  private renderReady(t: Translator) {
    const first = this.accounts[0];
    return html`
      <section class="ready" data-testid="wallet-ready">
        <div class="check" aria-hidden="true">✓</div>
        <h2>${t('onboarding.ready.title')}</h2>
        <p class="lead">${t('onboarding.ready.lead')}</p>
        ${
          first === undefined
            ? nothing
            : html`<div class="card account">
                <p class="label">${first.name}</p>
                <p class="mono address" data-testid="ready-address">
                  ${checksumAddress(first.address)}
                </p>
              </div>`
        }
        <p class="hint">${t('onboarding.ready.pin')}</p>
        <button
          class="primary"
          data-testid="close-onboarding"
          @click=${() => {
            emit(this, 'tp-onboarding-done', null);
          }}
        >
          ${t('onboarding.ready.done')}
        </button>
      </section>
    `;
  }

  private async checkStatus(): Promise<void> {
    this.checkState = { phase: 'checking' };
    try {
      const { lockState } = await sendWalletRequest('status', {});
      this.checkState = {
        phase: lockState === 'uninitialized' ? 'uninitialized' : 'already-set-up',
      };
    } catch (error) {
      this.checkState = { phase: 'error', error };
    }
  }

  private readonly restart = (): void => {
    this.phrase = '';
    this.password = '';
    this.importError = undefined;
    this.createError = undefined;
    this.changeMode('');
  };

  private changeMode(mode: OnboardingMode | ''): void {
    this.mode = mode;
    this.step = 'phrase';
    emit(this, 'tp-mode-change', { mode } satisfies ModeChangeDetail);
  }

  private readonly onPhraseReady = (event: CustomEvent<PhraseReadyDetail>): void => {
    event.stopPropagation();
    this.phrase = event.detail.phrase;
    this.language = event.detail.language;
    this.importError = undefined;
    this.step = 'password';
  };

  private readonly createWallet = async (
    event: CustomEvent<PasswordChosenDetail>,
  ): Promise<void> => {
    event.stopPropagation();
    if (this.isCreating) return;
    this.password = event.detail.password;
    this.isCreating = true;
    this.createError = undefined;
    try {
      const { accounts } = await sendWalletRequest('createWallet', {
        phrase: this.phrase,
        language: this.language,
        password: this.password,
      });
      this.accounts = accounts;
      this.phrase = '';
      this.password = '';
      this.step = 'ready';
    } catch (error) {
      if (
        error instanceof TpError &&
        error.code.startsWith('mnemonic/') &&
        this.mode === 'import'
      ) {
        this.importError = error;
        this.step = 'phrase';
      } else {
        this.createError = error;
      }
    } finally {
      this.isCreating = false;
    }
  };
}
