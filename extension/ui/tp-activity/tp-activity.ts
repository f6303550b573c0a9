import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { knownNetworks } from '../../../shared/chains/networks.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, MessageKey, Translator } from '../../../shared/i18n/index.ts';
import type {
  ActivityEntryView,
  ActivityStatus,
  PolicyActionName,
} from '../../../shared/protocol/policyMessages.ts';
import type { WalletNetworkView } from '../../../shared/protocol/walletUiMessages.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { describeDecisionReasons } from '../policy/describeDecisionReasons.ts';
import { explorerTransactionUrl } from '../policy/explorerTransactionUrl.ts';
import { formatActivityTime } from '../policy/formatActivityTime.ts';
import { formatUnitAmount } from '../policy/formatUnitAmount.ts';
import { policyStyles } from '../policy/policy.styles.ts';
import { externalLinkIcon } from '../policy/policyIcons.ts';
import { actionLabels, statusLabels } from '../policy/policyLabels.ts';
import { renderBackHeader } from '../renderBackHeader.ts';
import { shortenAddress } from '../shortenAddress.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import type { OpenPageDetail } from '../tp-popup/popupScreen.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { activityStyles } from './tp-activity.styles.ts';

type ListState =
  | { readonly phase: 'loading' }
  | {
      readonly phase: 'ready';
      readonly entries: readonly ActivityEntryView[];
      readonly hasMore: boolean;
    }
  | { readonly phase: 'error'; readonly error: unknown };

type MoreState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy' }
  | { readonly phase: 'error'; readonly error: unknown };

/** Entries per page (the worker allows up to 200). */
const pageSize = 50;
/** While a transaction is pending, the list re-reads its first page this often. */
const pendingRefreshMs = 4_000;

const decisionTones: Readonly<Record<PolicyActionName, string>> = {
  auto: 'accent',
  confirm: '',
  'step-up': 'warning',
  block: 'danger',
};
const statusTones: Readonly<Record<ActivityStatus, string>> = {
  pending: '',
  confirmed: 'success',
  signed: 'success',
  granted: 'success',
  reverted: 'danger',
  failed: 'danger',
  dropped: 'danger',
  blocked: 'danger',
  replaced: '',
  rejected: '',
};
/** A transaction that ended so: the ledger gave its reservation back. */
const releasedStatuses: ReadonlySet<ActivityStatus> = new Set(['reverted', 'failed', 'dropped']);

/**
 * The "Activity" page: every payment, signature and permission request, newest first, with its
 * site (full origin), what it was and how much, the policy's decision with the rules behind it,
 * the transaction's status and, on a chain the wallet ships with, a link to its explorer. It can
 * be narrowed to one site; older entries load on request; pending ones refresh by themselves.
 *
 * Test hooks: `activity-back`, `activity-loading`, `activity-error`, `activity-retry`,
 * `activity-filter`, `activity-empty`, `activity-entry` (`data-kind`, `data-status`,
 * `data-action`, `data-origin`), `activity-what`, `activity-amount`, `activity-decision`,
 * `activity-status`, `activity-reason`, `activity-explorer`, `activity-hash`, `activity-more`.
 *
 * @event tp-back - The user left the page.
 * @event tp-open-page - The user opened a site's settings from an entry: `{ page: 'sites', origin }`.
 */
export class TpActivity extends LitElement {
  static override styles = [controlStyles, policyStyles, activityStyles];

