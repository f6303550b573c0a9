import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, MessageKey, Translator } from '../../../shared/i18n/index.ts';
import type {
  EscalationActionName,
  LimitJson,
  LimitUsageView,
  LimitWindowName,
  SiteView,
  SitesOverview,
} from '../../../shared/protocol/policyMessages.ts';
import { describeError } from '../describeError.ts';
import { renderBackHeader } from '../renderBackHeader.ts';
import { formatActivityTime } from '../policy/formatActivityTime.ts';
import { formatUnitAmount } from '../policy/formatUnitAmount.ts';
import { parseFiatInput } from '../policy/parseFiatInput.ts';
import { policyStyles } from '../policy/policy.styles.ts';
import { chevronIcon } from '../policy/policyIcons.ts';
import {
  capLabels,
  presetLabels,
  whenExceededLabels,
  windowLabels,
} from '../policy/policyLabels.ts';
import { formatAmount } from '../../../shared/money/index.ts';
import { renderLimitUsage } from '../policy/renderLimitUsage.ts';
import { plusIcon } from '../theme/icons.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import type { KillSwitchChangedDetail } from '../tp-kill-switch/tp-kill-switch.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { sitesStyles } from './tp-sites.styles.ts';

type OverviewState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly overview: SitesOverview }
  | { readonly phase: 'error'; readonly error: unknown };

/** One row of the wallet-wide caps form: a fiat cap being edited, or a token cap kept as it is. */
type CapDraft =
  | {
      readonly kind: 'fiat';
      readonly key: number;
      readonly window: LimitWindowName;
      readonly amountText: string;
      readonly whenExceeded: EscalationActionName;
    }
  | {
      readonly kind: 'kept';
      readonly key: number;
      readonly limit: LimitJson;
      readonly label: string;
    };

type CapsForm =
  | { readonly phase: 'closed' }
  | {
      readonly phase: 'editing' | 'busy';
      readonly drafts: readonly CapDraft[];
      /** Per draft key, what is wrong with its amount. */
      readonly problems: ReadonlyMap<number, string>;
      readonly error?: unknown;
    };

const windows: readonly LimitWindowName[] = ['transaction', 'hour', 'day', 'week', '30-days'];
const escalations: readonly EscalationActionName[] = ['confirm', 'step-up', 'block'];
const inputProblems: Readonly<Record<'empty' | 'format' | 'decimals', MessageKey>> = {
  empty: 'policy.input.empty',
  format: 'policy.input.format',
  decimals: 'policy.input.decimals',
};

