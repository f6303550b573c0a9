import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import type { ApprovalRequest } from '../../../shared/protocol/approvalMessages.ts';
import type { WalletStatus } from '../../../shared/protocol/walletUiMessages.ts';
import { walletIcon, walletName } from '../../inpage/walletInfo.ts';
import { pickApprovalIndex } from '../approval/pickApprovalIndex.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { backIcon } from '../theme/icons.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { tokenStyles } from '../theme/tokens.styles.ts';
import type { DecideDetail } from '../tp-approval-request/tp-approval-request.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { approvalStyles } from './tp-approval.styles.ts';

type QueueState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly approvals: readonly ApprovalRequest[] }
  | { readonly phase: 'error'; readonly error: unknown };

/** How often the open window re-reads the queue (and ticks the countdown). */
const pollMs = 1000;

/**
 * The approval window (a 400 × 640 popup the worker opens): the queue of site requests from the
 * worker, one shown in full with "1 of N" and next / previous, re-read every second and whenever
 * the window gets focus. The decision goes to the worker (`resolveApproval`); closing the window
 * rejects what is left (the worker watches for that). Every state is rendered: loading, the
 * worker not answering (with a retry; polling goes on), an empty queue, a request.
 *
 * Test hooks: `approval-loading`, `approval-load-error`, `approval-retry`, `approval-empty`,
 * `approval-position`, `approval-previous`, `approval-next`; the request's own hooks are listed
 * on tp-approval-request.
 *
 * @event tp-approvals-done - The queue is empty: nothing is left to decide (the page closes).
 * @cssproperty --tp-color-accent - Accent (buttons); every token is in theme/tokens.styles.ts.
 * @cssproperty --tp-color-surface - Background.
 * @cssproperty --tp-color-text - Main text colour.
 */
/** How long the queue stays empty before the window gives up and closes. */
const emptyGraceMs = 2_000;

export class TpApproval extends LitElement {
  static override styles = [tokenStyles, controlStyles, approvalStyles];

  @property() locale: Locale = 'en';

  @state() private queue: QueueState = { phase: 'loading' };
  @state() private index = 0;
  @state() private now = Date.now();
  /** The request whose decision is on its way to the worker. */
  @state() private decidingId: string | undefined;
  @state() private decideError: { readonly id: string; readonly error: unknown } | undefined;
  @state() private accountNames: ReadonlyMap<string, string> = new Map();
  @state() private walletStatus: WalletStatus | undefined;

