import { css, html, nothing } from 'lit';
import type { CSSResult, TemplateResult } from 'lit';
import type {
  Subscription,
  SubscriptionCheckout,
  SubscriptionGrant,
} from '../../shared/providerApi/Subscription.ts';
import { fillMessage } from '../i18n/fillMessage.ts';
import { formatAssetAmount } from '../i18n/formatAssetAmount.ts';
import { renderBusy } from '../tp-checkout/renderBusy.ts';
import { renderHeading } from '../tp-checkout/renderHeading.ts';
import { describeSubscriptionTerms } from './describeSubscriptionTerms.ts';
import type { SubscriptionCatalog, SubscriptionMessageKey } from './SubscriptionCatalog.ts';

export type SubscriptionView = {
  readonly styles: CSSResult;
  /** The plan's terms under the price; the allowance once a quote is locked; the notice. */
  renderTerms(parameters: {
    checkout: SubscriptionCheckout;
    /** The allowance for the quote locked (`computeSubscriptionGrant`), null before one is. */
    grant: SubscriptionGrant | null;
    notice: 'manual-renewals' | null;
    now: Date;
  }): TemplateResult;
  /** The main button's label where a plan with a free trial would otherwise say "Pay". */
  trialButtonLabel(): string;
  /** The locked quote's heading in a free trial: the first payment, not one made now. */
  trialQuotedHeading(): string;
  /** The live region's sentence for the free trial's states. */
  trialHeadline(state: 'starting-trial' | 'trial-started'): string;
  /** The card's body while the trial starts, and once it has. */
  renderTrial(parameters: {
    state: 'starting-trial' | 'trial-started';
    subscription: Subscription | null;
    /** The session's `success_url` (http(s) only), for the continue link. */
    successUrl: string | null;
    continueLabel: string;
  }): TemplateResult;
};

export type CreateSubscriptionViewParameters = {
  catalog: SubscriptionCatalog;
  fallback: SubscriptionCatalog;
  locale: string;
  isolateValues: boolean;
};

const styles = css`
  .subscription-terms {
    margin: 0 0 12px;
    font-size: 0.9em;
    color: var(--tp-color-text-muted, #555);
  }
  .subscription-terms p {
    margin: 2px 0;
  }
  .subscription-terms .subscription-price {
    color: var(--tp-color-text, inherit);
    font-weight: 600;
  }
  .trial-started .trial-title {
    display: flex;
    align-items: center;
    gap: 8px;
    color: var(--tp-color-success, #1a7f37);
  }
  .subscription-terms .subscription-notice {
    margin-top: 8px;
    padding: 8px 10px;
    border: 1px solid var(--tp-color-border, #ccc);
    border-radius: var(--tp-radius, 8px);
    color: var(--tp-color-text, inherit);
  }
`;

/** The subscription part of the card, in one language (its own lazy chunk with its strings). */
export function createSubscriptionView({
  catalog,
  fallback,
  locale,
  isolateValues,
}: CreateSubscriptionViewParameters): SubscriptionView {
  const t = (key: SubscriptionMessageKey, values?: Record<string, string>): string =>
    fillMessage(catalog[key] ?? fallback[key] ?? key, values, isolateValues);
  return {
    styles,
    trialButtonLabel() {
      return t('trial.button');
    },
    trialQuotedHeading() {
      return t('trial.quotedHeading');
    },
    trialHeadline(state) {
      return t(state === 'trial-started' ? 'trial.started' : 'trial.starting');
    },
    renderTrial({ state, subscription, successUrl, continueLabel }) {
      if (state === 'starting-trial' || subscription === null) {
        return renderBusy(t('trial.starting'), t('trial.startingBody'));
      }
      const { grant } = subscription;
      const firstPayment = t('trial.firstPayment', {
        amount: formatAssetAmount({
          amount: BigInt(grant.period_amount),
          symbol: grant.asset,
          decimals: grant.decimals,
          locale,
        }),
        date: new Date(subscription.trial_end ?? subscription.paid_through).toLocaleDateString(
          locale,
          { dateStyle: 'medium', timeZone: 'UTC' },
        ),
      });
      const isSafeUrl = successUrl !== null && /^https?:\/\//i.test(successUrl);
      return html`<div class="trial-started" data-subscription-id=${subscription.id}>
        <div class="trial-title">
          <span class="check" aria-hidden="true">✓</span>${renderHeading(t('trial.started'))}
        </div>
        <p part="trial-first-payment">${firstPayment}</p>
        ${
          isSafeUrl
            ? html`<div class="actions">
                <a class="button primary" part="link button primary" href=${successUrl}
                  >${continueLabel}</a
                >
              </div>`
            : nothing
        }
      </div>`;
    },
    renderTerms({ checkout, grant, notice, now }) {
      const terms = describeSubscriptionTerms({
        plan: checkout.plan,
        grant,
        catalog,
        fallback,
        locale,
        isolateValues,
        now,
      });
      return html`<div class="subscription-terms" part="subscription" data-subscription="true">
        <p class="subscription-price" part="subscription-price">
          ${terms.price} · ${terms.schedule}
        </p>
        ${checkout.plan.trial_days > 0 ? html`<p>${t('trial.noCharge')}</p>` : nothing}
        ${terms.cycles === null ? nothing : html`<p>${terms.cycles}</p>`}
        ${
          terms.allowance === null
            ? nothing
            : html`<p part="subscription-allowance" data-testid="subscription-allowance">
                ${terms.allowance} ${terms.margin ?? ''}
              </p>`
        }
        ${
          notice === null
            ? nothing
            : html`<p
                class="subscription-notice"
                part="subscription-notice"
                role="status"
                data-notice=${notice}
              >
                ${catalog.manualRenewals ?? fallback.manualRenewals ?? ''}
              </p>`
        }
      </div>`;
    },
  };
}
