import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, MessageKey, Translator } from '../../../shared/i18n/index.ts';
import type { ActionView } from '../../../shared/protocol/ActionView.ts';
import type {
  ApprovalDecision,
  ApprovalDetails,
  ApprovalKind,
  ApprovalRequest,
} from '../../../shared/protocol/approvalMessages.ts';
import type { WalletStatus } from '../../../shared/protocol/walletUiMessages.ts';
import { accountColor } from '../accountColor.ts';
import { approvalWarnings } from '../approval/approvalWarnings.ts';
import { describeApproval } from '../approval/describeApproval.ts';
import { formatNativeAmount } from '../approval/formatNativeAmount.ts';
import { formatTokenAmount } from '../approval/formatTokenAmount.ts';
import { formatUnixTime } from '../approval/formatUnixTime.ts';
import { readOrigin } from '../approval/readOrigin.ts';
import { checksumAddress } from '../checksumAddress.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { formatCountdown } from '../formatCountdown.ts';
import { shortenAddress } from '../shortenAddress.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { approvalRequestStyles } from './tp-approval-request.styles.ts';

export type DecideDetail = { readonly id: string; readonly decision: ApprovalDecision };

const kindLabels: Readonly<Record<ApprovalKind, MessageKey>> = {
  unlock: 'approval.kind.unlock',
  connect: 'approval.kind.connect',
  'send-transaction': 'approval.kind.sendTransaction',
  'sign-message': 'approval.kind.signMessage',
  'sign-typed-data': 'approval.kind.signTypedData',
  'add-chain': 'approval.kind.addChain',
  'switch-chain': 'approval.kind.switchChain',
  'watch-asset': 'approval.kind.watchAsset',
};

const approveLabels: Readonly<Record<ApprovalKind, MessageKey>> = {
  unlock: 'unlock.submit',
  connect: 'approval.approve.connect',
  'send-transaction': 'approval.approve.sendTransaction',
  'sign-message': 'approval.approve.sign',
  'sign-typed-data': 'approval.approve.sign',
  'add-chain': 'approval.approve.addChain',
  'switch-chain': 'approval.approve.switchChain',
  'watch-asset': 'approval.approve.watchAsset',
};

/** Under a minute left, the countdown turns to a warning. */
const hurryMs = 60_000;

/**
 * One site request as the approval window shows it: the browser-reported origin (hostname large,
 * full origin small, a "New site" badge, a warning for plain http), what approving does in one
 * sentence, the warnings, the facts by kind, the raw data on request, the time left, and the
 * Approve / Reject buttons. An `unlock` request shows the unlock form instead of Approve.
 *
 * Test hooks: `approval-origin` (`data-origin`), `approval-new-site`, `approval-kind`
 * (`data-kind`), `approval-summary`, `approval-warning` (`data-level`), `approval-account-<address>`,
 * `approval-fee`, `approval-message`, `approval-raw-toggle`, `approval-raw`, `approval-expires`,
 * `approval-error`, `approval-approve`, `approval-reject`.
 *
 * @event tp-decide - The user approved or rejected; `detail.id`, `detail.decision`.
 * @event tp-unlocked - Bubbles up from the unlock form: the vault opened.
 * @cssproperty --tp-color-danger - Unlimited approvals, unreadable calls, insecure sites.
 * @cssproperty --tp-color-warning - Things to check before approving.
 */
export class TpApprovalRequest extends LitElement {
  static override styles = [controlStyles, approvalRequestStyles];

  @property({ attribute: false }) request: ApprovalRequest | undefined;
  @property() locale: Locale = 'en';
  /** Lower-case address → account name, to name the account a request acts for. */
  @property({ attribute: false }) accountNames: ReadonlyMap<string, string> = new Map();
  /** The current time (epoch ms), ticking from the window, for the countdown. */
  @property({ type: Number }) now = Date.now();
  /** A decision is on its way to the worker: the buttons wait. */
  @property({ type: Boolean }) isBusy = false;
  /** Why the last decision did not reach the worker, if it did not. */
  @property({ attribute: false }) error: unknown;
  /** For an `unlock` request: the wallet's status (its lockout, if any). */
  @property({ attribute: false }) walletStatus: WalletStatus | undefined;

