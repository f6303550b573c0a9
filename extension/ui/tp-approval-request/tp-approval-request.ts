import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, MessageKey, Translator } from '../../../shared/i18n/index.ts';
import { formatAmount, parseAmount } from '../../../shared/money/index.ts';
import type { ActionView } from '../../../shared/protocol/ActionView.ts';
import type {
  ApprovalDecision,
  ApprovalDetails,
  ApprovalKind,
  ApprovalRequest,
  GrantRequestView,
  PolicyPromptView,
} from '../../../shared/protocol/approvalMessages.ts';
import { describeGrantRequest } from '../approval/describeGrantRequest.ts';
import { describePolicyPrompt } from '../approval/describePolicyPrompt.ts';
import { describeRenewal } from '../approval/describeRenewal.ts';
import { formatUnitAmount } from '../policy/formatUnitAmount.ts';
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
  'grant-permissions': 'approval.kind.grantPermissions',
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
  'grant-permissions': 'approval.approve.grantPermissions',
};

/** What the user typed for one grant: the amount in whole tokens, the last day (yyyy-mm-dd). */
type GrantEdit = { readonly amount: string; readonly endDate: string };
/** For an unlimited approval: capped (with the amount in whole tokens) or left unlimited. */
type ApprovalCap = { readonly isCapped: boolean; readonly amount: string };

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
  /** Step-up passwords by request id (dropped once decided). */
  @state() private passwords: ReadonlyMap<string, string> = new Map();
  @state() private approvalCaps: ReadonlyMap<string, ApprovalCap> = new Map();
  @state() private grantEdits: ReadonlyMap<string, readonly GrantEdit[]> = new Map();
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
          <p class="kind">
            ${t(
              details.kind === 'send-transaction' && details.renewal !== undefined
                ? 'approval.kind.subscriptionRenewal'
                : kindLabels[details.kind],
            )}
          </p>
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
        return html`${this.renderRenewal(details, t)} ${this.renderPolicy(details.policy, t)}
        ${this.renderTransaction(details, t)}`;
      case 'grant-permissions':
        return this.renderGrants(details, t);
      case 'sign-message':
        return html`${this.renderPolicy(details.policy, t)}
          <dl class="facts">${this.accountFact(details.from, t)}</dl>
          <h3 class="box-title">${t('approval.fact.message')}</h3>
          <pre
            class="box ${details.text === undefined ? 'mono' : ''}"
            data-testid="approval-message"
          >
${details.text ?? details.hex}</pre>
          ${details.text === undefined ? nothing : this.renderRaw(html`<pre>${details.hex}</pre>`, t)}`;
      case 'sign-typed-data':
        return html`${this.renderPolicy(details.policy, t)} ${this.renderTypedData(details, t)}`;
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

  /** A renewal the wallet's scheduler pays: which subscription, which period, due when. */
  private renderRenewal(
    details: Extract<ApprovalDetails, { kind: 'send-transaction' }>,
    t: Translator,
  ) {
    const { renewal } = details;
    const request = this.request;
    if (renewal === undefined || request === undefined) return nothing;
    const { title, plan } = describeRenewal(renewal, {
      t,
      locale: this.locale,
      origin: request.origin,
    });
    return html`<section class="renewal" data-testid="approval-renewal">
      <p class="renewal-title" data-testid="approval-renewal-title">${title}</p>
      ${plan === undefined ? nothing : html`<p class="hint" data-testid="approval-renewal-plan">${plan}</p>`}
    </section>`;
  }

  /** The policy's reasons, the caps left, the lowered approval and the step-up password. */
  private renderPolicy(policy: PolicyPromptView | undefined, t: Translator) {
    const request = this.request;
    if (policy === undefined || request === undefined) return nothing;
    const site = readOrigin(request.origin).hostname;
    const { reasons, usage } = describePolicyPrompt({
      prompt: policy,
      site,
      t,
      locale: this.locale,
    });
    const { totalFiat, currency, currencyDecimals } = policy.decision;
    const password = this.passwords.get(request.id) ?? '';
    return html`<section
      class="policy ${policy.requiresPassword ? 'step-up' : ''}"
      data-testid="approval-policy"
      data-action=${policy.decision.action}
      aria-labelledby="approval-policy-title"
    >
      <h3 id="approval-policy-title" class="box-title">${t('approval.policy.title')}</h3>
      <ul class="reasons">
        ${reasons.map((reason) => html`<li data-testid="approval-policy-reason">${reason}</li>`)}
      </ul>
      ${
        usage.length === 0
          ? nothing
          : html`<h3 class="box-title">${t('approval.policy.usageTitle')}</h3>
              <ul class="usage">
                ${usage.map((line) => html`<li data-testid="approval-policy-usage">${line}</li>`)}
              </ul>`
      }
      ${
        totalFiat === undefined || policy.decision.spends.some((spend) => spend.isUnlimited)
          ? nothing
          : html`<p class="worth" data-testid="approval-policy-worth">
              ${t('approval.policy.worth', {
                amount: formatUnitAmount({
                  amount: totalFiat,
                  unit: { kind: 'fiat', currency, decimals: currencyDecimals },
                  locale: this.locale,
                  t,
                }),
              })}
            </p>`
      }
      ${policy.unlimitedApproval === undefined ? nothing : this.renderApprovalCap(policy, t)}
      ${
        policy.requiresPassword
          ? html`<label class="password" for="approval-password"
                >${t('approval.policy.password')}</label
              >
              <input
                id="approval-password"
                type="password"
                autocomplete="current-password"
                data-testid="approval-password"
                aria-describedby="approval-password-hint"
                .value=${password}
                ?disabled=${this.isBusy}
                @input=${(event: Event) => {
                  this.passwords = new Map(this.passwords).set(
                    request.id,
                    (event.target as HTMLInputElement).value,
                  );
                }}
              />
              <p id="approval-password-hint" class="hint">${t('approval.policy.passwordHint')}</p>`
          : nothing
      }
    </section>`;
  }

  /** The cap the user may lower an unlimited approval to (on by default: the safer choice). */
  private approvalCap(policy: PolicyPromptView): ApprovalCap {
    const request = this.request;
    const chosen = request === undefined ? undefined : this.approvalCaps.get(request.id);
    if (chosen !== undefined) return chosen;
    const suggested = policy.unlimitedApproval?.suggestedAmount ?? '0';
    const decimals = policy.unlimitedApproval?.token.decimals;
    return {
      isCapped: true,
      amount:
        decimals === undefined
          ? suggested
          : formatAmount(BigInt(suggested), { kind: 'crypto', symbol: 'X', decimals }),
    };
  }

  private renderApprovalCap(policy: PolicyPromptView, t: Translator) {
    const request = this.request;
    const unlimited = policy.unlimitedApproval;
    if (request === undefined || unlimited === undefined) return nothing;
    const cap = this.approvalCap(policy);
    const set = (next: ApprovalCap) => {
      this.approvalCaps = new Map(this.approvalCaps).set(request.id, next);
    };
    const isInvalid = cap.isCapped && this.cappedAmount(policy) === undefined;
    const symbol = unlimited.token.symbol ?? shortenAddress(unlimited.token.asset);
    return html`<fieldset class="cap" data-testid="approval-cap">
      <legend>${t('approval.policy.lower.title')}</legend>
      <label class="choice">
        <input
          type="radio"
          name="approval-cap"
          data-testid="approval-cap-capped"
          .checked=${cap.isCapped}
          ?disabled=${this.isBusy}
          @change=${() => {
            set({ ...cap, isCapped: true });
          }}
        />
        ${t('approval.policy.lower.capped')}
        <input
          class="cap-amount"
          inputmode="decimal"
          data-testid="approval-cap-amount"
          aria-label=${t('approval.grant.amountLabel', { token: symbol })}
          aria-invalid=${isInvalid ? 'true' : 'false'}
          .value=${cap.amount}
          ?disabled=${this.isBusy || !cap.isCapped}
          @input=${(event: Event) => {
            set({ isCapped: true, amount: (event.target as HTMLInputElement).value.trim() });
          }}
        />
        <span>${symbol}</span>
      </label>
      <label class="choice">
        <input
          type="radio"
          name="approval-cap"
          data-testid="approval-cap-unlimited"
          .checked=${!cap.isCapped}
          ?disabled=${this.isBusy}
          @change=${() => {
            set({ ...cap, isCapped: false });
          }}
        />
        ${t('approval.policy.lower.unlimited')}
      </label>
      ${
        isInvalid
          ? html`<p class="notice error" role="alert">${t('approval.policy.lower.invalid')}</p>`
          : nothing
      }
    </fieldset>`;
  }

  /** The capped amount in base units, or undefined when the text is not a valid amount. */
  private cappedAmount(policy: PolicyPromptView): bigint | undefined {
    const cap = this.approvalCap(policy);
    const decimals = policy.unlimitedApproval?.token.decimals;
    try {
      const value =
        decimals === undefined
          ? /^[0-9]{1,78}$/.test(cap.amount)
            ? BigInt(cap.amount)
            : undefined
          : parseAmount(cap.amount, { kind: 'crypto', symbol: 'X', decimals });
      return value !== undefined && value > 0n ? value : undefined;
    } catch {
      return undefined;
    }
  }

  private renderGrants(
    details: Extract<ApprovalDetails, { kind: 'grant-permissions' }>,
    t: Translator,
  ) {
    const request = this.request;
    if (request === undefined) return nothing;
    const site = readOrigin(request.origin).hostname;
    const edits = this.grantEditsFor(details);
    return html`<dl class="facts">${this.accountFact(details.from, t)}</dl>
      ${details.permissions.map((permission, index) => {
        const edit = edits[index] ?? { amount: '', endDate: '' };
        const amount = this.grantAmount(permission, edit);
        const endTime = this.grantEndTime(permission, edit);
        const shown = {
          ...permission,
          amount: amount?.toString() ?? permission.amount,
          ...(endTime === null || endTime === undefined ? {} : { endTime }),
        };
        const symbol = permission.token.symbol ?? shortenAddress(permission.token.asset);
        const setEdit = (next: GrantEdit) => {
          const all = [...edits];
          all[index] = next;
          this.grantEdits = new Map(this.grantEdits).set(request.id, all);
        };
        return html`<section class="grant" data-testid="approval-grant">
          <p class="grant-sentence" data-testid="approval-grant-sentence">
            ${describeGrantRequest({ grant: shown, site, t, locale: this.locale })}
          </p>
          <dl class="facts">
            ${fact(t('approval.grant.recipient'), checksumAddress(permission.recipient), 'mono')}
            ${fact(t('approval.grant.type'), permission.permissionType, 'mono')}
            ${fact(
              t('approval.grant.starts'),
              formatUnixTime(String(permission.startTime), this.locale) ?? '—',
            )}
          </dl>
          ${
            permission.justification === undefined
              ? nothing
              : html`<p class="site-says">
                  ${t('approval.grant.siteSays', { text: permission.justification })}
                </p>`
          }
          ${
            permission.isAdjustmentAllowed
              ? html`<div class="grant-edit">
                  <label for="grant-amount-${index}"
                    >${t('approval.grant.amountLabel', { token: symbol })}</label
                  >
                  <input
                    id="grant-amount-${index}"
                    inputmode="decimal"
                    data-testid="approval-grant-amount"
                    aria-invalid=${amount === undefined ? 'true' : 'false'}
                    .value=${edit.amount}
                    ?disabled=${this.isBusy}
                    @input=${(event: Event) => {
                      setEdit({ ...edit, amount: (event.target as HTMLInputElement).value.trim() });
                    }}
                  />
                  ${
                    amount === undefined
                      ? html`<p class="notice error" role="alert">
                          ${t('approval.grant.amountInvalid', {
                            max: formatUnitAmount({
                              amount: permission.amount,
                              unit: { kind: 'token', ...permission.token },
                              locale: this.locale,
                              t,
                            }),
                          })}
                        </p>`
                      : nothing
                  }
                  <label for="grant-end-${index}">${t('approval.grant.expiryLabel')}</label>
                  <input
                    id="grant-end-${index}"
                    type="date"
                    data-testid="approval-grant-end"
                    aria-invalid=${endTime === null ? 'true' : 'false'}
                    .value=${edit.endDate}
                    ?disabled=${this.isBusy}
                    @input=${(event: Event) => {
                      setEdit({ ...edit, endDate: (event.target as HTMLInputElement).value });
                    }}
                  />
                  ${
                    endTime === null
                      ? html`<p class="notice error" role="alert">
                          ${t('approval.grant.expiryInvalid')}
                        </p>`
                      : nothing
                  }
                  <p class="hint">${t('approval.grant.adjustHint')}</p>
                </div>`
              : html`<p class="hint">${t('approval.grant.notAdjustable')}</p>`
          }
        </section>`;
      })}
      <p class="notice warning" data-testid="approval-grant-warning">
        ${t('approval.grant.warning')}
      </p>`;
  }

  /** The edits per grant, starting from what the site asked for. */
  private grantEditsFor(
    details: Extract<ApprovalDetails, { kind: 'grant-permissions' }>,
  ): readonly GrantEdit[] {
    const request = this.request;
    const stored = request === undefined ? undefined : this.grantEdits.get(request.id);
    if (stored !== undefined) return stored;
    return details.permissions.map((permission) => ({
      amount:
        permission.token.decimals === undefined
          ? permission.amount
          : formatAmount(BigInt(permission.amount), {
              kind: 'crypto',
              symbol: 'X',
              decimals: permission.token.decimals,
            }),
      endDate:
        permission.endTime === undefined ? '' : toDateInput(new Date(permission.endTime * 1000)),
    }));
  }

  /** Base units the user gives: above 0, at most what was asked; undefined when invalid. */
  private grantAmount(permission: GrantRequestView, edit: GrantEdit): bigint | undefined {
    if (!permission.isAdjustmentAllowed) return BigInt(permission.amount);
    try {
      const { decimals } = permission.token;
      const value =
        decimals === undefined
          ? /^[0-9]{1,78}$/.test(edit.amount)
            ? BigInt(edit.amount)
            : undefined
          : parseAmount(edit.amount, { kind: 'crypto', symbol: 'X', decimals });
      return value !== undefined && value > 0n && value <= BigInt(permission.amount)
        ? value
        : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The end the user gives (unix seconds): the end of the chosen day, never later than the
   * site's own expiry; undefined for none; null when the day is in the past or too late.
   */
  private grantEndTime(permission: GrantRequestView, edit: GrantEdit): number | undefined | null {
    if (!permission.isAdjustmentAllowed || edit.endDate === '') return permission.endTime;
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(edit.endDate);
    if (day === null) return null;
    const [, year, month, date] = day;
    const endOfDay = Math.floor(
      new Date(Number(year), Number(month) - 1, Number(date) + 1).getTime() / 1000,
    );
    const end =
      permission.endTime === undefined ? endOfDay : Math.min(endOfDay, permission.endTime);
    return end <= Math.max(permission.startTime, Math.floor(this.now / 1000)) ? null : end;
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
      (kind !== 'connect' || this.chosenAccounts.size > 0) &&
      this.policyAnswer(request) !== undefined;
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
                      : { approved: true, ...this.policyAnswer(request) },
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

  /**
   * What the policy parts of the window add to an approval (the step-up password, the lowered
   * approval, the grants as given); undefined while something is missing or invalid.
   */
  private policyAnswer(
    request: ApprovalRequest,
  ): Omit<Extract<ApprovalDecision, { approved: true }>, 'approved'> | undefined {
    const { details } = request;
    if (details.kind === 'grant-permissions') {
      const edits = this.grantEditsFor(details);
      const grants: { amount: string; endTime?: number }[] = [];
      for (const [index, permission] of details.permissions.entries()) {
        const edit = edits[index] ?? { amount: '', endDate: '' };
        const amount = this.grantAmount(permission, edit);
        const endTime = this.grantEndTime(permission, edit);
        if (amount === undefined || endTime === null) return undefined;
        grants.push({ amount: amount.toString(), ...(endTime === undefined ? {} : { endTime }) });
      }
      return { grants };
    }
    const policy = 'policy' in details ? details.policy : undefined;
    if (policy === undefined) return {};
    const password = this.passwords.get(request.id) ?? '';
    if (policy.requiresPassword && password.length === 0) return undefined;
    let approvalAmount: string | undefined;
    if (policy.unlimitedApproval !== undefined && this.approvalCap(policy).isCapped) {
      const capped = this.cappedAmount(policy);
      if (capped === undefined) return undefined;
      approvalAmount = capped.toString();
    }
    return {
      ...(policy.requiresPassword ? { password } : {}),
      ...(approvalAmount === undefined ? {} : { approvalAmount }),
    };
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

/** yyyy-mm-dd of a date in the user's time zone, for `<input type="date">`. */
function toDateInput(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
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
