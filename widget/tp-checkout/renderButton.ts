import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { CheckoutAction, CheckoutView } from './CheckoutView.ts';

export type ButtonOptions = {
  readonly label: string;
  readonly action: CheckoutAction;
  readonly isPrimary?: boolean;
  readonly isAutofocus?: boolean;
};

/** A button of the card: `part="button"` (and `primary`), `data-action` naming what it does. */
export function renderButton(view: CheckoutView, options: ButtonOptions): TemplateResult {
  const { label, action, isPrimary = false, isAutofocus = false } = options;
  return html`<button
    type="button"
    class=${isPrimary ? 'button primary' : 'button'}
    part=${isPrimary ? 'button primary' : 'button'}
    data-action=${action.type.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}
    ?data-autofocus=${isAutofocus}
    @click=${() => {
      view.act(action);
    }}
  >
    ${label}
  </button>`;
}
