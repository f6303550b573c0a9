import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { knownNetworks } from '../../../shared/chains/networks.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, MessageKey, Translator } from '../../../shared/i18n/index.ts';
import { formatAmount } from '../../../shared/money/index.ts';
import type {
  ChoosablePresetName,
  GrantView,
  SitePolicyJson,
  SiteView,
} from '../../../shared/protocol/policyMessages.ts';
import type { WalletNetworkView } from '../../../shared/protocol/walletUiMessages.ts';
import { formatUnixTime } from '../approval/formatUnixTime.ts';
import { readOrigin } from '../approval/readOrigin.ts';
import { checksumAddress } from '../checksumAddress.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { describeGrantPeriod } from '../policy/describeGrantPeriod.ts';
import { formatActivityTime } from '../policy/formatActivityTime.ts';
import { formatUnitAmount } from '../policy/formatUnitAmount.ts';
import { parseFiatInput } from '../policy/parseFiatInput.ts';
import { policyStyles } from '../policy/policy.styles.ts';
import { activityIcon } from '../policy/policyIcons.ts';
import { presetHints, presetLabels, spentLabels } from '../policy/policyLabels.ts';
import { readPresetAmounts } from '../policy/readPresetAmounts.ts';
import { renderLimitUsage } from '../policy/renderLimitUsage.ts';
import { renderUsageBar } from '../policy/renderUsageBar.ts';
import { renderBackHeader } from '../renderBackHeader.ts';
import { shortenAddress } from '../shortenAddress.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import type { CapsSubmitDetail } from '../tp-caps-editor/tp-caps-editor.ts';
import type { OpenPageDetail } from '../tp-popup/popupScreen.ts';
import type { RulesSubmitDetail } from '../tp-site-rules/tp-site-rules.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { siteDetailStyles } from './tp-site-detail.styles.ts';

type SiteState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly site: SiteView }
  | { readonly phase: 'error'; readonly error: unknown };

/** One action's progress: every state is rendered. */
type ActionState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy' }
  | { readonly phase: 'done'; readonly messageKey: MessageKey }
  | { readonly phase: 'error'; readonly error: unknown };

const idle: ActionState = { phase: 'idle' };
/** The latest moment a JavaScript Date can hold. */
const maxDateMilliseconds = 8.64e15;
const choosablePresets: readonly ChoosablePresetName[] = [
  'ask',
  'trusted-shop',
  'micropayments',
  'subscriptions',
];
const sizedPresets: ReadonlySet<ChoosablePresetName> = new Set(['trusted-shop', 'micropayments']);
const inputProblems: Readonly<Record<'empty' | 'format' | 'decimals', MessageKey>> = {
  empty: 'policy.input.empty',
  format: 'policy.input.format',
  decimals: 'policy.input.decimals',
};

/**
 * One site: its full origin (as the browser reported it, never a title the page chose), the
 * preset it pays under (with the amounts for "Trusted shop" and "Micropayments"), its caps with
 * what each window holds (editable: any window, in fiat or a token), its rules (networks, tokens,
 * recipients, new recipients; saving caps or rules makes the preset "Custom"), its recurring
 * allowances (revocable, after a confirmation), the accounts it sees, its last activity, and
 * disconnect.
 *
 * Test hooks: `site-back`, `site-loading`, `site-error`, `site-origin`, `site-connection`,
 * `preset-<name>` (radios), `preset-per-payment`, `preset-per-day`, `preset-save`,
 * `preset-status`, `site-limit`, `site-caps-edit`, the caps form's (`tp-caps-editor`, prefix
 * `site-cap`), `site-caps-status`, the rules' (`tp-site-rules`), `site-spent-<window>`, `grant`
 * (`data-grant-id`), `grant-revoke`, `grant-revoke-confirm`, `grant-revoke-cancel`,
 * `grants-status`, `grants-empty`, `site-account`, `site-activity`, `disconnect`,
 * `disconnect-forget`, `disconnect-confirm`, `disconnect-cancel`, `disconnect-status`.
 *
 * @event tp-back - Back to the list (also after a disconnect).
 * @event tp-site-changed - The site's policy, grants or connection changed.
 * @event tp-open-page - "See this site's activity": `{ page: 'activity', origin }`.
 */