/**
 * The "Sites" page: the kill switch at the top, the caps across all sites (with their usage,
 * editable), then every site the wallet knows (connected, with its own policy, or with activity),
 * each named by its full origin. A site opens its detail (`tp-site-detail`) in place.
 *
 * Test hooks: `sites-back`, `sites-loading`, `sites-error`, `sites-retry`, `sites-empty`,
 * `site-row` (`data-origin`), `wallet-cap` (one usage bar per cap), `wallet-caps-edit`,
 * `wallet-cap-amount-<n>`, `wallet-cap-window-<n>`, `wallet-cap-when-<n>`, `wallet-cap-remove-<n>`,
 * `wallet-caps-add`, `wallet-caps-save`, `wallet-caps-cancel`, `wallet-caps-status`.
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
  private nextDraftKey = 0;

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
                    this.openCapsForm(overview, t);
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
            : this.renderCapsForm(form, overview, t)
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

  private renderCapsForm(
    form: Exclude<CapsForm, { phase: 'closed' }>,
    overview: SitesOverview,
    t: Translator,
  ) {
    const isBusy = form.phase === 'busy';
    const update = (key: number, change: Partial<Extract<CapDraft, { kind: 'fiat' }>>) => {
      this.capsForm = {
        ...form,
        phase: 'editing',
        drafts: form.drafts.map((draft) =>
          draft.key === key && draft.kind === 'fiat' ? { ...draft, ...change } : draft,
        ),
        problems: new Map([...form.problems].filter(([problemKey]) => problemKey !== key)),
      };
    };
    return html`
      <form class="caps-form" @submit=${this.saveCaps} novalidate>
        ${form.drafts.map((draft, index) => {
          const number = index + 1;
          const legend = t('sites.walletCaps.capNumber', { number });
          if (draft.kind === 'kept') {
            return html`<fieldset class="cap-row">
              <legend class="visually-hidden">${legend}</legend>
              <p class="kept">${draft.label}</p>
            </fieldset>`;
          }
          const problem = form.problems.get(draft.key);
          const amountId = `cap-amount-${draft.key}`;
          return html`
            <fieldset class="cap-row">
              <legend class="visually-hidden">${legend}</legend>
              <div class="cap-fields">
                <div class="field">
                  <label for="cap-window-${draft.key}">${t('sites.walletCaps.window')}</label>
                  <select
                    id="cap-window-${draft.key}"
                    data-testid="wallet-cap-window-${number}"
                    ?disabled=${isBusy}
                    @change=${(event: Event) => {
                      update(draft.key, {
                        window: (event.target as HTMLSelectElement).value as LimitWindowName,
                      });
                    }}
                  >
                    ${windows.map(
                      (window) =>
                        html`<option value=${window} ?selected=${window === draft.window}>
                          ${t(windowLabels[window])}
                        </option>`,
                    )}
                  </select>
                </div>
                <div class="field">
                  <label for=${amountId}>
                    ${t('sites.walletCaps.amount', { currency: overview.currency })}
                  </label>
                  <input
                    id=${amountId}
                    data-testid="wallet-cap-amount-${number}"
                    inputmode="decimal"
                    autocomplete="off"
                    .value=${draft.amountText}
                    aria-invalid=${problem === undefined ? 'false' : 'true'}
                    aria-describedby=${problem === undefined ? nothing : `${amountId}-problem`}
                    ?disabled=${isBusy}
                    @input=${(event: Event) => {
                      update(draft.key, { amountText: (event.target as HTMLInputElement).value });
                    }}
                  />
                </div>
                <button
                  type="button"
                  class="icon-button remove"
                  data-testid="wallet-cap-remove-${number}"
                  aria-label=${`${t('sites.walletCaps.remove')} (${legend})`}
                  title=${t('sites.walletCaps.remove')}
                  ?disabled=${isBusy}
                  @click=${() => {
                    this.capsForm = {
                      ...form,
                      drafts: form.drafts.filter((candidate) => candidate.key !== draft.key),
                    };
                  }}
                >
                  ×
                </button>
              </div>
              ${
                problem === undefined
                  ? nothing
                  : html`<p class="field-problem" id="${amountId}-problem">${problem}</p>`
              }
              <div class="field when">
                <label for="cap-when-${draft.key}">${t('sites.walletCaps.whenExceeded')}</label>
                <select
                  id="cap-when-${draft.key}"
                  data-testid="wallet-cap-when-${number}"
                  ?disabled=${isBusy}
                  @change=${(event: Event) => {
                    update(draft.key, {
                      whenExceeded: (event.target as HTMLSelectElement)
                        .value as EscalationActionName,
                    });
                  }}
                >
                  ${escalations.map(
                    (action) =>
                      html`<option value=${action} ?selected=${action === draft.whenExceeded}>
                        ${t(whenExceededLabels[action])}
                      </option>`,
                  )}
                </select>
              </div>
            </fieldset>
          `;
        })}
        <button
          type="button"
          class="ghost small add"
          data-testid="wallet-caps-add"
          ?disabled=${isBusy}
          @click=${() => {
            this.capsForm = {
              ...form,
              drafts: [
                ...form.drafts,
                {
                  kind: 'fiat',
                  key: this.nextDraftKey++,
                  window: 'day',
                  amountText: '',
                  whenExceeded: 'confirm',
                },
              ],
            };
          }}
        >
          ${plusIcon}${t('sites.walletCaps.add')}
        </button>
        ${
          form.error === undefined
            ? nothing
            : html`<p class="notice error" role="alert" data-testid="wallet-caps-status">
                ${describeError(form.error, t, this.locale)}
              </p>`
        }
        <div class="actions">
          <button
            type="button"
            class="secondary"
            data-testid="wallet-caps-cancel"
            ?disabled=${isBusy}
            @click=${() => {
              this.capsForm = { phase: 'closed' };
            }}
          >
            ${t('common.cancel')}
          </button>
          <button class="primary" type="submit" data-testid="wallet-caps-save" ?disabled=${isBusy}>
            ${
              isBusy
                ? html`<span class="spinner" aria-label=${t('common.saving')}></span>`
                : t('common.save')
            }
          </button>
        </div>
      </form>
    `;
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

  private openCapsForm(overview: SitesOverview, t: Translator): void {
    this.capsSaved = false;
    const drafts = overview.walletLimits.map((limit): CapDraft => {
      const key = this.nextDraftKey++;
      if (limit.unit.kind === 'fiat') {
        const amountText = /^\d{1,78}$/.test(limit.limit)
          ? formatAmount(BigInt(limit.limit), {
              kind: 'fiat',
              symbol: limit.unit.currency,
              decimals: limit.unit.decimals,
            })
          : '';
        return {
          kind: 'fiat',
          key,
          window: limit.window,
          amountText,
          whenExceeded: limit.whenExceeded,
        };
      }
      const unit = limit.unit;
      return {
        kind: 'kept',
        key,
        limit: {
          window: limit.window,
          unit: {
            kind: 'token',
            chainId: unit.chainId,
            asset: unit.asset,
            symbol: unit.symbol ?? '',
            decimals: unit.decimals ?? 0,
          },
          amount: limit.limit,
          whenExceeded: limit.whenExceeded,
        },
        label: t('sites.walletCaps.tokenCap', {
          cap: t(capLabels[limit.window], {
            limit: formatUnitAmount({ amount: limit.limit, unit, locale: this.locale, t }),
          }),
          token: unit.symbol ?? '',
        }),
      };
    });
    this.capsForm = { phase: 'editing', drafts, problems: new Map() };
  }

  private readonly saveCaps = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = this.capsForm;
    if (form.phase !== 'editing' || this.overviewState.phase !== 'ready') return;
    const { currency, currencyDecimals } = this.overviewState.overview;
    const t = createTranslator(this.locale);
    const problems = new Map<number, string>();
    const walletLimits: LimitJson[] = [];
    for (const draft of form.drafts) {
      if (draft.kind === 'kept') {
        walletLimits.push(draft.limit);
        continue;
      }
      const parsed = parseFiatInput({
        text: draft.amountText,
        currency,
        decimals: currencyDecimals,
      });
      if (!parsed.ok) {
        problems.set(
          draft.key,
          t(inputProblems[parsed.problem], { currency, decimals: currencyDecimals }),
        );
        continue;
      }
      walletLimits.push({
        window: draft.window,
        unit: { kind: 'fiat' },
        amount: parsed.value.toString(),
        whenExceeded: draft.whenExceeded,
      });
    }
    if (problems.size > 0) {
      this.capsForm = { ...form, problems };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.capsForm = { ...form, phase: 'busy', problems };
    try {
      const overview = await sendWalletRequest('setWalletLimits', { walletLimits });
      this.overviewState = { phase: 'ready', overview };
      this.capsForm = { phase: 'closed' };
      this.capsSaved = true;
    } catch (error) {
      this.capsForm = { ...form, phase: 'editing', problems, error };
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
