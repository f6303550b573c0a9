import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { knownNetworks } from '../../../shared/chains/networks.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { MessageKey, Locale, Translator } from '../../../shared/i18n/index.ts';
import type {
  EscalationActionName,
  LimitJson,
  LimitWindowName,
} from '../../../shared/protocol/policyMessages.ts';
import type { WalletNetworkView } from '../../../shared/protocol/walletUiMessages.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { whenExceededLabels, windowLabels } from '../policy/policyLabels.ts';
import { renderChoiceSelect } from '../policy/renderChoiceSelect.ts';
import { shortenAddress } from '../shortenAddress.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { plusIcon } from '../theme/icons.ts';
import type { CapDraft, CapProblem, CapUnitOption } from './CapDraft.ts';
import { limitToCapDraft } from './limitToCapDraft.ts';
import { listCapUnits } from './listCapUnits.ts';
import { readCapDrafts } from './readCapDrafts.ts';
import { capsEditorStyles } from './tp-caps-editor.styles.ts';

export type CapsSubmitDetail = { readonly limits: readonly LimitJson[] };

const windows: readonly LimitWindowName[] = ['transaction', 'hour', 'day', 'week', '30-days'];
const escalations: readonly EscalationActionName[] = ['confirm', 'step-up', 'block'];
/** `parsePolicy` takes at most this many caps per site and wallet-wide. */
const maxCaps = 32;
const problemKeys: Readonly<Record<CapProblem['kind'], MessageKey>> = {
  empty: 'policy.input.empty',
  format: 'policy.input.format',
  decimals: 'policy.input.decimals',
  'too-large': 'caps.problem.tooLarge',
  unit: 'caps.problem.unit',
  duplicate: 'caps.problem.duplicate',
};

/**
 * A form for a list of caps: each with its window (per payment, hour, day, week, 30 days), what it
 * counts in (the wallet's currency, or one token on one of the wallet's networks: built-in ones and
 * those sites added, with the tokens sites asked it to watch, named as the site's word), the
 * amount, and what happens when a payment would pass it. It checks every row before it says
 * anything: `tp-caps-submit` carries caps `setWalletLimits` / `setSitePolicy` take as they are;
 * with a bad row it names the problem beside the field, focuses the first one and sends nothing.
 * Saving is the parent's: it sets `isBusy` and `error` while it does.
 *
 * Test hooks, `<prefix>` being `testIdPrefix`: `<prefix>-window-<n>`, `<prefix>-unit-<n>`,
 * `<prefix>-amount-<n>`, `<prefix>-when-<n>`, `<prefix>-remove-<n>`, `<prefix>-problem-<n>`
 * (n from 1), `<prefix>s-add`, `<prefix>s-save`, `<prefix>s-cancel`, `<prefix>s-status`.
 *
 * @event tp-caps-submit - `{ limits }`: every row is valid.
 * @event tp-caps-cancel - The user dropped the changes.
 */
export class TpCapsEditor extends LitElement {
  static override styles = [controlStyles, capsEditorStyles];

  @property() locale: Locale = 'en';
  /** The wallet's currency (ISO 4217) and its minor units: what a fiat cap counts in. */
  @property() currency = 'EUR';
  @property({ type: Number }) currencyDecimals = 2;
  /** The caps to start from; setting a new list starts the form again. */
  @property({ attribute: false }) limits: readonly LimitJson[] = [];
  /** The wallet's networks with their tokens (`getSite`); the built-in list until known. */
  @property({ attribute: false }) networks: readonly WalletNetworkView[] = knownNetworks;
  @property() testIdPrefix = 'cap';
  @property({ type: Boolean }) isBusy = false;
  /** Why the last save failed, shown above the buttons. */
  @property({ attribute: false }) error: unknown = undefined;