  @property() locale: Locale = 'en';
  /** Only this site's entries; empty for every site. */
  @property() origin = '';
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private listState: ListState = { phase: 'loading' };
  @state() private moreState: MoreState = { phase: 'idle' };
  /** The sites the filter offers (from the "Sites" overview). */
  @state() private knownOrigins: readonly string[] = [];
  /** The wallet's networks (with those sites added), for explorer links. */
  @state() private networks: readonly WalletNetworkView[] = knownNetworks;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadOrigins();
    this.refreshTimer = setInterval(() => {
      if (this.hasPending()) void this.loadEntries({ isQuiet: true });
    }, pendingRefreshMs);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.refreshTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('origin')) void this.loadEntries();
  }

  override render() {
    const t = createTranslator(this.locale);
    return html`
      ${renderBackHeader({
        host: this,
        title: t('activity.title'),
        backLabel: t('common.back'),
        backTestId: 'activity-back',
      })}
      ${this.renderFilter(t)} ${this.renderList(t)}
    `;
  }

  private renderFilter(t: Translator) {
    const origins =
      this.origin === '' || this.knownOrigins.includes(this.origin)
        ? this.knownOrigins
        : [this.origin, ...this.knownOrigins];
    return html`
      <div class="filter">
        <label for="activity-filter">${t('activity.filter')}</label>
        <select
          id="activity-filter"
          data-testid="activity-filter"
          @change=${(event: Event) => {
            this.origin = (event.target as HTMLSelectElement).value;
          }}
        >
          <option value="" ?selected=${this.origin === ''}>${t('activity.filterAll')}</option>
          ${origins.map(
            (origin) =>
              html`<option value=${origin} ?selected=${origin === this.origin}>${origin}</option>`,
          )}
        </select>
      </div>
    `;
  }

  private renderList(t: Translator) {
    const current = this.listState;
    switch (current.phase) {
      case 'loading':
        return html`<p class="status" role="status" data-testid="activity-loading">
          <span class="spinner" aria-hidden="true"></span>${t('activity.loading')}
        </p>`;
      case 'error':
        return html`<p class="notice error" role="alert" data-testid="activity-error">
            ${describeError(current.error, t, this.locale)}
          </p>
          <button
            class="secondary block"
            data-testid="activity-retry"
            @click=${() => void this.loadEntries()}
          >
            ${t('common.retry')}
          </button>`;
      case 'ready': {
        if (current.entries.length === 0) {
          return html`<p class="empty" data-testid="activity-empty">
            ${this.origin === '' ? t('activity.empty') : t('activity.emptyForSite')}
          </p>`;
        }
        const now = this.now().getTime();
        return html`
          <ul class="entries" aria-label=${t('activity.title')}>
            ${current.entries.map((entry) => this.renderEntry(entry, now, t))}
          </ul>
          ${
            this.moreState.phase === 'error'
              ? html`<p class="notice error" role="alert">
                  ${describeError(this.moreState.error, t, this.locale)}
                </p>`
              : nothing
          }
          ${
            current.hasMore
              ? html`<button
                  class="secondary block"
                  data-testid="activity-more"
                  aria-busy=${this.moreState.phase === 'busy' ? 'true' : 'false'}
                  @click=${() => void this.loadMore()}
                >
                  ${
                    this.moreState.phase === 'busy'
                      ? html`<span class="spinner" aria-hidden="true"></span>`
                      : nothing
                  }${t('activity.loadMore')}
                </button>`
              : nothing
          }
        `;
      }
    }
  }

  private renderEntry(entry: ActivityEntryView, now: number, t: Translator) {
    const time = formatActivityTime({ time: entry.createdAt, now, locale: this.locale });
    const decision = entry.decision;
    const amount = this.describeAmount(entry, t);
    const fiat =
      decision.totalFiat === undefined || decision.spends.length === 0
        ? undefined
        : formatUnitAmount({
            amount: decision.totalFiat,
            unit: {
              kind: 'fiat',
              currency: decision.currency,
              decimals: decision.currencyDecimals,
            },
            locale: this.locale,
            t,
          });
    const reasons = describeDecisionReasons(decision, t, this.locale);
    const hash = entry.transactionHashes?.at(-1);
    const explorerUrl =
      hash === undefined ? undefined : explorerTransactionUrl(entry.chainId, hash, this.networks);
    const isReleased =
      entry.kind === 'transaction' &&
      decision.spends.length > 0 &&
      releasedStatuses.has(entry.status);
    return html`
      <li
        class="entry"
        data-testid="activity-entry"
        data-kind=${entry.kind}
        data-status=${entry.status}
        data-action=${decision.action}
        data-origin=${entry.origin}
      >
        <div class="entry-top">
          <span class="what" data-testid="activity-what">${t(this.whatKey(entry))}</span>
          <time datetime=${time.iso} title=${time.full}>${time.short}</time>
        </div>
        ${
          amount === undefined
            ? nothing
            : html`<p class="amount" data-testid="activity-amount">
                ${amount}${
                  fiat === undefined
                    ? nothing
                    : html` <span class="fiat">${t('activity.fiatValue', { amount: fiat })}</span>`
                }
              </p>`
        }
        <button
          class="origin entry-origin"
          aria-label=${t('activity.openSite', { origin: entry.origin })}
          @click=${() => {
            emit(this, 'tp-open-page', {
              page: 'sites',
              origin: entry.origin,
            } satisfies OpenPageDetail);
          }}
        >
          ${entry.origin}
        </button>
        <div class="badges">
          <span
            class="badge ${decisionTones[decision.action]}"
            data-testid="activity-decision"
            title=${t('activity.decision')}
            >${t(actionLabels[decision.action])}</span
          >
          ${
            // "Blocked" twice says nothing more: the decision already says it.
            entry.status === 'blocked' && decision.action === 'block'
              ? nothing
              : html`<span
                  class="badge ${statusTones[entry.status]}"
                  data-testid="activity-status"
                  title=${t('activity.status')}
                  >${
                    entry.status === 'pending'
                      ? html`<span class="spinner tiny" aria-hidden="true"></span>`
                      : nothing
                  }${t(statusLabels[entry.status])}</span
                >`
          }
        </div>
        ${
          reasons.length === 0
            ? nothing
            : html`<ul class="reasons">
                ${reasons.map((reason) => html`<li data-testid="activity-reason">${reason}</li>`)}
              </ul>`
        }
        ${
          hash === undefined
            ? nothing
            : explorerUrl === undefined
              ? html`<p class="hash mono" data-testid="activity-hash" title=${hash}>
                  ${t('activity.transaction', { hash: shortenHash(hash) })}
                </p>`
              : html`<a
                  class="explorer"
                  data-testid="activity-explorer"
                  href=${explorerUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  title=${hash}
                  >${t('activity.viewOnExplorer')}${externalLinkIcon}</a
                >`
        }
        ${isReleased ? html`<p class="hint">${t('activity.released')}</p>` : nothing}
        ${entry.error === undefined ? nothing : html`<p class="entry-error">${entry.error}</p>`}
      </li>
    `;
  }

  /** What the entry was: a payment, a token approval, a permit signature, an allowance… */
  private whatKey(entry: ActivityEntryView): MessageKey {
    const kinds = new Set(entry.decision.spends.map((spend) => spend.kind));
    switch (entry.kind) {
      case 'permission':
        return 'activity.kind.permission';
      case 'signature':
        return kinds.has('permit') ? 'activity.kind.permit' : 'activity.kind.signature';
      case 'transaction':
        if (kinds.has('approval')) return 'activity.kind.approval';
        return kinds.size > 0 ? 'activity.kind.payment' : 'activity.kind.transaction';
    }
  }

  /** The amounts the wallet decoded, each in its own token ("12.5 USDC, 0.01 ETH"). */
  private describeAmount(entry: ActivityEntryView, t: Translator): string | undefined {
    if (entry.decision.spends.length === 0) return undefined;
    return entry.decision.spends
      .map((spend) => {
        const unit = { ...spend, kind: 'token' } as const;
        if (spend.isUnlimited) {
          const token =
            spend.symbol ??
            (spend.asset === 'native' ? t('policy.amount.native') : shortenAddress(spend.asset));
          return t('activity.unlimited', { token });
        }
        return formatUnitAmount({ amount: spend.amount, unit, locale: this.locale, t });
      })
      .join(', ');
  }

  private hasPending(): boolean {
    return (
      this.listState.phase === 'ready' &&
      this.listState.entries.some((entry) => entry.status === 'pending')
    );
  }

  private async loadOrigins(): Promise<void> {
    try {
      const overview = await sendWalletRequest('listSites', {});
      this.knownOrigins = overview.sites.map((site) => site.origin);
    } catch {
      // The filter then offers the sites seen in the entries; the list itself reports errors.
      this.knownOrigins = [];
    }
  }

  private async loadEntries({ isQuiet = false }: { isQuiet?: boolean } = {}): Promise<void> {
    const origin = this.origin;
    const current = this.listState;
    if (!isQuiet) {
      this.listState = { phase: 'loading' };
      this.moreState = { phase: 'idle' };
    }
    // A quiet refresh re-reads as many entries as are shown, so a page loaded with "Show older"
    // does not disappear under the user.
    const limit =
      isQuiet && current.phase === 'ready'
        ? Math.min(Math.max(current.entries.length, pageSize), 200)
        : pageSize;
    try {
      const { entries, hasMore, networks } = await sendWalletRequest('listActivity', {
        ...(origin === '' ? {} : { origin }),
        limit,
      });
      if (origin !== this.origin) return;
      this.networks = networks;
      this.listState = { phase: 'ready', entries, hasMore };
      if (origin === '') this.addKnownOrigins(entries);
    } catch (error) {
      if (origin !== this.origin) return;
      if (!isQuiet || this.listState.phase !== 'ready') this.listState = { phase: 'error', error };
    }
  }

  private async loadMore(): Promise<void> {
    const current = this.listState;
    if (current.phase !== 'ready' || this.moreState.phase === 'busy') return;
    const last = current.entries.at(-1);
    if (last === undefined) return;
    const origin = this.origin;
    this.moreState = { phase: 'busy' };
    try {
      const { entries, hasMore } = await sendWalletRequest('listActivity', {
        ...(origin === '' ? {} : { origin }),
        limit: pageSize,
        before: last.createdAt,
      });
      if (origin !== this.origin || this.listState.phase !== 'ready') return;
      const shown = new Set(this.listState.entries.map((entry) => entry.id));
      this.listState = {
        phase: 'ready',
        entries: [...this.listState.entries, ...entries.filter((entry) => !shown.has(entry.id))],
        hasMore,
      };
      this.moreState = { phase: 'idle' };
    } catch (error) {
      this.moreState = { phase: 'error', error };
    }
  }

  private addKnownOrigins(entries: readonly ActivityEntryView[]): void {
    const origins = new Set(this.knownOrigins);
    for (const entry of entries) origins.add(entry.origin);
    if (origins.size !== this.knownOrigins.length) this.knownOrigins = [...origins];
  }
}

/** `0x1234…abcd`: a transaction hash too long for one line of the popup. */
function shortenHash(hash: string): string {
  return `${hash.slice(0, 10)}…${hash.slice(-6)}`;
}
