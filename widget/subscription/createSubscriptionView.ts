import { css, html, nothing } from 'lit';
import type { CSSResult, TemplateResult } from 'lit';
import type {
  SubscriptionCheckout,
  SubscriptionGrant,
} from '../../shared/providerApi/Subscription.ts';
import { describeSubscriptionTerms } from './describeSubscriptionTerms.ts';
import type { SubscriptionCatalog } from './SubscriptionCatalog.ts';

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
  return {
    styles,
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
