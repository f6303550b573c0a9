import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { renderHeading } from './renderHeading.ts';

/** A state that waits: a spinner beside its heading, and a line of explanation. */
export function renderBusy(title: string, body?: string): TemplateResult {
  return html`<div class="busy">
      <span class="spinner" aria-hidden="true"></span>
      ${renderHeading(title)}
    </div>
    ${body === undefined ? nothing : html`<p class="muted">${body}</p>`}`;
}