  @state() private drafts: readonly CapDraft[] = [];
  @state() private problems: ReadonlyMap<number, CapProblem> = new Map();
  private units: readonly CapUnitOption[] = listCapUnits({ limits: [] });
  private nextKey = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('networks') || changed.has('limits'))
      this.units = listCapUnits({ limits: this.limits, networks: this.networks });
    if (changed.has('limits') || changed.has('currency') || changed.has('currencyDecimals')) {
      this.drafts = this.limits.map((limit) =>
        limitToCapDraft({
          limit,
          key: this.nextKey++,
          currency: this.currency,
          currencyDecimals: this.currencyDecimals,
        }),
      );
      this.problems = new Map();
    }
  }

  /** Focus goes to the first field (or to "Add a cap" when there is no row). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('select, button')?.focus(options);
  }

  override render() {
    const t = createTranslator(this.locale);
    const prefix = this.testIdPrefix;
    return html`
      <form @submit=${this.submit} novalidate>
        ${
          this.drafts.length === 0
            ? html`<p class="empty">${t('caps.empty')}</p>`
            : this.drafts.map((draft, index) => this.renderRow(draft, index + 1, t))
        }
        <button
          type="button"
          class="ghost small add"
          data-testid="${prefix}s-add"
          ?disabled=${this.isBusy || this.drafts.length >= maxCaps}
          @click=${this.addRow}
        >
          ${plusIcon}${t('sites.walletCaps.add')}
        </button>
        ${
          this.error === undefined
            ? nothing
            : html`<p class="notice error" role="alert" data-testid="${prefix}s-status">
                ${describeError(this.error, t, this.locale)}
              </p>`
        }
        <div class="actions">
          <button
            type="button"
            class="secondary"
            data-testid="${prefix}s-cancel"
            ?disabled=${this.isBusy}
            @click=${() => {
              emit(this, 'tp-caps-cancel', null);
            }}
          >
            ${t('common.cancel')}
          </button>
          <button
            class="primary"
            type="submit"
            data-testid="${prefix}s-save"
            ?disabled=${this.isBusy}
          >
            ${
              this.isBusy
                ? html`<span class="spinner" aria-label=${t('common.saving')}></span>`
                : t('common.save')
            }
          </button>
        </div>
      </form>
    `;
  }

  private renderRow(draft: CapDraft, number: number, t: Translator) {
    const prefix = this.testIdPrefix;
    const legend = t('sites.walletCaps.capNumber', { number });
    const problem = this.problems.get(draft.key);
    const id = (name: string) => `cap-${name}-${draft.key}`;
    const problemId = id('problem');
    // The field the problem is about: the unit for a missing unit, the amount otherwise.
    const isUnitProblem = problem?.kind === 'unit';
    const isAmountProblem = problem !== undefined && !isUnitProblem;
    const unit = this.units.find((option) => option.key === draft.unitKey);
    const networks = groupByNetwork(this.units);
    return html`
      <fieldset class="cap-row" ?data-invalid=${problem !== undefined}>
        <legend class="visually-hidden">${legend}</legend>
        <div class="cap-fields">
          <div class="field cap-window">
            <label for=${id('window')}>${t('sites.walletCaps.window')}</label>
            ${renderChoiceSelect({
              id: id('window'),
              testId: `${prefix}-window-${number}`,
              isDisabled: this.isBusy,
              values: windows,
              selected: draft.window,
              labelOf: (window) => t(windowLabels[window]),
              onChange: (window) => {
                this.changeRow(draft.key, { window });
              },
            })}
          </div>
          <div class="field cap-unit">
            <label for=${id('unit')}>${t('caps.unit')}</label>
            <select
              id=${id('unit')}
              data-testid="${prefix}-unit-${number}"
              ?disabled=${this.isBusy}
              aria-invalid=${isUnitProblem ? 'true' : 'false'}
              aria-describedby=${isUnitProblem ? problemId : nothing}
              @change=${(event: Event) => {
                this.changeRow(draft.key, { unitKey: (event.target as HTMLSelectElement).value });
              }}
            >
              ${unit === undefined ? html`<option value="" selected></option>` : nothing}
              <option value="fiat" ?selected=${draft.unitKey === 'fiat'}>${this.currency}</option>
              ${networks.map((options) => {
                const networkLabel = describeUnitNetwork(options[0], t);
                return html`<optgroup label=${networkLabel ?? t('caps.otherNetwork')}>
                  ${options.map(
                    (option) =>
                      html`<option value=${option.key} ?selected=${option.key === draft.unitKey}>
                        ${describeUnit(option, this.currency, t)}
                        ${
                          option.unit.kind === 'token' && networkLabel === undefined
                            ? `(${t('caps.chain', { chainId: option.unit.chainId })})`
                            : ''
                        }
                      </option>`,
                  )}
                </optgroup>`;
              })}
            </select>
          </div>
          <button
            type="button"
            class="icon-button remove"
            data-testid="${prefix}-remove-${number}"
            aria-label=${`${t('sites.walletCaps.remove')} (${legend})`}
            title=${t('sites.walletCaps.remove')}
            ?disabled=${this.isBusy}
            @click=${() => {
              this.drafts = this.drafts.filter((candidate) => candidate.key !== draft.key);
            }}
          >
            ×
          </button>
          <div class="field cap-amount">
            <label for=${id('amount')}>
              ${t('caps.amount', {
                unit:
                  unit === undefined
                    ? ''
                    : unit.unit.kind === 'fiat'
                      ? this.currency
                      : unit.unit.symbol,
              })}
            </label>
            <input
              id=${id('amount')}
              data-testid="${prefix}-amount-${number}"
              inputmode="decimal"
              autocomplete="off"
              .value=${draft.amountText}
              aria-invalid=${isAmountProblem ? 'true' : 'false'}
              aria-describedby=${isAmountProblem ? problemId : nothing}
              ?disabled=${this.isBusy}
              @input=${(event: Event) => {
                this.changeRow(draft.key, { amountText: (event.target as HTMLInputElement).value });
              }}
            />
          </div>
          <div class="field cap-when">
            <label for=${id('when')}>${t('sites.walletCaps.whenExceeded')}</label>
            ${renderChoiceSelect({
              id: id('when'),
              testId: `${prefix}-when-${number}`,
              isDisabled: this.isBusy,
              values: escalations,
              selected: draft.whenExceeded,
              labelOf: (action) => t(whenExceededLabels[action]),
              onChange: (whenExceeded) => {
                this.changeRow(draft.key, { whenExceeded });
              },
            })}
          </div>
        </div>
        ${
          unit?.unit.kind === 'token'
            ? html`<p class="unit-network" data-testid="${prefix}-network-${number}">
                ${t('caps.onNetwork', {
                  token: describeUnit(unit, this.currency, t),
                  network:
                    describeUnitNetwork(unit, t) ?? t('caps.chain', { chainId: unit.unit.chainId }),
                })}
              </p>`
            : nothing
        }
        ${
          problem === undefined
            ? nothing
            : html`<p
                class="field-problem"
                id=${problemId}
                data-testid="${prefix}-problem-${number}"
              >
                ${this.describeProblem(problem, t)}
              </p>`
        }
      </fieldset>
    `;
  }

  private describeProblem(problem: CapProblem, t: Translator): string {
    if (problem.kind === 'decimals')
      return t(problemKeys.decimals, { currency: problem.symbol, decimals: problem.decimals });
    return t(problemKeys[problem.kind], {
      currency: this.currency,
      decimals: this.currencyDecimals,
    });
  }

  /** Changes one row; its problem goes until the next save says otherwise. */
  private changeRow(key: number, change: Partial<Omit<CapDraft, 'key'>>): void {
    this.drafts = this.drafts.map((draft) => (draft.key === key ? { ...draft, ...change } : draft));
    this.problems = new Map([...this.problems].filter(([problemKey]) => problemKey !== key));
  }

  private readonly addRow = async (): Promise<void> => {
    const key = this.nextKey++;
    this.drafts = [
      ...this.drafts,
      { key, window: 'day', unitKey: 'fiat', amountText: '', whenExceeded: 'confirm' },
    ];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>(`#cap-window-${key}`)?.focus();
  };

  private readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.isBusy) return;
    const read = readCapDrafts({
      drafts: this.drafts,
      units: this.units,
      currency: this.currency,
      currencyDecimals: this.currencyDecimals,
    });
    if (!read.ok) {
      this.problems = read.problems;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.problems = new Map();
    emit(this, 'tp-caps-submit', { limits: read.limits } satisfies CapsSubmitDetail);
  };
}

