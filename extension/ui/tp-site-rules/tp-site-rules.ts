import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { knownNetworks } from '../../../shared/chains/networks.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import type {
  EscalationActionName,
  SitePolicyJson,
} from '../../../shared/protocol/policyMessages.ts';
import type { WalletNetworkView } from '../../../shared/protocol/walletUiMessages.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { whenExceededLabels } from '../policy/policyLabels.ts';
import { renderChoiceSelect } from '../policy/renderChoiceSelect.ts';
import { shortenAddress } from '../shortenAddress.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import type {
  RecipientProblem,
  RuleAssetOption,
  RulesDraft,
  RulesProblems,
  SiteRules,
} from './RulesDraft.ts';
import { listRuleAssets } from './listRuleAssets.ts';
import { parseRecipientList } from './parseRecipientList.ts';
import { readRulesDraft } from './readRulesDraft.ts';
import { rulesToDraft } from './rulesToDraft.ts';
import { siteRulesStyles } from './tp-site-rules.styles.ts';

export type RulesSubmitDetail = { readonly rules: SiteRules };

const escalations: readonly EscalationActionName[] = ['confirm', 'step-up', 'block'];

/**
 * A site's rules beside its caps: the networks and tokens it may take payment in (any, or only
 * those chosen from the wallet's networks: built-in ones and those sites added, each with its
 * tokens; what a site named is shown as such, with the chain id or the address), the addresses it may pay (any, or an allow-list, one
 * address per line, shown in EIP-55), what happens to a payment outside them (ask, ask with the
 * password, refuse), and whether a recipient the site never paid before always asks. Every
 * problem is named beside its field and the first one focused; `tp-rules-submit` fires only for
 * a form without problems. Saving is the parent's (`isBusy`, `error`, `statusMessage`).
 *
 * Test hooks: `rules-network-any`, `rules-network-only`, `rules-network-<chainId>`,
 * `rules-token-any`, `rules-token-only`, `rules-token-<chainId>-<asset in lower case>`,
 * `rules-recipient-any`, `rules-recipient-only`, `rules-recipients`, `rules-when-not-allowed`,
 * `rules-new-recipients`, `rules-problem-networks`, `rules-problem-tokens`,
 * `rules-problem-recipients`, `rules-save`, `rules-reset`, `rules-status`.
 *
 * @event tp-rules-submit - `{ rules }`: the policy fields to save.
 */
export class TpSiteRules extends LitElement {
  static override styles = [controlStyles, siteRulesStyles];

  @property() locale: Locale = 'en';
  /** The site's policy as stored; setting a new one starts the form again. */
  @property({ attribute: false }) policy: SitePolicyJson | undefined;
  /** The wallet's networks with their tokens (`getSite`); the built-in list until known. */
  @property({ attribute: false }) networks: readonly WalletNetworkView[] = knownNetworks;
  @property({ type: Boolean }) isBusy = false;
  @property({ attribute: false }) error: unknown = undefined;
  /** Said after a save, until the user changes something. */
  @property() statusMessage = '';

