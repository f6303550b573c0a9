import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import { walletIcon } from '../../inpage/walletInfo.ts';
import { emit } from '../emit.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { welcomeStyles } from './tp-welcome.styles.ts';

export type OnboardingMode = 'create' | 'import';
export type StartOnboardingDetail = { readonly mode: OnboardingMode };

/**
 * The first screen of a wallet without a vault: create a new wallet or restore one from a
 * recovery phrase. Both happen in the onboarding tab; this screen only asks which.
 *
 * @event tp-start-onboarding - The user chose; `detail.mode` is `create` or `import`.
 */
export class TpWelcome extends LitElement {
  static override styles = [controlStyles, welcomeStyles];

  @property() locale: Locale = 'en';
  /** In the popup: says that setup continues in a tab. */
  @property({ type: Boolean }) opensTab = false;

  override render() {
    const t = createTranslator(this.locale);
    return html`
      <section aria-labelledby="welcome-title">
        <img class="logo" src=${walletIcon} alt="" />
        <h2 id="welcome-title">${t('welcome.title')}</h2>
        <p class="lead">${t('welcome.lead')}</p>
        <div class="choices">
          <button
            class="primary block"
            data-testid="create-wallet"
            @click=${() => {
              this.start('create');
            }}
          >
            ${t('welcome.create')}
          </button>
          <button
            class="secondary block"
            data-testid="import-wallet"
            @click=${() => {
              this.start('import');
            }}
          >
            ${t('welcome.import')}
          </button>
        </div>
        ${this.opensTab ? html`<p class="hint">${t('welcome.opensTab')}</p>` : ''}
      </section>
    `;
  }

  private start(mode: OnboardingMode): void {
    emit(this, 'tp-start-onboarding', { mode } satisfies StartOnboardingDetail);
  }
}
