import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import { describeError } from '../describeError.ts';
import { emit } from '../emit.ts';
import { freezeIcon } from '../policy/policyIcons.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { killSwitchStyles } from './tp-kill-switch.styles.ts';

export type KillSwitchChangedDetail = { readonly isFrozen: boolean };

/**
 * The kill switch, "Freeze all automatic payments": a switch (role=switch) with its state in
 * words. Flipping it asks the wallet at once; the worker applies it to the very next request.
 *
 * Test hooks: `kill-switch` (the switch, `aria-checked`), `kill-switch-state`, `kill-switch-error`.
 *
 * @event tp-kill-switch-changed - The wallet took the new state; `detail.isFrozen`.
 */
export class TpKillSwitch extends LitElement {
  static override styles = [controlStyles, killSwitchStyles];

  @property() locale: Locale = 'en';
  @property({ type: Boolean }) isFrozen = false;
  /** One line (the home screen): the explanation is left out. */
  @property({ type: Boolean, reflect: true }) compact = false;

  @state() private isBusy = false;
  @state() private error: unknown;

  override render() {
    const t = createTranslator(this.locale);
    return html`
      <div class="kill ${this.isFrozen ? 'is-frozen' : ''}">
        ${freezeIcon}
        <div class="text">
          <span class="label" id="kill-label">${t('killSwitch.label')}</span>
          ${
            this.compact && !this.isFrozen
              ? nothing
              : html`<span class="state" id="kill-state" data-testid="kill-switch-state"
                  >${
                    this.isFrozen
                      ? t(this.compact ? 'killSwitch.frozenBanner' : 'killSwitch.on')
                      : t('killSwitch.off')
                  }</span
                >`
          }
        </div>
        <button
          class="switch"
          role="switch"
          data-testid="kill-switch"
          aria-checked=${this.isFrozen ? 'true' : 'false'}
          aria-labelledby="kill-label"
          aria-describedby=${this.compact && !this.isFrozen ? nothing : 'kill-state'}
          aria-busy=${this.isBusy ? 'true' : 'false'}
          aria-disabled=${this.isBusy ? 'true' : 'false'}
          @click=${this.toggle}
        >
          <span class="track" aria-hidden="true"><span class="thumb"></span></span>
          <span class="switch-text" aria-hidden="true"
            >${this.isFrozen ? t('killSwitch.stateOn') : t('killSwitch.stateOff')}</span
          >
        </button>
      </div>
      ${
        this.error === undefined
          ? nothing
          : html`<p class="notice error" role="alert" data-testid="kill-switch-error">
              ${describeError(this.error, t, this.locale)}
            </p>`
      }
    `;
  }

  // While busy the switch stays focusable (aria-disabled, not disabled): a disabled button
  // drops the keyboard focus to the page.
  private readonly toggle = async (): Promise<void> => {
    if (this.isBusy) return;
    const isFrozen = !this.isFrozen;
    this.isBusy = true;
    this.error = undefined;
    try {
      await sendWalletRequest('setKillSwitch', { isFrozen });
      this.isFrozen = isFrozen;
      emit(this, 'tp-kill-switch-changed', { isFrozen } satisfies KillSwitchChangedDetail);
    } catch (error) {
      this.error = error;
    } finally {
      this.isBusy = false;
    }
  };
}