export class TpSiteDetail extends LitElement {
  static override styles = [controlStyles, policyStyles, siteDetailStyles];

  @property() locale: Locale = 'en';
  @property() origin = '';
  /** The wallet's currency (ISO 4217) and its minor units, for the preset amounts. */
  @property() currency = 'EUR';
  @property({ type: Number }) currencyDecimals = 2;
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private siteState: SiteState = { phase: 'loading' };
  /** Undefined while a "custom" site has no preset picked: no radio is checked. */
  @state() private presetDraft: ChoosablePresetName | undefined;
  @state() private perPaymentDraft = '';
  @state() private perDayDraft = '';
  @state() private presetProblems: { perPayment?: string; perDay?: string } = {};
  @state() private presetState: ActionState = idle;
  @state() private revokingGrantId: string | undefined;
  @state() private grantsState: ActionState = idle;
  @state() private isConfirmingDisconnect = false;
  @state() private forgetsPolicy = false;
  @state() private disconnectState: ActionState = idle;
  /** The site's own caps being edited (the editor holds the rows), or not. */
  @state() private isEditingCaps = false;
  @state() private capsState: ActionState = idle;
  @state() private rulesState: ActionState = idle;
  /** The wallet's networks with their tokens, built-in and added by sites (from `getSite`). */
  @state() private networks: readonly WalletNetworkView[] = knownNetworks;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('origin') && this.origin !== '') void this.loadSite();
  }

  override render() {
    const t = createTranslator(this.locale);
    const current = this.siteState;
    return html`
      ${renderBackHeader({
        host: this,
        title: t('siteDetail.title'),
        backLabel: t('common.back'),
        backTestId: 'site-back',
      })}
      ${this.renderOrigin(current.phase === 'ready' ? current.site : undefined, t)}
      ${
        current.phase === 'loading'
          ? html`<p class="status" role="status" data-testid="site-loading">
              <span class="spinner" aria-hidden="true"></span>${t('common.loading')}
            </p>`
          : current.phase === 'error'
            ? html`<p class="notice error" role="alert" data-testid="site-error">
                  ${describeError(current.error, t, this.locale)}
                </p>
                <button class="secondary block" @click=${() => void this.loadSite()}>
                  ${t('common.retry')}
                </button>`
            : html`${this.renderPreset(current.site, t)} ${this.renderLimits(current.site, t)}
              ${this.renderRules(current.site, t)} ${this.renderGrants(current.site, t)}
              ${this.renderAccounts(current.site, t)} ${this.renderDisconnect(current.site, t)}`
      }
    `;
  }

  private renderOrigin(site: SiteView | undefined, t: Translator) {
    const { isInsecure } = readOrigin(this.origin);
    return html`
      <section class="card identity" aria-label=${t('siteDetail.title')}>
        <p class="origin big" data-testid="site-origin">${this.origin}</p>
        ${
          site === undefined
            ? nothing
            : html`<p class="identity-meta">
                <span
                  class="connection ${site.isConnected ? 'is-connected' : ''}"
                  data-testid="site-connection"
                  >${site.isConnected ? t('sites.connected') : t('sites.notConnected')}</span
                >
                ${this.renderLastActivity(site, t)}
              </p>`
        }
        ${isInsecure ? html`<p class="notice warning">${t('siteDetail.insecure')}</p>` : nothing}
        ${
          site === undefined
            ? nothing
            : html`<button
                class="ghost small see-activity"
                data-testid="site-activity"
                @click=${() => {
                  emit(this, 'tp-open-page', {
                    page: 'activity',
                    origin: this.origin,
                  } satisfies OpenPageDetail);
                }}
              >
                ${activityIcon}${t('siteDetail.activity.see')}
              </button>`
        }
      </section>
    `;
  }

  private renderLastActivity(site: SiteView, t: Translator) {
    if (site.lastActivityAt === undefined) return html`<span>${t('sites.noActivity')}</span>`;
    const time = formatActivityTime({
      time: site.lastActivityAt,
      now: this.now().getTime(),
      locale: this.locale,
    });
    return html`<span title=${time.full}>${t('sites.lastActivity', { time: time.short })}</span>`;
  }

  private renderPreset(site: SiteView, t: Translator) {
    const isBusy = this.presetState.phase === 'busy';
    const isSized = this.presetDraft !== undefined && sizedPresets.has(this.presetDraft);
    return html`
      <section class="card">
        <form @submit=${this.savePreset} novalidate>
          <fieldset class="presets">
            <legend><h3>${t('siteDetail.preset.title')}</h3></legend>
            ${
              site.preset === 'custom'
                ? html`<p class="hint">
                    ${t('policy.preset.custom')}: ${t('policy.presetHint.custom')}
                  </p>`
                : nothing
            }
            ${
              site.hasOwnPolicy
                ? nothing
                : html`<p class="hint">${t('siteDetail.preset.followsDefaults')}</p>`
            }
            ${choosablePresets.map(
              (preset) => html`
                <label class="preset ${this.presetDraft === preset ? 'is-chosen' : ''}">
                  <input
                    type="radio"
                    name="preset"
                    value=${preset}
                    data-testid="preset-${preset}"
                    .checked=${this.presetDraft === preset}
                    ?disabled=${isBusy}
                    aria-describedby="preset-hint-${preset}"
                    @change=${() => {
                      this.presetDraft = preset;
                      this.presetState = idle;
                      this.presetProblems = {};
                    }}
                  />
                  <span class="preset-text">
                    <span class="preset-name">${t(presetLabels[preset])}</span>
                    <span class="hint" id="preset-hint-${preset}">${t(presetHints[preset])}</span>
                  </span>
                </label>
              `,
            )}
          </fieldset>
          ${isSized ? this.renderPresetAmounts(isBusy, t) : nothing}
          ${this.renderActionState(this.presetState, 'preset-status', t)}
          <button
            class="primary block"
            type="submit"
            data-testid="preset-save"
            ?disabled=${isBusy || !this.isPresetChanged(site)}
          >
            ${
              isBusy
                ? html`<span class="spinner" aria-label=${t('common.saving')}></span>`
                : t('common.save')
            }
          </button>
        </form>
      </section>
    `;
  }

  private renderPresetAmounts(isBusy: boolean, t: Translator) {
    const field = (
      name: 'perPayment' | 'perDay',
      labelKey: MessageKey,
      testId: string,
      value: string,
    ) => {
      const problem = this.presetProblems[name];
      const id = `preset-${name}`;
      return html`<div class="field">
        <label for=${id}>${t(labelKey, { currency: this.currency })}</label>
        <input
          id=${id}
          data-testid=${testId}
          inputmode="decimal"
          autocomplete="off"
          placeholder=${t('siteDetail.preset.default')}
          .value=${value}
          aria-invalid=${problem === undefined ? 'false' : 'true'}
          aria-describedby=${problem === undefined ? 'preset-amounts-hint' : `${id}-problem`}
          ?disabled=${isBusy}
          @input=${(event: Event) => {
            const text = (event.target as HTMLInputElement).value;
            if (name === 'perPayment') this.perPaymentDraft = text;
            else this.perDayDraft = text;
            this.presetState = idle;
            this.presetProblems = { ...this.presetProblems, [name]: undefined };
          }}
        />
        ${
          problem === undefined
            ? nothing
            : html`<p class="field-problem" id="${id}-problem">${problem}</p>`
        }
      </div>`;
    };
    return html`
      <div class="amounts">
        ${field('perPayment', 'siteDetail.preset.perPayment', 'preset-per-payment', this.perPaymentDraft)}
        ${field('perDay', 'siteDetail.preset.perDay', 'preset-per-day', this.perDayDraft)}
      </div>
      <p class="hint amounts-hint" id="preset-amounts-hint">
        ${t('siteDetail.preset.amountsHint')}
      </p>
    `;
  }

  private renderLimits(site: SiteView, t: Translator) {
    const unit = {
      kind: 'fiat',
      currency: this.currency,
      decimals: this.currencyDecimals,
    } as const;
    return html`
      <section class="card" aria-labelledby="limits-title">
        <div class="card-heading">
          <h3 id="limits-title" tabindex="-1">${t('siteDetail.limits.title')}</h3>
          ${
            this.isEditingCaps
              ? nothing
              : html`<button
                  class="ghost small"
                  data-testid="site-caps-edit"
                  @click=${() => {
                    this.isEditingCaps = true;
                    this.capsState = idle;
                    void this.focusAfterUpdate('tp-caps-editor');
                  }}
                >
                  ${t('siteDetail.limits.edit')}
                </button>`
          }
        </div>
        ${
          this.isEditingCaps
            ? html`<p class="hint">${t('siteDetail.limits.customHint')}</p>
                <tp-caps-editor
                  locale=${this.locale}
                  currency=${this.currency}
                  .currencyDecimals=${this.currencyDecimals}
                  .limits=${site.policy.limits}
                  .networks=${this.networks}
                  testIdPrefix="site-cap"
                  ?isBusy=${this.capsState.phase === 'busy'}
                  .error=${this.capsState.phase === 'error' ? this.capsState.error : undefined}
                  @tp-caps-submit=${this.saveCaps}
                  @tp-caps-cancel=${() => {
                    this.isEditingCaps = false;
                    this.capsState = idle;
                    void this.focusAfterUpdate('[data-testid="site-caps-edit"]');
                  }}
                ></tp-caps-editor>`
            : site.limits.length === 0
              ? html`<p class="hint">${t('siteDetail.limits.none')}</p>`
              : html`<div class="usages">
                  ${site.limits.map((limit) =>
                    renderLimitUsage({ limit, testId: 'site-limit', locale: this.locale, t }),
                  )}
                </div>`
        }
        ${
          this.capsState.phase === 'done'
            ? this.renderActionState(this.capsState, 'site-caps-status', t)
            : nothing
        }
        <h4>${t('siteDetail.spent.title')}</h4>
        <dl class="spent">
          ${site.spent.map((spent) => {
            const amount = formatUnitAmount({ amount: spent.value, unit, locale: this.locale, t });
            return html`<div>
              <dt>${t(spentLabels[spent.window])}</dt>
              <dd data-testid="site-spent-${spent.window}">
                ${spent.isUnknown ? t('policy.spent.unknown', { amount }) : amount}
              </dd>
            </div>`;
          })}
        </dl>
        <p class="hint">${t('siteDetail.limits.rolling')}</p>
      </section>
    `;
  }

  private renderRules(site: SiteView, t: Translator) {
    return html`
      <section class="card" aria-labelledby="rules-title">
        <h3 id="rules-title">${t('siteRules.title')}</h3>
        <p class="hint">${t('siteRules.hint')}</p>
        <tp-site-rules
          locale=${this.locale}
          .policy=${site.policy}
          .networks=${this.networks}
          ?isBusy=${this.rulesState.phase === 'busy'}
          .error=${this.rulesState.phase === 'error' ? this.rulesState.error : undefined}
          statusMessage=${this.rulesState.phase === 'done' ? t(this.rulesState.messageKey) : ''}
          @tp-rules-submit=${this.saveRules}
        ></tp-site-rules>
      </section>
    `;
  }

  private renderGrants(site: SiteView, t: Translator) {
    return html`
      <section class="card" aria-labelledby="grants-title">
        <h3 id="grants-title" tabindex="-1">${t('siteDetail.grants.title')}</h3>
        ${this.renderActionState(this.grantsState, 'grants-status', t)}
        ${
          site.grants.length === 0
            ? html`<p class="hint" data-testid="grants-empty">${t('siteDetail.grants.empty')}</p>`
            : html`<ul class="grants">
                ${site.grants.map((grant) => this.renderGrant(grant, t))}
              </ul>`
        }
      </section>
    `;
  }

  private renderGrant(grant: GrantView, t: Translator) {
    const amount = formatUnitAmount({
      amount: grant.amount,
      unit: grant.unit,
      locale: this.locale,
      t,
    });
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    // Grant dates are days to people; the exact moment is in the tooltip.
    const date = (seconds: number) =>
      Math.abs(seconds) * 1000 <= maxDateMilliseconds
        ? new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(
            new Date(seconds * 1000),
          )
        : t('siteDetail.grants.noEnd');
    const time = (seconds: number) =>
      formatUnixTime(String(seconds), this.locale) ?? t('siteDetail.grants.noEnd');
    const hasEnded = grant.endTime !== undefined && nowSeconds >= grant.endTime;
    const status = grant.isActive
      ? html`<span class="badge success">${t('siteDetail.grants.active')}</span>`
      : hasEnded
        ? html`<span class="badge">${t('siteDetail.grants.ended')}</span>`
        : html`<span class="badge warning" title=${time(grant.startTime)}
            >${t('siteDetail.grants.starts', { time: date(grant.startTime) })}</span
          >`;
    const network = this.networks.find((candidate) => candidate.chainId === grant.chainId);
    const chainName =
      network === undefined
        ? t('siteDetail.grants.chain', { chainId: grant.chainId })
        : network.isAddedBySite === true
          ? t('caps.addedNetwork', { name: network.name, chainId: grant.chainId })
          : network.name;
    const recipient = checksumAddress(grant.recipient);
    const isConfirming = this.revokingGrantId === grant.id;
    const isBusy = isConfirming && this.grantsState.phase === 'busy';
    const title = t('siteDetail.grants.amount', {
      amount,
      period: describeGrantPeriod(grant.periodSeconds, t),
    });
    return html`
      <li class="grant" data-testid="grant" data-grant-id=${grant.id}>
        <div class="grant-top">
          <span class="grant-amount">${title}</span>
          ${status}
        </div>
        ${
          grant.isActive
            ? renderUsageBar({
                label: t('siteDetail.grants.thisPeriod'),
                used: grant.used,
                limit: grant.amount,
                remaining: grant.remaining,
                unit: grant.unit,
                ...(grant.periodEnd === undefined
                  ? {}
                  : {
                      note: t('siteDetail.grants.periodEnds', { time: date(grant.periodEnd) }),
                    }),
                testId: 'grant-usage',
                locale: this.locale,
                t,
              })
            : nothing
        }
        <ul class="facts">
          <li title=${recipient}>
            ${t('siteDetail.grants.recipient', { recipient: shortenAddress(recipient) })}
          </li>
          <li>${chainName}</li>
          ${
            grant.endTime === undefined
              ? html`<li>${t('siteDetail.grants.noEnd')}</li>`
              : html`<li title=${time(grant.endTime)}>
                  ${t('siteDetail.grants.until', { time: date(grant.endTime) })}
                </li>`
          }
        </ul>
        ${
          grant.justification === undefined || grant.justification === ''
            ? nothing
            : html`<p class="site-words">
                ${t('siteDetail.grants.siteSays', { text: grant.justification })}
              </p>`
        }
        ${
          isConfirming
            ? html`<div class="confirm" role="group" aria-label=${t('siteDetail.grants.revoke')}>
                <p>${t('siteDetail.grants.revokeConfirm')}</p>
                <div class="actions">
                  <button
                    class="secondary small"
                    data-testid="grant-revoke-cancel"
                    ?disabled=${isBusy}
                    @click=${() => {
                      this.revokingGrantId = undefined;
                      void this.focusAfterUpdate(`[data-grant-id="${grant.id}"] .revoke`);
                    }}
                  >
                    ${t('common.cancel')}
                  </button>
                  <button
                    class="danger small"
                    data-testid="grant-revoke-confirm"
                    ?disabled=${isBusy}
                    @click=${() => void this.revokeGrant(grant.id)}
                  >
                    ${
                      isBusy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing
                    }${t('siteDetail.grants.revokeYes')}
                  </button>
                </div>
              </div>`
            : html`<button
                class="danger small revoke"
                data-testid="grant-revoke"
                aria-label=${t('siteDetail.grants.revokeLabel', { amount: title })}
                @click=${() => {
                  this.revokingGrantId = grant.id;
                  this.grantsState = idle;
                  void this.focusAfterUpdate('[data-testid="grant-revoke-cancel"]');
                }}
              >
                ${t('siteDetail.grants.revoke')}
              </button>`
        }
      </li>
    `;
  }

  private renderAccounts(site: SiteView, t: Translator) {
    return html`
      <section class="card" aria-labelledby="accounts-title">
        <h3 id="accounts-title">${t('siteDetail.accounts.title')}</h3>
        ${
          site.accounts.length === 0
            ? html`<p class="hint">${t('siteDetail.accounts.none')}</p>`
            : html`<ul class="accounts">
                ${site.accounts.map((account) => {
                  const address = checksumAddress(account);
                  return html`<li
                    class="mono"
                    data-testid="site-account"
                    data-address=${address}
                    title=${address}
                  >
                    ${shortenAddress(address)}
                  </li>`;
                })}
              </ul>`
        }
      </section>
    `;
  }

  private renderDisconnect(site: SiteView, t: Translator) {
    if (!site.isConnected && !site.hasOwnPolicy) return nothing;
    // A site that is not connected can only be forgotten (its policy and grants).
    const forgets = !site.isConnected || this.forgetsPolicy;
    const isBusy = this.disconnectState.phase === 'busy';
    return html`
      <section class="card" aria-labelledby="disconnect-title">
        <h3 id="disconnect-title">${t('siteDetail.disconnect.title')}</h3>
        <p class="hint">
          ${site.isConnected ? t('siteDetail.disconnect.hint') : t('siteDetail.disconnect.forgetHint')}
        </p>
        ${
          site.isConnected && site.hasOwnPolicy
            ? html`<label class="inline-check">
                <input
                  type="checkbox"
                  data-testid="disconnect-forget"
                  .checked=${this.forgetsPolicy}
                  ?disabled=${isBusy}
                  @change=${(event: Event) => {
                    this.forgetsPolicy = (event.target as HTMLInputElement).checked;
                  }}
                />
                <span>${t('siteDetail.disconnect.forget')}</span>
              </label>`
            : nothing
        }
        ${this.renderActionState(this.disconnectState, 'disconnect-status', t)}
        ${
          this.isConfirmingDisconnect
            ? html`<div class="confirm" role="group" aria-labelledby="disconnect-question">
                <p id="disconnect-question" class="origin">
                  ${
                    site.isConnected
                      ? t('siteDetail.disconnect.confirm', { origin: site.origin })
                      : t('siteDetail.disconnect.confirmForget', { origin: site.origin })
                  }
                </p>
                <div class="actions">
                  <button
                    class="secondary small"
                    data-testid="disconnect-cancel"
                    ?disabled=${isBusy}
                    @click=${() => {
                      this.isConfirmingDisconnect = false;
                      void this.focusAfterUpdate('[data-testid="disconnect"]');
                    }}
                  >
                    ${t('common.cancel')}
                  </button>
                  <button
                    class="danger small"
                    data-testid="disconnect-confirm"
                    ?disabled=${isBusy}
                    @click=${() => void this.disconnect(forgets)}
                  >
                    ${isBusy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${
                      site.isConnected
                        ? t('siteDetail.disconnect.yes')
                        : t('siteDetail.disconnect.forgetYes')
                    }
                  </button>
                </div>
              </div>`
            : html`<button
                class="danger block"
                data-testid="disconnect"
                @click=${() => {
                  this.isConfirmingDisconnect = true;
                  this.disconnectState = idle;
                  void this.focusAfterUpdate('[data-testid="disconnect-cancel"]');
                }}
              >
                ${
                  site.isConnected
                    ? t('siteDetail.disconnect.button')
                    : t('siteDetail.disconnect.forgetButton')
                }
              </button>`
        }
      </section>
    `;
  }

  private renderActionState(actionState: ActionState, testId: string, t: Translator) {
    switch (actionState.phase) {
      case 'idle':
      case 'busy':
        return nothing;
      case 'done':
        return html`<p class="notice success" role="status" data-testid=${testId}>
          ${t(actionState.messageKey)}
        </p>`;
      case 'error':
        return html`<p class="notice error" role="alert" data-testid=${testId}>
          ${describeError(actionState.error, t, this.locale)}
        </p>`;
    }
  }

  /** Whether the form differs from what the site has (a new preset, or new amounts). */
  private isPresetChanged(site: SiteView): boolean {
    if (this.presetDraft === undefined) return false;
    if (site.preset !== this.presetDraft) return true;
    if (!sizedPresets.has(this.presetDraft)) return false;
    const stored = this.storedAmountTexts(site);
    return (
      this.perPaymentDraft.trim() !== stored.perPayment || this.perDayDraft.trim() !== stored.perDay
    );
  }

  private storedAmountTexts(site: SiteView): { perPayment: string; perDay: string } {
    const amounts = readPresetAmounts(site.policy);
    const asText = (value: string | undefined) =>
      value === undefined || !/^\d{1,78}$/.test(value)
        ? ''
        : formatAmount(BigInt(value), {
            kind: 'fiat',
            symbol: this.currency,
            decimals: this.currencyDecimals,
          });
    return { perPayment: asText(amounts.perPayment), perDay: asText(amounts.perDay) };
  }

  /** Fills the form from the site as stored. */
  private resetPresetForm(site: SiteView): void {
    this.presetDraft = site.preset === 'custom' ? undefined : site.preset;
    const stored =
      this.presetDraft !== undefined && sizedPresets.has(this.presetDraft)
        ? this.storedAmountTexts(site)
        : { perPayment: '', perDay: '' };
    this.perPaymentDraft = stored.perPayment;
    this.perDayDraft = stored.perDay;
    this.presetProblems = {};
  }

  private async loadSite(): Promise<void> {
    const origin = this.origin;
    this.siteState = { phase: 'loading' };
    try {
      const { site, networks } = await sendWalletRequest('getSite', { origin });
      if (origin !== this.origin) return;
      this.networks = networks;
      this.siteState = { phase: 'ready', site };
      this.resetPresetForm(site);
    } catch (error) {
      if (origin === this.origin) this.siteState = { phase: 'error', error };
    }
  }

  private readonly savePreset = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.presetState.phase === 'busy' || this.siteState.phase !== 'ready') return;
    const t = createTranslator(this.locale);
    const preset = this.presetDraft;
    if (preset === undefined) return;
    const amounts: { perPayment?: string; perDay?: string } = {};
    const problems: { perPayment?: string; perDay?: string } = {};
    if (sizedPresets.has(preset)) {
      for (const [name, text] of [
        ['perPayment', this.perPaymentDraft],
        ['perDay', this.perDayDraft],
      ] as const) {
        if (text.trim() === '') continue;
        const parsed = parseFiatInput({
          text,
          currency: this.currency,
          decimals: this.currencyDecimals,
        });
        if (parsed.ok) amounts[name] = parsed.value.toString();
        else
          problems[name] = t(inputProblems[parsed.problem], {
            currency: this.currency,
            decimals: this.currencyDecimals,
          });
      }
    }
    if (problems.perPayment !== undefined || problems.perDay !== undefined) {
      this.presetProblems = problems;
      void this.focusAfterUpdate('.amounts [aria-invalid="true"]');
      return;
    }
    this.presetState = { phase: 'busy' };
    try {
      const { site } = await sendWalletRequest('setSitePreset', {
        origin: this.origin,
        preset,
        ...amounts,
      });
      this.siteState = { phase: 'ready', site };
      this.resetPresetForm(site);
      this.presetState = { phase: 'done', messageKey: 'siteDetail.preset.saved' };
      emit(this, 'tp-site-changed', { origin: this.origin });
    } catch (error) {
      this.presetState = { phase: 'error', error };
    }
  };

  private readonly saveCaps = async (event: CustomEvent<CapsSubmitDetail>): Promise<void> => {
    if (this.capsState.phase === 'busy' || this.siteState.phase !== 'ready') return;
    const policy = this.siteState.site.policy;
    this.capsState = { phase: 'busy' };
    try {
      await this.saveSitePolicy({ ...policy, preset: 'custom', limits: event.detail.limits });
      this.isEditingCaps = false;
      this.capsState = { phase: 'done', messageKey: 'siteDetail.limits.saved' };
      void this.focusAfterUpdate('#limits-title');
    } catch (error) {
      this.capsState = { phase: 'error', error };
    }
  };

  private readonly saveRules = async (event: CustomEvent<RulesSubmitDetail>): Promise<void> => {
    if (this.rulesState.phase === 'busy' || this.siteState.phase !== 'ready') return;
    // "Any" is the absence of a list: the stored lists go, and the form's come in.
    const {
      allowedChainIds: _chains,
      allowedAssets: _assets,
      allowedRecipients: _recipients,
      ...policy
    } = this.siteState.site.policy;
    this.rulesState = { phase: 'busy' };
    try {
      await this.saveSitePolicy({ ...policy, preset: 'custom', ...event.detail.rules });
      this.rulesState = { phase: 'done', messageKey: 'siteRules.saved' };
    } catch (error) {
      this.rulesState = { phase: 'error', error };
    }
  };

  /** Saves the whole policy (the worker checks it and refuses it whole if anything is off). */
  private async saveSitePolicy(policy: SitePolicyJson): Promise<void> {
    const { site } = await sendWalletRequest('setSitePolicy', { origin: this.origin, policy });
    this.siteState = { phase: 'ready', site };
    this.resetPresetForm(site);
    emit(this, 'tp-site-changed', { origin: this.origin });
  }

  private async revokeGrant(grantId: string): Promise<void> {
    if (this.grantsState.phase === 'busy') return;
    this.grantsState = { phase: 'busy' };
    try {
      await sendWalletRequest('revokeGrant', { origin: this.origin, grantId });
      const { site, networks } = await sendWalletRequest('getSite', { origin: this.origin });
      this.networks = networks;
      this.siteState = { phase: 'ready', site };
      this.revokingGrantId = undefined;
      this.grantsState = { phase: 'done', messageKey: 'siteDetail.grants.revoked' };
      emit(this, 'tp-site-changed', { origin: this.origin });
      // The grant's row is gone: keyboard focus continues from the section's heading.
      void this.focusAfterUpdate('#grants-title');
    } catch (error) {
      this.grantsState = { phase: 'error', error };
    }
  }

  private async disconnect(forgetPolicy: boolean): Promise<void> {
    if (this.disconnectState.phase === 'busy') return;
    this.disconnectState = { phase: 'busy' };
    try {
      await sendWalletRequest('disconnectSite', { origin: this.origin, forgetPolicy });
      this.disconnectState = idle;
      this.isConfirmingDisconnect = false;
      emit(this, 'tp-site-changed', { origin: this.origin });
      emit(this, 'tp-back', null);
    } catch (error) {
      this.disconnectState = { phase: 'error', error };
    }
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