  /** The accounts ticked per connect request, kept while the user pages through the queue. */
  @state() private choices: ReadonlyMap<string, ReadonlySet<string>> = new Map();
  @state() private isRawOpen = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('request') && changed.get('request')?.id !== this.request?.id) {
      this.isRawOpen = false;
    }
  }

  /** What the connect request on screen will share: the first account unless the user chose. */
  private get chosenAccounts(): ReadonlySet<string> {
    const request = this.request;
    if (request?.details.kind !== 'connect') return new Set();
    const chosen = this.choices.get(request.id);
    if (chosen !== undefined) return chosen;
    const first = request.details.accounts[0];
    return new Set(first === undefined ? [] : [first.address]);
  }

  private choose(address: string, isChosen: boolean): void {
    const request = this.request;
    if (request === undefined) return;
    const chosen = new Set(this.chosenAccounts);
    if (isChosen) chosen.add(address);
    else chosen.delete(address);
    this.choices = new Map(this.choices).set(request.id, chosen);
  }

  override render() {
    const request = this.request;
    if (request === undefined) return nothing;
    const t = createTranslator(this.locale);
    const { details } = request;
    const warnings = approvalWarnings(request, t);
    return html`
      <div class="scroll">
        ${this.renderOrigin(request, t)}
        <section
          class="request"
          data-testid="approval-kind"
          data-kind=${details.kind}
          aria-labelledby="approval-summary"
        >
          <p class="kind">${t(kindLabels[details.kind])}</p>
          <h2 id="approval-summary" class="summary" data-testid="approval-summary">
            ${describeApproval(details, { t, locale: this.locale })}
          </h2>
          ${warnings.map(
            (warning) =>
              html`<p
                class="notice ${warning.level === 'danger' ? 'error' : 'warning'}"
                data-testid="approval-warning"
                data-level=${warning.level}
              >
                ${warning.message}
              </p>`,
          )}
          ${this.renderDetails(details, t)}
        </section>
        ${details.kind === 'unlock' ? this.renderFooter(request, t) : nothing}
      </div>
      ${details.kind === 'unlock' ? nothing : this.renderFooter(request, t)}
    `;
  }

  private renderOrigin(request: ApprovalRequest, t: Translator) {
    const { hostname, origin, isInsecure } = readOrigin(request.origin);
    return html`<header class="origin" aria-label=${t('approval.requestFrom')}>
      <span class="site-icon ${isInsecure ? 'insecure' : ''}" aria-hidden="true"
        >${hostname.slice(0, 1).toUpperCase()}</span
      >
      <div class="origin-text" data-testid="approval-origin" data-origin=${origin}>
        <p class="hostname" title=${origin}>${hostname}</p>
        <p class="full-origin mono ${isInsecure ? 'insecure' : ''}">${origin}</p>
      </div>
      ${
        request.isSiteConnected
          ? nothing
          : html`<span
              class="badge new-site"
              data-testid="approval-new-site"
              title=${t('approval.newSiteHint')}
              >${t('approval.newSite')}</span
            >`
      }
    </header>`;
  }

  private renderDetails(details: ApprovalDetails, t: Translator) {
    switch (details.kind) {
      case 'unlock':
        return html`<tp-unlock locale=${this.locale} .status=${this.walletStatus}></tp-unlock>`;
      case 'connect':
        return this.renderConnect(details, t);
      case 'send-transaction':
        return this.renderTransaction(details, t);
      case 'sign-message':
        return html`<dl class="facts">${this.accountFact(details.from, t)}</dl>
          <h3 class="box-title">${t('approval.fact.message')}</h3>
          <pre
            class="box ${details.text === undefined ? 'mono' : ''}"
            data-testid="approval-message"
          >
${details.text ?? details.hex}</pre>
          ${details.text === undefined ? nothing : this.renderRaw(html`<pre>${details.hex}</pre>`, t)}`;
      case 'sign-typed-data':
        return this.renderTypedData(details, t);
      case 'add-chain':
        return html`<dl class="facts">
          ${fact(t('approval.fact.network'), details.chainName)}
          ${fact(t('approval.fact.chainId'), String(details.chainId))}
          ${fact(t('approval.fact.rpcUrl'), details.rpcUrl, 'mono')}
          ${fact(t('approval.fact.currency'), details.nativeSymbol)}
          ${
            details.blockExplorerUrl === undefined
              ? nothing
              : fact(t('approval.fact.explorer'), details.blockExplorerUrl, 'mono')
          }
        </dl>`;
      case 'switch-chain':
        return html`<dl class="facts">
          ${fact(t('approval.fact.network'), details.chainName)}
          ${fact(t('approval.fact.chainId'), String(details.chainId))}
        </dl>`;
      case 'watch-asset':
        return html`<dl class="facts">
          ${fact(t('approval.fact.symbol'), details.symbol)}
          ${fact(t('approval.fact.contract'), checksumAddress(details.address), 'mono')}
          ${fact(t('approval.fact.decimals'), String(details.decimals))}
          ${fact(t('approval.fact.chainId'), String(details.chainId))}
        </dl>`;
    }
  }

  private renderConnect(details: Extract<ApprovalDetails, { kind: 'connect' }>, t: Translator) {
    return html`<fieldset class="accounts">
        <legend>${t('approval.connect.accounts')}</legend>
        ${details.accounts.map((account) => {
          const id = `account-${account.address}`;
          return html`<label class="account" for=${id}>
            <input
              id=${id}
              type="checkbox"
              data-testid="approval-account-${account.address}"
              .checked=${this.chosenAccounts.has(account.address)}
              ?disabled=${this.isBusy}
              @change=${(event: Event) => {
                this.choose(account.address, (event.target as HTMLInputElement).checked);
              }}
            />
            <span
              class="avatar"
              aria-hidden="true"
              style=${styleMap({ background: accountColor(account.address) })}
              >${account.name.slice(0, 1).toUpperCase()}</span
            >
            <span class="account-text">
              <span class="account-name">${account.name}</span>
              <span class="account-address mono" title=${checksumAddress(account.address)}
                >${shortenAddress(account.address)}</span
              >
            </span>
          </label>`;
        })}
      </fieldset>
      <p class="hint" aria-live="polite">
        ${
          this.chosenAccounts.size === 0
            ? t('approval.connect.noneChosen')
            : t('approval.connect.hint')
        }
      </p>`;
  }

  private renderTransaction(
    details: Extract<ApprovalDetails, { kind: 'send-transaction' }>,
    t: Translator,
  ) {
    const { transaction } = details;
    const none = t('approval.raw.none');
    return html`<dl class="facts">
        ${fact(
          t('approval.fact.network'),
          t('approval.fact.networkValue', {
            name: details.networkName,
            chainId: String(details.chainId),
          }),
        )}
        ${this.accountFact(details.from, t)} ${this.actionFacts(details.action, t)}
        ${fact(
          t('approval.fact.fee'),
          formatNativeAmount({
            wei: details.maxFee,
            symbol: details.nativeSymbol,
            locale: this.locale,
            precision: 'upTo6',
          }),
          'strong',
          'approval-fee',
        )}
      </dl>
      ${this.renderRaw(
        html`<dl class="raw-fields">
          ${rawField('to', transaction.to ?? none)} ${rawField('value', transaction.value)}
          ${rawField('data', transaction.data ?? none)} ${rawField('gas', transaction.gas)}
          ${rawField('maxFeePerGas', transaction.maxFeePerGas)}
          ${rawField('maxPriorityFeePerGas', transaction.maxPriorityFeePerGas)}
        </dl>`,
        t,
      )}`;
  }

  private actionFacts(action: ActionView, t: Translator) {
    const address = (label: MessageKey, value: string) =>
      fact(t(label), checksumAddress(value), 'mono');
    const token = (reference: { token: string; tokenSymbol?: string }) =>
      fact(
        t('approval.fact.token'),
        withAddress(reference.tokenSymbol ?? t('approval.fact.unknownToken'), reference.token),
      );
    const reference = (value: string | undefined) =>
      value === undefined ? nothing : fact(t('approval.fact.reference'), value, 'mono');
    switch (action.kind) {
      case 'native-transfer':
        return address('approval.fact.to', action.to);
      case 'erc20-transfer':
        return html`${address('approval.fact.to', action.to)} ${token(action)}
        ${reference(action.reference)}`;
      case 'erc20-approve':
      case 'erc20-increase-allowance':
        return html`${address('approval.fact.spender', action.spender)} ${token(action)}
        ${reference(action.reference)}`;
      case 'erc20-transfer-from':
        return html`${address('approval.fact.from', action.from)}
        ${address('approval.fact.to', action.to)} ${token(action)} ${reference(action.reference)}`;
      case 'deploy':
        return fact(
          t('approval.fact.codeSize'),
          t('approval.fact.bytes', { size: action.dataSize }),
        );
      case 'contract-call':
        return html`${address('approval.fact.contract', action.to)}
        ${action.selector === undefined ? nothing : fact(t('approval.fact.selector'), action.selector, 'mono')}`;
    }
  }

  private renderTypedData(
    details: Extract<ApprovalDetails, { kind: 'sign-typed-data' }>,
    t: Translator,
  ) {
    const { view } = details;
    const { domain } = view;
    const signingFor =
      domain.name === undefined
        ? ''
        : domain.version === undefined
          ? domain.name
          : t('approval.fact.signingForVersion', { name: domain.name, version: domain.version });
    let message: unknown;
    try {
      const parsed = JSON.parse(details.json) as unknown;
      message =
        typeof parsed === 'object' && parsed !== null && 'message' in parsed
          ? parsed.message
          : parsed;
    } catch {
      message = undefined;
    }
    return html`<dl class="facts">
        ${this.accountFact(details.from, t)}
        ${details.chainId === undefined ? nothing : fact(t('approval.fact.chainId'), String(details.chainId))}
        ${signingFor === '' ? nothing : fact(t('approval.fact.signingFor'), signingFor)}
        ${
          domain.verifyingContract === undefined
            ? nothing
            : fact(t('approval.fact.contract'), checksumAddress(domain.verifyingContract), 'mono')
        }
        ${
          view.kind === 'generic'
            ? view.primaryType === undefined
              ? nothing
              : fact(t('approval.fact.type'), view.primaryType, 'mono')
            : html`${fact(t('approval.fact.spender'), checksumAddress(view.spender), 'mono')}
              ${view.allowances.map((allowance) =>
                fact(
                  t('approval.fact.allowance'),
                  withAddress(formatTokenAmount(allowance, t, this.locale), allowance.token),
                ),
              )}
              ${fact(
                t('approval.fact.deadline'),
                (view.deadline === undefined
                  ? undefined
                  : formatUnixTime(view.deadline, this.locale)) ?? t('approval.fact.noDeadline'),
              )}`
        }
      </dl>
      ${
        view.kind === 'generic' && message !== undefined
          ? html`<h3 class="box-title">${t('approval.fact.message')}</h3>
              <tp-data-tree class="box" locale=${this.locale} .value=${message}></tp-data-tree>`
          : nothing
      }
      ${this.renderRaw(html`<pre>${details.json}</pre>`, t)}`;
  }

  private accountFact(address: string, t: Translator) {
    const name = this.accountNames.get(address.toLowerCase());
    const checksummed = checksumAddress(address);
    return html`<div class="fact">
      <dt>${t('approval.fact.account')}</dt>
      <dd title=${checksummed}>
        ${
          name === undefined
            ? html`<span class="mono">${checksummed}</span>`
            : html`${name} <span class="mono faint">${shortenAddress(address)}</span>`
        }
      </dd>
    </div>`;
  }

  private renderRaw(content: TemplateResult, t: Translator) {
    return html`<div class="raw">
      <button
        class="ghost"
        data-testid="approval-raw-toggle"
        aria-expanded=${this.isRawOpen ? 'true' : 'false'}
        aria-controls="approval-raw"
        @click=${() => {
          this.isRawOpen = !this.isRawOpen;
        }}
      >
        ${this.isRawOpen ? t('approval.raw.hide') : t('approval.raw.show')}
      </button>
      ${
        this.isRawOpen
          ? html`<div id="approval-raw" class="box mono" data-testid="approval-raw">
              ${content}
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderFooter(request: ApprovalRequest, t: Translator) {
    const { kind } = request.details;
    const remainingMs = request.expiresAt - this.now;
    const isExpired = remainingMs <= 0;
    const isMalformed =
      request.details.kind === 'sign-typed-data' &&
      request.details.view.kind === 'generic' &&
      !request.details.view.isWellFormed;
    const canApprove =
      !this.isBusy &&
      !isExpired &&
      !isMalformed &&
      (kind !== 'connect' || this.chosenAccounts.size > 0);
    // The unlock form is the main action there: its Reject follows it instead of sitting on top.
    return html`<footer class=${kind === 'unlock' ? 'inline' : ''}>
      ${
        this.error === undefined
          ? nothing
          : html`<p class="notice error" role="alert" data-testid="approval-error">
              ${describeError(this.error, t, this.locale)}
            </p>`
      }
      <p
        class="expires ${!isExpired && remainingMs < hurryMs ? 'hurry' : ''}"
        data-testid="approval-expires"
      >
        ${
          isExpired
            ? t('approval.expired')
            : t('approval.expiresIn', { time: formatCountdown(remainingMs) })
        }
      </p>
      <div class="actions">
        <button
          class="secondary"
          data-testid="approval-reject"
          ?disabled=${this.isBusy}
          @click=${() => {
            this.decide({ approved: false });
          }}
        >
          ${kind === 'connect' ? t('common.cancel') : t('approval.reject')}
        </button>
        ${
          kind === 'unlock'
            ? nothing
            : html`<button
                class="primary"
                data-testid="approval-approve"
                ?disabled=${!canApprove}
                @click=${() => {
                  this.decide(
                    kind === 'connect'
                      ? { approved: true, accounts: this.chosenAccountsInOrder() }
                      : { approved: true },
                  );
                }}
              >
                ${
                  this.isBusy
                    ? html`<span class="spinner" aria-hidden="true"></span>${t('approval.busy')}`
                    : t(approveLabels[kind])
                }
              </button>`
        }
      </div>
    </footer>`;
  }

  /** The chosen accounts in the wallet's order, so the site's first account is the first listed. */
  private chosenAccountsInOrder(): `0x${string}`[] {
    const details = this.request?.details;
    if (details?.kind !== 'connect') return [];
    return details.accounts
      .map((account) => account.address)
      .filter((address) => this.chosenAccounts.has(address));
  }

  private decide(decision: ApprovalDecision): void {
    const request = this.request;
    if (request === undefined || this.isBusy) return;
    emit(this, 'tp-decide', { id: request.id, decision } satisfies DecideDetail);
  }
}

function fact(
  label: string,
  value: string | TemplateResult,
  style: 'mono' | 'strong' | '' = '',
  testId?: string,
): TemplateResult {
  return html`<div class="fact">
    <dt>${label}</dt>
    <dd class=${style} data-testid=${testId ?? nothing}>${value}</dd>
  </div>`;
}

function rawField(name: string, value: string): TemplateResult {
  return html`<div class="raw-field">
    <dt>${name}</dt>
    <dd>${value}</dd>
  </div>`;
}

/** A name with the full address it stands for below it (a token, an allowance). */
function withAddress(name: string, address: string): TemplateResult {
  return html`<span class="named">${name}</span>
    <span class="mono faint address">${checksumAddress(address)}</span>`;
}