  @state() private draft: RulesDraft | undefined;
  @state() private problems: RulesProblems = {};
  @state() private isStatusShown = false;
  private initial = '';
  private assets: readonly RuleAssetOption[] = listRuleAssets({});

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('policy') && this.policy !== undefined) this.reset();
    else if (changed.has('networks'))
      this.assets = listRuleAssets({
        allowedAssets: this.policy?.allowedAssets,
        networks: this.networks,
      });
    if (changed.has('statusMessage')) this.isStatusShown = this.statusMessage !== '';
  }

  override render() {
    const draft = this.draft;
    if (draft === undefined) return nothing;
    const t = createTranslator(this.locale);
    const isChanged = JSON.stringify(draft) !== this.initial;
    return html`
      <form @submit=${this.submit} novalidate>
        ${this.renderNetworks(draft, t)} ${this.renderTokens(draft, t)}
        ${this.renderRecipients(draft, t)}
        <div class="field">
          <label class="label-text" for="when-not-allowed">${t('siteRules.whenNotAllowed')}</label>
          ${renderChoiceSelect({
            id: 'when-not-allowed',
            testId: 'rules-when-not-allowed',
            isDisabled: this.isBusy,
            values: escalations,
            selected: draft.whenNotAllowed,
            labelOf: (action) => t(whenExceededLabels[action]),
            onChange: (whenNotAllowed) => {
              this.change({ whenNotAllowed });
            },
          })}
        </div>
        <label class="inline-check">
          <input
            type="checkbox"
            data-testid="rules-new-recipients"
            .checked=${draft.confirmNewRecipients}
            ?disabled=${this.isBusy}
            @change=${(event: Event) => {
              this.change({ confirmNewRecipients: (event.target as HTMLInputElement).checked });
            }}
          />
          <span>${t('siteRules.newRecipients')}</span>
        </label>
        ${
          this.error === undefined
            ? nothing
            : html`<p class="notice error" role="alert" data-testid="rules-status">
                ${describeError(this.error, t, this.locale)}
              </p>`
        }
        ${
          this.isStatusShown && this.error === undefined
            ? html`<p class="notice success" role="status" data-testid="rules-status">
                ${this.statusMessage}
              </p>`
            : nothing
        }
        ${
          isChanged && this.policy?.preset !== 'custom'
            ? html`<p class="hint">${t('siteRules.customHint')}</p>`
            : nothing
        }
        <div class="actions">
          <button
            type="button"
            class="secondary"
            data-testid="rules-reset"
            ?disabled=${this.isBusy || !isChanged}
            @click=${() => {
              this.reset();
            }}
          >
            ${t('siteRules.reset')}
          </button>
          <button
            class="primary"
            type="submit"
            data-testid="rules-save"
            ?disabled=${this.isBusy || !isChanged}
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

  private renderModes(
    name: 'network' | 'token' | 'recipient',
    mode: 'any' | 'only',
    labels: { any: string; only: string },
    onChange: (mode: 'any' | 'only') => void,
  ) {
    return html`<div class="modes">
      ${(['any', 'only'] as const).map(
        (value) =>
          html`<label class="check">
            <input
              type="radio"
              name="${name}-mode"
              value=${value}
              data-testid="rules-${name}-${value}"
              .checked=${mode === value}
              ?disabled=${this.isBusy}
              @change=${() => {
                onChange(value);
              }}
            />
            <span>${labels[value]}</span>
          </label>`,
      )}
    </div>`;
  }

  private renderNetworks(draft: RulesDraft, t: Translator) {
    const isInvalid = this.problems.networks !== undefined;
    const chainIds = [
      ...this.networks.map((network) => network.chainId),
      ...draft.chainIds.filter((chainId) => !this.networks.some((n) => n.chainId === chainId)),
    ];
    return html`<fieldset aria-describedby=${isInvalid ? 'networks-problem' : nothing}>
      <legend>${t('siteRules.networks')}</legend>
      ${this.renderModes(
        'network',
        draft.networkMode,
        { any: t('siteRules.networks.any'), only: t('siteRules.networks.only') },
        (networkMode) => {
          this.change({ networkMode });
        },
      )}
      ${
        isInvalid
          ? html`<p class="problem" id="networks-problem" data-testid="rules-problem-networks">
              ${t('siteRules.problem.noNetwork')}
            </p>`
          : nothing
      }
      ${
        draft.networkMode === 'only'
          ? html`<div class="choices">
              ${chainIds.map((chainId) =>
                this.renderChoice({
                  testId: `rules-network-${chainId}`,
                  label: networkName(chainId, this.networks, t),
                  isChosen: draft.chainIds.includes(chainId),
                  isInvalid,
                  problemId: 'networks-problem',
                  onChange: (isChosen) => {
                    this.change({
                      chainIds: isChosen
                        ? [...draft.chainIds, chainId]
                        : draft.chainIds.filter((candidate) => candidate !== chainId),
                    });
                  },
                }),
              )}
            </div>`
          : nothing
      }
    </fieldset>`;
  }

  private renderTokens(draft: RulesDraft, t: Translator) {
    const isInvalid = this.problems.tokens !== undefined;
    // With networks limited, only tokens on those networks can be paid: only they are offered.
    const shown = this.assets.filter(
      (option) => draft.networkMode === 'any' || draft.chainIds.includes(option.chainId),
    );
    const groups = new Map<number, RuleAssetOption[]>();
    for (const option of shown)
      groups.set(option.chainId, [...(groups.get(option.chainId) ?? []), option]);
    return html`<fieldset aria-describedby=${isInvalid ? 'tokens-problem' : nothing}>
      <legend>${t('siteRules.tokens')}</legend>
      ${this.renderModes(
        'token',
        draft.tokenMode,
        { any: t('siteRules.tokens.any'), only: t('siteRules.tokens.only') },
        (tokenMode) => {
          this.change({ tokenMode });
        },
      )}
      ${
        isInvalid
          ? html`<p class="problem" id="tokens-problem" data-testid="rules-problem-tokens">
              ${t('siteRules.problem.noToken')}
            </p>`
          : nothing
      }
      ${
        draft.tokenMode === 'only'
          ? [...groups].map(
              ([chainId, options]) => html`
                <p class="network-name" id="token-network-${chainId}">
                  ${networkName(chainId, this.networks, t)}
                </p>
                <div class="choices" role="group" aria-labelledby="token-network-${chainId}">
                  ${options.map((option) =>
                    this.renderChoice({
                      testId: `rules-token-${option.key.replace(':', '-')}`,
                      label:
                        option.isAddedBySite === true && option.asset !== 'native'
                          ? t('caps.addedToken', {
                              symbol: option.symbol,
                              address: shortenAddress(option.asset),
                            })
                          : option.symbol,
                      ...(option.asset === 'native' ? {} : { title: option.asset }),
                      isChosen: draft.assetKeys.includes(option.key),
                      isInvalid,
                      problemId: 'tokens-problem',
                      onChange: (isChosen) => {
                        this.change({
                          assetKeys: isChosen
                            ? [...draft.assetKeys, option.key]
                            : draft.assetKeys.filter((key) => key !== option.key),
                        });
                      },
                    }),
                  )}
                </div>
              `,
            )
          : nothing
      }
    </fieldset>`;
  }

  private renderRecipients(draft: RulesDraft, t: Translator) {
    const problem = this.problems.recipients;
    return html`<fieldset>
      <legend>${t('siteRules.recipients')}</legend>
      ${this.renderModes(
        'recipient',
        draft.recipientMode,
        { any: t('siteRules.recipients.any'), only: t('siteRules.recipients.only') },
        (recipientMode) => {
          this.change({ recipientMode });
        },
      )}
      ${
        draft.recipientMode === 'only'
          ? html`<div class="field">
              <label class="label-text" for="recipients">${t('siteRules.recipients.label')}</label>
              <textarea
                id="recipients"
                data-testid="rules-recipients"
                spellcheck="false"
                autocomplete="off"
                placeholder="0x…"
                .value=${draft.recipientsText}
                aria-invalid=${problem === undefined ? 'false' : 'true'}
                aria-describedby=${problem === undefined ? 'recipients-hint' : 'recipients-problem'}
                ?disabled=${this.isBusy}
                @input=${(event: Event) => {
                  this.change({ recipientsText: (event.target as HTMLTextAreaElement).value });
                }}
                @change=${this.showChecksummed}
              ></textarea>
              <p class="hint" id="recipients-hint">${t('siteRules.recipients.hint')}</p>
            </div>`
          : nothing
      }
      ${
        problem === undefined
          ? nothing
          : problem.kind === 'lines'
            ? html`<ul
                class="problem"
                id="recipients-problem"
                data-testid="rules-problem-recipients"
              >
                ${problem.lines.map((line) => html`<li>${describeRecipientProblem(line, t)}</li>`)}
              </ul>`
            : html`<p
                class="problem"
                id="recipients-problem"
                data-testid="rules-problem-recipients"
              >
                ${
                  problem.kind === 'none-given'
                    ? t('siteRules.problem.noRecipient')
                    : t('siteRules.problem.tooMany', { count: problem.count })
                }
              </p>`
      }
    </fieldset>`;
  }

  private renderChoice({
    testId,
    label,
    title,
    isChosen,
    isInvalid,
    problemId,
    onChange,
  }: {
    testId: string;
    label: string;
    /** The full address, where the label shortens it. */
    title?: string;
    isChosen: boolean;
    isInvalid: boolean;
    problemId: string;
    onChange: (isChosen: boolean) => void;
  }) {
    return html`<label
      class="choice ${isChosen ? 'is-chosen' : ''}"
      ?data-invalid=${isInvalid}
      title=${title ?? nothing}
    >
      <input
        type="checkbox"
        data-testid=${testId}
        .checked=${isChosen}
        ?disabled=${this.isBusy}
        aria-invalid=${isInvalid ? 'true' : 'false'}
        aria-describedby=${isInvalid ? problemId : nothing}
        @change=${(event: Event) => {
          onChange((event.target as HTMLInputElement).checked);
        }}
      />
      <span>${label}</span>
    </label>`;
  }

  private change(change: Partial<RulesDraft>): void {
    if (this.draft === undefined) return;
    this.draft = { ...this.draft, ...change };
    this.isStatusShown = false;
    const problems = { ...this.problems };
    if ('networkMode' in change || 'chainIds' in change) {
      delete problems.networks;
      delete problems.tokens;
    }
    if ('tokenMode' in change || 'assetKeys' in change) delete problems.tokens;
    if ('recipientMode' in change || 'recipientsText' in change) delete problems.recipients;
    this.problems = problems;
  }

  /** Once the list holds only good addresses, they are shown as EIP-55 writes them. */
  private readonly showChecksummed = (): void => {
    if (this.draft === undefined) return;
    const parsed = parseRecipientList(this.draft.recipientsText);
    if (parsed.problems.length === 0 && parsed.addresses.length > 0)
      this.draft = { ...this.draft, recipientsText: parsed.addresses.join('\n') };
  };

  private reset(): void {
    const policy = this.policy;
    if (policy === undefined) return;
    this.assets = listRuleAssets({ allowedAssets: policy.allowedAssets, networks: this.networks });
    this.draft = rulesToDraft(policy);
    this.initial = JSON.stringify(this.draft);
    this.problems = {};
  }

  private readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.isBusy || this.draft === undefined) return;
    const read = readRulesDraft({ draft: this.draft, assets: this.assets });
    if (!read.ok) {
      this.problems = read.problems;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.problems = {};
    emit(this, 'tp-rules-submit', { rules: read.rules } satisfies RulesSubmitDetail);
  };
}

/** A network a site added keeps its chain id beside its name: the name is the site's word. */
function networkName(
  chainId: number,
  networks: readonly WalletNetworkView[],
  t: Translator,
): string {
  const network = networks.find((candidate) => candidate.chainId === chainId);
  if (network === undefined) return t('caps.chain', { chainId });
  return network.isAddedBySite === true
    ? t('caps.addedNetwork', { name: network.name, chainId })
    : network.name;
}

function describeRecipientProblem(problem: RecipientProblem, t: Translator): string {
  switch (problem.kind) {
    case 'not-address':
      return t('siteRules.problem.notAddress', { line: problem.line, text: problem.text });
    case 'checksum':
      return t('siteRules.problem.checksum', { line: problem.line, text: problem.text });
    case 'repeated':
      return t('siteRules.problem.repeated', { line: problem.line, first: problem.first });
  }
}
