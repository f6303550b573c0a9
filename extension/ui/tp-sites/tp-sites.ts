import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import type {
  LimitJson,
  LimitUsageView,
  SiteView,
  SitesOverview,
} from '../../../shared/protocol/policyMessages.ts';
import { describeError } from '../describeError.ts';
import { renderBackHeader } from '../renderBackHeader.ts';
import { formatActivityTime } from '../policy/formatActivityTime.ts';
import { formatUnitAmount } from '../policy/formatUnitAmount.ts';
import { policyStyles } from '../policy/policy.styles.ts';
import { chevronIcon } from '../policy/policyIcons.ts';
import { presetLabels } from '../policy/policyLabels.ts';
import { renderLimitUsage } from '../policy/renderLimitUsage.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import type { CapsSubmitDetail } from '../tp-caps-editor/tp-caps-editor.ts';
import type { KillSwitchChangedDetail } from '../tp-kill-switch/tp-kill-switch.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { sitesStyles } from './tp-sites.styles.ts';

type OverviewState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly overview: SitesOverview }
  | { readonly phase: 'error'; readonly error: unknown };

type CapsForm =
  | { readonly phase: 'closed' }
  | {
      readonly phase: 'editing' | 'busy';
      /** What the form started from; the editor holds the rows being typed. */
      readonly limits: readonly LimitJson[];
      readonly error?: unknown;
    };

/**
 * The "Sites" page: the kill switch at the top, the caps across all sites (with their usage,
 * editable), then every site the wallet knows (connected, with its own policy, or with activity),
 * each named by its full origin. A site opens its detail (`tp-site-detail`) in place.
 *
 * Test hooks: `sites-back`, `sites-loading`, `sites-error`, `sites-retry`, `sites-empty`,
 * `site-row` (`data-origin`), `wallet-cap` (one usage bar per cap), `wallet-caps-edit`, the caps
 * form's (`tp-caps-editor` with the prefix `wallet-cap`: `wallet-cap-amount-<n>`, `wallet-cap-unit-<n>`,
 * …, `wallet-caps-save`), `wallet-caps-status`.
 *
 * @event tp-back - The user left the page.
 * @event tp-open-page - Bubbles up from a site's detail ("See this site's activity").
 */
export class TpSites extends LitElement {
  static override styles = [controlStyles, policyStyles, sitesStyles];

