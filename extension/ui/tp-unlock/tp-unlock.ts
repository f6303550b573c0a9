import { LitElement, html } from 'lit';
import type { PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { TpError } from '../../../shared/errors/TpError.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import type { AccountView, WalletStatus } from '../../../shared/protocol/walletUiMessages.ts';
import { walletIcon } from '../../inpage/walletInfo.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { formatCountdown } from '../formatCountdown.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { unlockStyles } from './tp-unlock.styles.ts';

export type UnlockedDetail = { readonly accounts: readonly AccountView[] };

/**
 * The password prompt of a locked wallet. After too many wrong passwords the worker makes the
 * next try wait (`retryAfterMs`, or the error `vault/locked-out`): the button stays disabled
 * and a countdown shows until then.
 *
 * @event tp-unlocked - The vault opened; `detail.accounts` are the wallet's accounts.
 */
export class TpUnlock extends LitElement {
  static override styles = [controlStyles, unlockStyles];

  @property() locale: Locale = 'en';
  /** The wallet's status when the screen opened (its lockout, if any, starts the countdown). */
  @property({ attribute: false }) status: WalletStatus | undefined;

  @state() private password = '';
  @state() private isBusy = false;
  @state() private error: unknown;
  /** Epoch milliseconds before which no attempt is allowed; 0 when there is no wait. */
  @state() private lockedUntil = 0;
  @state() private now = Date.now();

  @query('input') private input!: HTMLInputElement;
  private timer: ReturnType<typeof setInterval> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status') && this.status !== undefined && this.status.retryAfterMs > 0) {
      this.startLockout(this.status.retryAfterMs);
    }
  }

  protected override firstUpdated(): void {
    this.input.focus();
  }

  override render() {
    const t = createTranslator(this.locale);
    const remainingMs = Math.max(0, this.lockedUntil - this.now);
    const isLockedOut = remainingMs > 0;
    const isWrongPassword =
      this.error instanceof TpError && this.error.code === 'vault/wrong-password-or-tampered';
    const showsError =
      this.error !== undefined &&
      !(this.error instanceof TpError && this.error.code === 'vault/locked-out' && isLockedOut);
    return html`
      <form @submit=${this.onSubmit} novalidate>
        <img class="logo" src=${walletIcon} alt="" />
        <h2>${t('unlock.title')}</h2>
        <p class="lead">${t('unlock.lead')}</p>
        <div class="field">
          <label for="unlock-password">${t('unlock.password')}</label>
          <input
            id="unlock-password"
            data-testid="unlock-password"
            type="password"
            autocomplete="current-password"
            .value=${this.password}
            aria-invalid=${isWrongPassword ? 'true' : 'false'}
            aria-describedby="unlock-messages"
            ?disabled=${this.isBusy}
            @input=${(event: Event) => {
              this.password = (event.target as HTMLInputElement).value;
            }}
          />
        </div>
        <div id="unlock-messages" aria-live="polite">
          ${
            showsError
              ? html`<p class="notice error" role="alert" data-testid="unlock-error">
                  ${describeError(this.error, t, this.locale)}
                </p>`
              : ''
          }
          ${
            isLockedOut
              ? html`<p class="notice warning" data-testid="unlock-countdown">
                  ${t('unlock.retryIn', { time: formatCountdown(remainingMs) })}
                </p>`
              : ''
          }
        </div>
        <button
          class="primary block"
          type="submit"
          data-testid="unlock-submit"
          ?disabled=${this.isBusy || isLockedOut || this.password === ''}
        >
          ${
            this.isBusy
              ? html`<span class="spinner" aria-hidden="true"></span>${t('unlock.busy')}`
              : t('unlock.submit')
          }
        </button>
      </form>
    `;
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.isBusy || this.password === '' || this.lockedUntil > Date.now()) return;
    this.isBusy = true;
    this.error = undefined;
    try {
      const { accounts } = await sendWalletRequest('unlock', { password: this.password });
      this.password = '';
      emit(this, 'tp-unlocked', { accounts } satisfies UnlockedDetail);
    } catch (error) {
      this.error = error;
      await this.applyLockout(error);
    } finally {
      this.isBusy = false;
    }
    await this.updateComplete;
    this.input.select();
  };

  /** After a failure, learns how long the next try must wait (from the error or the status). */
  private async applyLockout(error: unknown): Promise<void> {
    const retryAfterMs = error instanceof TpError ? error.details.retryAfterMs : undefined;
    if (typeof retryAfterMs === 'number' && retryAfterMs > 0) {
      this.startLockout(retryAfterMs);
      return;
    }
    try {
      const status = await sendWalletRequest('status', {});
      if (status.retryAfterMs > 0) this.startLockout(status.retryAfterMs);
    } catch {
      // The unlock error already shows; a failed status read adds nothing the user can act on.
    }
  }

  private startLockout(retryAfterMs: number): void {
    this.now = Date.now();
    this.lockedUntil = this.now + retryAfterMs;
    this.stopTimer();
    this.timer = setInterval(() => {
      this.now = Date.now();
      if (this.now >= this.lockedUntil) {
        this.stopTimer();
        this.lockedUntil = 0;
        if (this.error instanceof TpError && this.error.code === 'vault/locked-out') {
          this.error = undefined;
        }
        void this.updateComplete.then(() => {
          this.input.focus();
        });
      }
    }, 250);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