  private timer: ReturnType<typeof setInterval> | undefined;
  private isPolling = false;
  private emptySince: number | undefined;
  /** A poll was asked for while one was running: run another after it. */
  private isPollQueued = false;
  /** Decided here; hidden even if a list read before the decision still has them. */
  private readonly settledIds = new Set<string>();
  private hasAccountNames = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.poll();
    this.timer = setInterval(() => {
      this.now = Date.now();
      void this.poll();
    }, pollMs);
    window.addEventListener('focus', this.onFocus);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    window.removeEventListener('focus', this.onFocus);
  }

  override render() {
    const t = createTranslator(this.locale);
    const approvals = this.queue.phase === 'ready' ? this.queue.approvals : [];
    return html`
      <header>
        <img src=${walletIcon} alt="" />
        <h1>${walletName}</h1>
        ${approvals.length > 0 ? this.renderPosition(approvals.length, t) : nothing}
      </header>
      <main>${this.renderMain(approvals, t)}</main>
    `;
  }

  private renderPosition(total: number, t: Translator) {
    const position = html`<span class="position" data-testid="approval-position" aria-live="polite"
      >${t('approval.position', { position: this.index + 1, total })}</span
    >`;
    if (total === 1) return position;
    return html`<nav class="pager" aria-label=${t('approval.queue')}>
      <button
        class="icon-button"
        data-testid="approval-previous"
        aria-label=${t('approval.previous')}
        title=${t('approval.previous')}
        ?disabled=${this.index === 0}
        @click=${() => {
          this.show(this.index - 1);
        }}
      >
        ${backIcon}
      </button>
      ${position}
      <button
        class="icon-button next"
        data-testid="approval-next"
        aria-label=${t('approval.next')}
        title=${t('approval.next')}
        ?disabled=${this.index >= total - 1}
        @click=${() => {
          this.show(this.index + 1);
        }}
      >
        ${backIcon}
      </button>
    </nav>`;
  }

  private renderMain(approvals: readonly ApprovalRequest[], t: Translator) {
    switch (this.queue.phase) {
      case 'loading':
        return html`<p class="centered muted" role="status" data-testid="approval-loading">
          <span class="spinner" aria-hidden="true"></span>${t('approval.loading')}
        </p>`;
      case 'error':
        return html`<div class="centered">
          <p class="notice error" role="alert" data-testid="approval-load-error">
            ${describeError(this.queue.error, t, this.locale)}
          </p>
          <button class="secondary" data-testid="approval-retry" @click=${() => void this.poll()}>
            ${t('common.retry')}
          </button>
        </div>`;
      case 'ready': {
        const request = approvals[this.index];
        if (request === undefined) {
          return html`<p class="centered muted" role="status" data-testid="approval-empty">
            ${t('approval.empty')}
          </p>`;
        }
        return html`<tp-approval-request
          .request=${request}
          locale=${this.locale}
          .accountNames=${this.accountNames}
          .now=${this.now}
          .walletStatus=${this.walletStatus}
          .isBusy=${this.decidingId === request.id}
          .error=${this.decideError?.id === request.id ? this.decideError.error : undefined}
          @tp-decide=${this.onDecide}
          @tp-unlocked=${() => void this.poll()}
        ></tp-approval-request>`;
      }
    }
  }

  private show(index: number): void {
    const approvals = this.queue.phase === 'ready' ? this.queue.approvals : [];
    this.index = Math.min(Math.max(0, index), Math.max(0, approvals.length - 1));
  }

  private readonly onFocus = (): void => {
    void this.poll();
  };

  private async poll(): Promise<void> {
    if (this.isPolling) {
      this.isPollQueued = true;
      return;
    }
    this.isPolling = true;
    try {
      const { approvals } = await sendWalletRequest('listApprovals', {});
      for (const id of this.settledIds) {
        if (!approvals.some((approval) => approval.id === id)) this.settledIds.delete(id);
      }
      this.showApprovals(approvals);
      await this.loadContext(approvals);
    } catch (error) {
      this.queue = { phase: 'error', error };
    } finally {
      this.isPolling = false;
    }
    if (this.isPollQueued) {
      this.isPollQueued = false;
      await this.poll();
    }
  }

  /** Shows the queue without what was just decided (a list read before the decision has it). */
  private showApprovals(listed: readonly ApprovalRequest[]): void {
    const approvals = listed.filter((approval) => !this.settledIds.has(approval.id));
    const shown = this.queue.phase === 'ready' ? this.queue.approvals[this.index] : undefined;
    this.index = pickApprovalIndex({ approvals, shownId: shown?.id, shownIndex: this.index });
    this.queue = { phase: 'ready', approvals };
    // The worker closes the window itself; this is the fallback when it cannot (it restarted).
    // Wait a moment first: one request often follows another (connect right after unlock).
    if (approvals.length > 0) {
      this.emptySince = undefined;
    } else if (this.emptySince === undefined) {
      this.emptySince = Date.now();
    } else if (Date.now() - this.emptySince >= emptyGraceMs) {
      emit(this, 'tp-approvals-done', null);
    }
  }

  /** What some requests need beside themselves: account names, the lock state for unlock. */
  private async loadContext(approvals: readonly ApprovalRequest[]): Promise<void> {
    try {
      if (approvals.some((approval) => approval.details.kind === 'unlock')) {
        if (this.walletStatus === undefined) {
          this.walletStatus = await sendWalletRequest('status', {});
        }
        return;
      }
      if (!this.hasAccountNames && approvals.some((approval) => 'from' in approval.details)) {
        const { accounts } = await sendWalletRequest('listAccounts', { includeHidden: true });
        this.accountNames = new Map(
          accounts.map((account) => [account.address.toLowerCase(), account.name]),
        );
        this.hasAccountNames = true;
      }
    } catch {
      // Names and lockouts only add comfort: the request shows its addresses without them.
    }
  }

  private readonly onDecide = async (event: CustomEvent<DecideDetail>): Promise<void> => {
    const { id, decision } = event.detail;
    if (this.decidingId !== undefined) return;
    this.decidingId = id;
    this.decideError = undefined;
    try {
      await sendWalletRequest('resolveApproval', { id, decision });
      this.settledIds.add(id);
      if (this.queue.phase === 'ready') this.showApprovals(this.queue.approvals);
    } catch (error) {
      this.decideError = { id, error };
    } finally {
      this.decidingId = undefined;
    }
    await this.poll();
  };
}
