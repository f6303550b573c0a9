import { LitElement, html, nothing } from 'lit';
import { state, property } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, MessageKey, Translator } from '../../../shared/i18n/index.ts';
import { fiatCurrency, formatAmountForDisplay } from '../../../shared/money/index.ts';
import type {
  SubscriptionView,
  SubscriptionsOverview,
} from '../../../shared/protocol/subscriptionMessages.ts';
import { describeError } from '../describeError.ts';
import { policyStyles } from '../policy/policy.styles.ts';
import { renderBackHeader } from '../renderBackHeader.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { sendWalletRequest } from '../walletClient.ts';
import { subscriptionsStyles } from './tp-subscriptions.styles.ts';

type ListState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly overview: SubscriptionsOverview }
  | { readonly phase: 'error'; readonly error: unknown };

const intervalKeys: Readonly<Record<string, readonly [MessageKey, MessageKey]>> = {
  day: ['subscriptions.per.day', 'subscriptions.every.day'],
  week: ['subscriptions.per.week', 'subscriptions.every.week'],
  month: ['subscriptions.per.month', 'subscriptions.every.month'],
  year: ['subscriptions.per.year', 'subscriptions.every.year'],
};

/**
 * The "Subscriptions" page: every subscription a TP checkout set up with a grant, with its
 * merchant, price, allowance per period, next renewal, what the wallet paid, and why a renewal
 * was not paid on its own. Cancel signs the cancellation with the subscriber's key, tells the
 * provider and revokes the grant. A banner shows the test clock offset when one is set.
 *
 * Test hooks: `subscriptions-back`, `subscriptions-loading`, `subscriptions-error`,
 * `subscriptions-empty`, `subscription` (`data-status`, `data-closed`), `subscription-merchant`,
 * `subscription-price`, `subscription-allowance`, `subscription-next`, `subscription-spent`,
 * `subscription-attention`, `subscription-cancel`, `subscription-cancel-confirm`,
 * `subscriptions-clock`, `subscriptions-check`.
 *
 * @event tp-back - The user left the page.
 */
export class TpSubscriptions extends LitElement {
  static override styles = [controlStyles, policyStyles, subscriptionsStyles];

  @property() locale: Locale = 'en';

