import { html } from 'lit';
import type { TemplateResult } from 'lit';

/** A heading that takes focus when the state changes, so keyboard and screen reader users follow. */
export function renderHeading(text: string): TemplateResult {
  return html`<h2 tabindex="-1" data-autofocus>${text}</h2>`;
}
