import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { CheckoutView } from './CheckoutView.ts';
import { renderButton } from './renderButton.ts';
import type { ButtonOptions } from './renderButton.ts';
import { renderHeading } from './renderHeading.ts';

/** An error state's block (`part="error"`): what happened, why, and the ways forward. */
export function renderErrorBlock(
  view: CheckoutView,
  title: string,
  body: TemplateResult | string,
  actions: readonly ButtonOptions[],
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  return html`<div class="error" part="error">
    ${renderHeading(title)} ${typeof body === 'string' ? html`<p>${body}</p>` : body}
    ${
      actions.length === 0
        ? nothing
        : html`<div class="actions">${actions.map((options) => renderButton(view, options))}</div>`
    }
    ${extra}
  </div>`;
}