  @state() private listState: ListState = { phase: 'loading' };
  /** The subscription whose cancel button was pressed once (the second press confirms). */
  @state() private confirming: string | null = null;
  @state() private busy: string | null = null;
  @state() private actionError: unknown = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    const t = createTranslator(this.locale);
    return html`
      ${renderBackHeader({
        host: this,
        title: t('subscriptions.title'),
        backLabel: t('common.back'),
        backTestId: 'subscriptions-back',
      })}
      ${this.renderBody(t)}
    `;
  }

  private renderBody(t: Translator) {
    const current = this.listState;
    if (current.phase === 'loading')
      return html`<p class="status" role="status" data-testid="subscriptions-loading">
        <span class="spinner" aria-hidden="true"></span>${t('common.loading')}
      </p>`;
    if (current.phase === 'error')
      return html`<p class="notice error" role="alert" data-testid="subscriptions-error">
          ${describeError(current.error, t, this.locale)}
        </p>
        <button class="secondary block" @click=${() => void this.load()}>
          ${t('common.retry')}
        </button>`;
    const { overview } = current;
    return html`
      ${
        overview.clockOffsetMs === 0
          ? nothing
          : html`<div class="notice warning clock" role="status" data-testid="subscriptions-clock">
              <span>
                ${t('subscriptions.clockOffset', {
                  days: (overview.clockOffsetMs / 86_400_000).toFixed(1),
                })}
              </span>
              <button class="secondary" @click=${() => void this.resetClock()}>
                ${t('subscriptions.clockReset')}
              </button>
            </div>`
      }
      ${
        this.actionError === null
          ? nothing
          : html`<p class="notice error" role="alert">
              ${describeError(this.actionError, t, this.locale)}
            </p>`
      }
      ${
        overview.subscriptions.length === 0
          ? html`<p class="empty" data-testid="subscriptions-empty">${t('subscriptions.empty')}</p>`
          : html`<ul class="subscriptions" aria-label=${t('subscriptions.title')}>
              ${overview.subscriptions.map((subscription) => this.renderOne(subscription, t))}
            </ul>`
      }
      <button
        class="secondary block"
        data-testid="subscriptions-check"
        ?disabled=${this.busy !== null}
        @click=${() => void this.checkNow()}
      >
        ${t('subscriptions.checkNow')}
      </button>
    `;
  }

  private renderOne(subscription: SubscriptionView, t: Translator) {
    const [perOne, perMany] = intervalKeys[subscription.interval] ?? intervalKeys.month ?? [];
    const per =
      perOne === undefined || perMany === undefined
        ? ''
        : subscription.intervalCount === 1
          ? t(perOne)
          : t(perMany, { count: subscription.intervalCount });
    const status =
      subscription.isClosed && subscription.status !== 'canceled'
        ? subscription.status === 'ended'
          ? 'ended'
          : 'closed'
        : (subscription.status ?? 'pending');
    const isConfirming = this.confirming === subscription.grantId;
    return html`<li
      class="subscription ${subscription.isClosed ? 'closed' : ''}"
      data-testid="subscription"
      data-status=${status}
      data-closed=${subscription.isClosed ? 'true' : 'false'}
    >
      <div class="heading">
        <span class="merchant" data-testid="subscription-merchant"
          >${subscription.merchantName ?? new URL(subscription.origin).host}</span
        >
        <span class="badge ${status}">${this.statusLabel(status, t)}</span>
      </div>
      <span class="origin">${subscription.origin}</span>
      <dl>
        ${
          subscription.amountMinor === null || subscription.currency === null
            ? nothing
            : html`<dt>${t('subscriptions.price')}</dt>
                <dd data-testid="subscription-price">
                  ${this.fiat(subscription.amountMinor, subscription.currency)} ${per}
                </dd>`
        }
        <dt>${t('subscriptions.allowance')}</dt>
        <dd data-testid="subscription-allowance">
          ${t('subscriptions.upTo', { amount: this.token(subscription.periodAmount, subscription) })}
          ${per}
        </dd>
        <dt>${t('subscriptions.next')}</dt>
        <dd data-testid="subscription-next">
          ${
            subscription.nextRenewalAt === null
              ? '—'
              : new Date(subscription.nextRenewalAt).toLocaleDateString(this.locale, {
                  dateStyle: 'medium',
                })
          }
        </dd>
        <dt>${t('subscriptions.spent')}</dt>
        <dd data-testid="subscription-spent">
          ${this.token(subscription.spent, subscription)} (${this.renewalCount(subscription, t)})
        </dd>
      </dl>
      ${
        subscription.attention === null || subscription.isClosed
          ? nothing
          : html`<p
              class="notice warning attention"
              role="status"
              data-testid="subscription-attention"
              data-reason=${subscription.attention.reason}
            >
              ${this.attentionText(subscription.attention.reason, subscription.attention.message, t)}
            </p>`
      }
      ${
        subscription.isClosed
          ? nothing
          : html`<button
              class=${isConfirming ? 'danger block' : 'secondary block'}
              data-testid=${isConfirming ? 'subscription-cancel-confirm' : 'subscription-cancel'}
              ?disabled=${this.busy !== null}
              aria-busy=${this.busy === subscription.grantId ? 'true' : 'false'}
              @click=${() => {
                if (isConfirming) void this.cancel(subscription.grantId);
                else this.confirming = subscription.grantId;
              }}
            >
              ${isConfirming ? t('subscriptions.cancelConfirm') : t('subscriptions.cancel')}
            </button>`
      }
    </li>`;
  }

  private renewalCount(subscription: SubscriptionView, t: Translator): string {
    const count = subscription.payments.filter((payment) => payment.hash !== null).length;
    return count === 1
      ? t('subscriptions.renewalPaid')
      : t('subscriptions.renewalsPaid', { count });
  }

  private statusLabel(status: string, t: Translator): string {
    const key = `subscriptions.status.${status}` as MessageKey;
    const text = t(key);
    return text === key ? status : text;
  }

  private attentionText(reason: string, message: string, t: Translator): string {
    const key = `subscriptions.attention.${reason}` as MessageKey;
    const text = t(key);
    return text === key ? message : text;
  }

  private fiat(amountMinor: string, currency: string): string {
    try {
      return formatAmountForDisplay(BigInt(amountMinor), fiatCurrency(currency), {
        locale: this.locale,
      });
    } catch {
      return `${amountMinor} ${currency}`;
    }
  }

  private token(amount: string, subscription: SubscriptionView): string {
    const { symbol, decimals, address } = subscription.token;
    if (symbol === null || decimals === null) return `${amount} (${address})`;
    return formatAmountForDisplay(
      BigInt(amount),
      { kind: 'crypto', symbol, decimals },
      { locale: this.locale },
    );
  }

  private async load(): Promise<void> {
    try {
      this.listState = {
        phase: 'ready',
        overview: await sendWalletRequest('listSubscriptions', {}),
      };
    } catch (error) {
      this.listState = { phase: 'error', error };
    }
  }

  private async cancel(grantId: string): Promise<void> {
    this.busy = grantId;
    this.actionError = null;
    try {
      const { overview } = await sendWalletRequest('cancelSubscription', { grantId });
      this.listState = { phase: 'ready', overview };
      this.confirming = null;
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = null;
    }
  }

  private async checkNow(): Promise<void> {
    this.busy = 'check';
    this.actionError = null;
    try {
      this.listState = {
        phase: 'ready',
        overview: await sendWalletRequest('runSubscriptions', {}),
      };
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = null;
    }
  }

  private async resetClock(): Promise<void> {
    try {
      this.listState = {
        phase: 'ready',
        overview: await sendWalletRequest('setClockOffset', { offsetMs: 0 }),
      };
    } catch (error) {
      this.actionError = error;
    }
  }
}