  @property() locale: Locale = 'en';
  /** A site to open at once (from the activity page); its detail shows instead of the list. */
  @property() origin = '';
  /** The clock, for "3 minutes ago". */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private overviewState: OverviewState = { phase: 'loading' };
  @state() private openOrigin: string | undefined;
  @state() private capsForm: CapsForm = { phase: 'closed' };
  @state() private capsSaved = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadOverview();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('origin') && this.origin !== '') this.openOrigin = this.origin;
  }

  override render() {
    const t = createTranslator(this.locale);
    const current = this.overviewState;
    if (this.openOrigin !== undefined && current.phase === 'ready') {
      return html`<tp-site-detail
        locale=${this.locale}
        origin=${this.openOrigin}
        currency=${current.overview.currency}
        .currencyDecimals=${current.overview.currencyDecimals}
        .now=${this.now}
        @tp-back=${this.closeSite}
        @tp-site-changed=${() => void this.loadOverview({ isQuiet: true })}
      ></tp-site-detail>`;
    }
    return html`
      ${renderBackHeader({
        host: this,
        title: t('sites.title'),
        backLabel: t('common.back'),
        backTestId: 'sites-back',
      })}
      ${this.renderBody(t)}
    `;
  }

  private renderBody(t: Translator) {
    const current = this.overviewState;
    switch (current.phase) {
      case 'loading':
        return html`<p class="status" role="status" data-testid="sites-loading">
          <span class="spinner" aria-hidden="true"></span>${t('sites.loading')}
        </p>`;
      case 'error':
        return html`<p class="notice error" role="alert" data-testid="sites-error">
            ${describeError(current.error, t, this.locale)}
          </p>
          <button
            class="secondary block"
            data-testid="sites-retry"
            @click=${() => void this.loadOverview()}
          >
            ${t('common.retry')}
          </button>`;
      case 'ready':
        return html`
          <tp-kill-switch
            locale=${this.locale}
            ?isFrozen=${current.overview.isFrozen}
            @tp-kill-switch-changed=${this.onKillSwitchChanged}
          ></tp-kill-switch>
          ${this.renderWalletCaps(current.overview, t)} ${this.renderSites(current.overview, t)}
        `;
    }
  }

  private renderWalletCaps(overview: SitesOverview, t: Translator) {
    const form = this.capsForm;
    return html`
      <section class="card" aria-labelledby="wallet-caps-title">
        <div class="card-heading">
          <h3 id="wallet-caps-title">${t('sites.walletCaps.title')}</h3>
          ${
            form.phase === 'closed' && this.canEditCaps(overview)
              ? html`<button
                  class="ghost small"
                  data-testid="wallet-caps-edit"
                  @click=${() => {
                    this.openCapsForm(overview);
                  }}
                >
                  ${t('sites.walletCaps.edit')}
                </button>`
              : nothing
          }
        </div>
        <p class="hint">${t('sites.walletCaps.hint')}</p>
        ${
          form.phase === 'closed'
            ? this.renderCapUsages(overview.walletLimits, t)
            : this.renderCapsForm(form, overview)
        }
        ${
          this.capsSaved && form.phase === 'closed'
            ? html`<p class="notice success" role="status" data-testid="wallet-caps-status">
                ${t('sites.walletCaps.saved')}
              </p>`
            : nothing
        }
      </section>
    `;
  }

  private renderCapUsages(limits: readonly LimitUsageView[], t: Translator) {
    if (limits.length === 0) return html`<p class="empty">${t('sites.walletCaps.empty')}</p>`;
    return html`<div class="usages">
      ${limits.map((limit) => renderLimitUsage({ limit, testId: 'wallet-cap', locale: this.locale, t }))}
    </div>`;
  }

  private renderCapsForm(form: Exclude<CapsForm, { phase: 'closed' }>, overview: SitesOverview) {
    return html`<tp-caps-editor
      locale=${this.locale}
      currency=${overview.currency}
      .currencyDecimals=${overview.currencyDecimals}
      .limits=${form.limits}
      testIdPrefix="wallet-cap"
      ?isBusy=${form.phase === 'busy'}
      .error=${form.error}
      @tp-caps-submit=${this.saveCaps}
      @tp-caps-cancel=${() => {
        this.capsForm = { phase: 'closed' };
      }}
    ></tp-caps-editor>`;
  }

  private renderSites(overview: SitesOverview, t: Translator) {
    const now = this.now().getTime();
    const daySpent = (site: SiteView) => site.spent.find((spent) => spent.window === 'day');
    const fiat = {
      kind: 'fiat',
      currency: overview.currency,
      decimals: overview.currencyDecimals,
    } as const;
    return html`
      <section aria-labelledby="sites-list-title">
        <h3 class="section-title" id="sites-list-title">${t('sites.listTitle')}</h3>
        ${
          overview.sites.length === 0
            ? html`<p class="empty" data-testid="sites-empty">${t('sites.empty')}</p>`
            : html`<ul class="sites">
                ${overview.sites.map((site) => {
                  const spent = daySpent(site);
                  const last =
                    site.lastActivityAt === undefined
                      ? undefined
                      : formatActivityTime({ time: site.lastActivityAt, now, locale: this.locale });
                  return html`<li>
                    <button
                      class="site"
                      data-testid="site-row"
                      data-origin=${site.origin}
                      @click=${() => {
                        this.openOrigin = site.origin;
                      }}
                    >
                      <span class="site-text">
                        <span class="origin">${site.origin}</span>
                        <span class="site-badges">
                          <span class="badge ${site.preset === 'ask' ? '' : 'accent'}"
                            >${t(presetLabels[site.preset])}</span
                          >
                          <span class="connection ${site.isConnected ? 'is-connected' : ''}"
                            >${site.isConnected ? t('sites.connected') : t('sites.notConnected')}</span
                          >
                          ${
                            site.grants.length > 0
                              ? html`<span class="badge"
                                  >${t('sites.grantCount', { count: site.grants.length })}</span
                                >`
                              : nothing
                          }
                        </span>
                        <span class="site-foot">
                          ${
                            spent !== undefined && spent.value !== '0'
                              ? html`<span
                                  >${t('sites.spentToday', {
                                    amount: formatUnitAmount({
                                      amount: spent.value,
                                      unit: fiat,
                                      locale: this.locale,
                                      t,
                                    }),
                                  })}</span
                                >`
                              : nothing
                          }
                          <span title=${last?.full ?? nothing}
                            >${
                              last === undefined
                                ? t('sites.noActivity')
                                : t('sites.lastActivity', { time: last.short })
                            }</span
                          >
                        </span>
                      </span>
                      ${chevronIcon}
                    </button>
                  </li>`;
                })}
              </ul>`
        }
      </section>
    `;
  }

  /** Token caps are kept as they are; one whose token the wallet cannot name cannot be rebuilt. */
  private canEditCaps(overview: SitesOverview): boolean {
    return overview.walletLimits.every(
      (limit) =>
        limit.unit.kind === 'fiat' ||
        (limit.unit.symbol !== undefined && limit.unit.decimals !== undefined),
    );
  }

  private openCapsForm(overview: SitesOverview): void {
    this.capsSaved = false;
    const limits = overview.walletLimits.map((limit): LimitJson => ({
      window: limit.window,
      unit:
        limit.unit.kind === 'fiat'
          ? { kind: 'fiat' }
          : {
              kind: 'token',
              chainId: limit.unit.chainId,
              asset: limit.unit.asset,
              symbol: limit.unit.symbol ?? '',
              decimals: limit.unit.decimals ?? 0,
            },
      amount: limit.limit,
      whenExceeded: limit.whenExceeded,
    }));
    this.capsForm = { phase: 'editing', limits };
  }

  private readonly saveCaps = async (event: CustomEvent<CapsSubmitDetail>): Promise<void> => {
    const form = this.capsForm;
    if (form.phase !== 'editing') return;
    this.capsForm = { phase: 'busy', limits: form.limits };
    try {
      const overview = await sendWalletRequest('setWalletLimits', {
        walletLimits: [...event.detail.limits],
      });
      this.overviewState = { phase: 'ready', overview };
      this.capsForm = { phase: 'closed' };
      this.capsSaved = true;
    } catch (error) {
      // The editor keeps the rows typed: only the phase and the error change.
      this.capsForm = { phase: 'editing', limits: form.limits, error };
    }
  };

  private readonly onKillSwitchChanged = (event: CustomEvent<KillSwitchChangedDetail>): void => {
    if (this.overviewState.phase !== 'ready') return;
    this.overviewState = {
      phase: 'ready',
      overview: { ...this.overviewState.overview, isFrozen: event.detail.isFrozen },
    };
  };

  private readonly closeSite = (event: Event): void => {
    // The detail's back button returns to the list; it must not close the whole page.
    event.stopPropagation();
    this.openOrigin = undefined;
    void this.loadOverview({ isQuiet: true });
  };

  private async loadOverview({ isQuiet = false }: { isQuiet?: boolean } = {}): Promise<void> {
    if (!isQuiet || this.overviewState.phase !== 'ready') this.overviewState = { phase: 'loading' };
    try {
      this.overviewState = { phase: 'ready', overview: await sendWalletRequest('listSites', {}) };
    } catch (error) {
      if (!isQuiet || this.overviewState.phase !== 'ready')
        this.overviewState = { phase: 'error', error };
    }
  }
}