/**
 * The token units by network (by chain id: a site may name its network like a built-in one), in
 * the order the wallet lists networks, those on chains it does not know together; fiat left out.
 */
function groupByNetwork(units: readonly CapUnitOption[]): [CapUnitOption, ...CapUnitOption[]][] {
  const groups = new Map<number | 'other', [CapUnitOption, ...CapUnitOption[]]>();
  for (const option of units) {
    if (option.unit.kind === 'fiat') continue;
    const groupKey = option.networkName === undefined ? 'other' : option.unit.chainId;
    const group = groups.get(groupKey);
    if (group === undefined) groups.set(groupKey, [option]);
    else group.push(option);
  }
  return [...groups.values()];
}

/** A unit's name: a watched token's symbol is the site's word, so its address goes beside it. */
function describeUnit(option: CapUnitOption, currency: string, t: Translator): string {
  const unit = option.unit;
  if (unit.kind === 'fiat') return currency;
  return option.isAddedBySite === true && unit.asset !== 'native'
    ? t('caps.addedToken', { symbol: unit.symbol, address: shortenAddress(unit.asset) })
    : unit.symbol;
}

/** A unit's network: a network a site added keeps its chain id beside the name it chose. */
function describeUnitNetwork(option: CapUnitOption, t: Translator): string | undefined {
  if (option.networkName === undefined || option.unit.kind === 'fiat') return option.networkName;
  return option.isNetworkAddedBySite === true
    ? t('caps.addedNetwork', { name: option.networkName, chainId: option.unit.chainId })
    : option.networkName;
}
