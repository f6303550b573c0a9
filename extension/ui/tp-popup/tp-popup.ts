import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import browser from 'webextension-polyfill';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import type { WalletStatus } from '../../../shared/protocol/walletUiMessages.ts';
import { walletIcon, walletName } from '../../inpage/walletInfo.ts';
import { describeError } from '../describeError.ts';
import { onboardingPagePath } from '../onboardingPagePath.ts';
import { settingsIcon } from '../theme/icons.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { tokenStyles } from '../theme/tokens.styles.ts';
import type { StartOnboardingDetail } from '../tp-welcome/tp-welcome.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { popupScreen } from './popupScreen.ts';
import type { OpenPageDetail, PopupPage } from './popupScreen.ts';
import { popupStyles } from './tp-popup.styles.ts';

type StatusState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly status: WalletStatus }
  | { readonly phase: 'error'; readonly error: unknown };

/** How often an open popup re-reads the status, so an auto-lock shows without a click. */
const statusRefreshMs = 20_000;

/**
 * The toolbar popup (360 px wide): shows the wallet and its network, then routes by the vault's
 * lock state: a welcome (no wallet yet; setup opens in a tab), the unlock prompt, or the
 * accounts, with the settings one click away and the sites and activity pages from the accounts.
 *
 * Test hooks: `network-name`, `open-settings`, `popup-loading`, `status-error`, `status-retry`.
 *
 * @event tp-locale-change - Bubbles up from the settings; the page stores the choice.
 * @cssproperty --tp-color-accent - Accent (buttons, selection); every token is in theme/tokens.styles.ts.
 * @cssproperty --tp-color-surface - Background.
 * @cssproperty --tp-color-text - Main text colour.
 */
export class TpPopup extends LitElement {
  static override styles = [tokenStyles, controlStyles, popupStyles];

  @property() locale: Locale = 'en';
  /** What the user chose for the display language (`auto`: follow the browser). */
  @property() localeSetting: Locale | 'auto' = 'auto';
  /** The wallet's version, shown in the footer. */
  @property() version = '';

  @state() private statusState: StatusState = { phase: 'loading' };
  @state() private page: PopupPage = 'home';
  /** The site the sites or activity page opens on. */
  @state() private pageOrigin = '';
  private refreshTimer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadStatus();
    this.refreshTimer = setInterval(() => void this.loadStatus({ isQuiet: true }), statusRefreshMs);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.refreshTimer);
  }

  override render() {
    const t = createTranslator(this.locale);
    const status = this.statusState.phase === 'ready' ? this.statusState.status : undefined;
    const screen = popupScreen(status, this.page);
    return html`
      <header>
        <img src=${walletIcon} alt="" />
        <h1>${walletName}</h1>
        ${
          status === undefined
            ? nothing
            : html`<span
                class="network"
                data-testid="network-name"
                title=${t('popup.networkTitle', { chainId: status.network.chainId })}
                >${status.network.name}</span
              >`
        }
        ${
          screen === 'accounts'
            ? html`<button
                class="icon-button"
                data-testid="open-settings"
                aria-label=${t('popup.openSettings')}
                title=${t('popup.openSettings')}
                @click=${() => {
                  this.page = 'settings';
                }}
              >
                ${settingsIcon}
              </button>`
            : nothing
        }
      </header>
      <main>${this.renderScreen(screen, status, t)}</main>
      <footer>${t('popup.version', { version: this.version })}</footer>
    `;
  }

  private renderScreen(
    screen: ReturnType<typeof popupScreen>,
    status: WalletStatus | undefined,
    t: Translator,
  ) {
    switch (screen) {
      case 'loading':
        if (this.statusState.phase === 'error') {
          return html`<div class="centered">
            <p class="notice error" role="alert" data-testid="status-error">
              ${describeError(this.statusState.error, t, this.locale)}
            </p>
            <button
              class="secondary"
              data-testid="status-retry"
              @click=${() => void this.loadStatus()}
            >
              ${t('common.retry')}
            </button>
          </div>`;
        }
        return html`<p class="centered muted" role="status" data-testid="popup-loading">
          <span class="spinner" aria-hidden="true"></span>${t('common.loading')}
        </p>`;
      case 'welcome':
        return html`<tp-welcome
          locale=${this.locale}
          opensTab
          @tp-start-onboarding=${this.openOnboarding}
        ></tp-welcome>`;
      case 'unlock':
        return html`<tp-unlock
          locale=${this.locale}
          .status=${status}
          @tp-unlocked=${() => void this.loadStatus()}
        ></tp-unlock>`;
      case 'accounts':
        return html`<tp-accounts
          locale=${this.locale}
          networkName=${status?.network.name ?? ''}
          @tp-locked=${() => void this.loadStatus()}
          @tp-open-page=${this.openPage}
        ></tp-accounts>`;
      case 'sites':
        return html`<tp-sites
          locale=${this.locale}
          origin=${this.pageOrigin}
          @tp-back=${this.showHome}
          @tp-open-page=${this.openPage}
        ></tp-sites>`;
      case 'activity':
        return html`<tp-activity
          locale=${this.locale}
          origin=${this.pageOrigin}
          @tp-back=${this.showHome}
          @tp-open-page=${this.openPage}
        ></tp-activity>`;
      case 'subscriptions':
        return html`<tp-subscriptions
          locale=${this.locale}
          @tp-back=${this.showHome}
        ></tp-subscriptions>`;
      case 'settings':
        return html`<tp-settings
          locale=${this.locale}
          localeSetting=${this.localeSetting}
          .status=${status}
          @tp-back=${this.showHome}
          @tp-status-changed=${() => void this.loadStatus({ isQuiet: true })}
        ></tp-settings>`;
    }
  }

  private async loadStatus({ isQuiet = false }: { isQuiet?: boolean } = {}): Promise<void> {
    if (!isQuiet) this.statusState = { phase: 'loading' };
    try {
      const status = await sendWalletRequest('status', {});
      if (status.lockState !== 'unlocked') this.page = 'home';
      this.statusState = { phase: 'ready', status };
    } catch (error) {
      // A quiet refresh that fails keeps what is shown; the next action will report the problem.
      if (!isQuiet || this.statusState.phase !== 'ready')
        this.statusState = { phase: 'error', error };
    }
  }

  private readonly showHome = (): void => {
    this.page = 'home';
    this.pageOrigin = '';
  };

  private readonly openPage = (event: CustomEvent<OpenPageDetail>): void => {
    this.page = event.detail.page;
    this.pageOrigin = event.detail.origin ?? '';
  };

  private readonly openOnboarding = async (
    event: CustomEvent<StartOnboardingDetail>,
  ): Promise<void> => {
    const url = browser.runtime.getURL(`${onboardingPagePath}#${event.detail.mode}`);
    await browser.tabs.create({ url });
  };
}
