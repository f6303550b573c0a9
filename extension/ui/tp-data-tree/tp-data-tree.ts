import { LitElement, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import { controlStyles } from '../theme/controls.styles.ts';
import { dataTreeStyles } from './tp-data-tree.styles.ts';

/** Beyond these, the tree says how much it left out; the raw JSON still has everything. */
const maxEntries = 50;
const maxDepth = 8;

/**
 * A JSON value (an EIP-712 message, say) as a readable tree: each field's name, then its value,
 * nested values indented. Strings are shown as text, never as markup.
 *
 * @csspart tree - The outermost list.
 */
export class TpDataTree extends LitElement {
  static override styles = [controlStyles, dataTreeStyles];

  @property({ attribute: false }) value: unknown;
  @property() locale: Locale = 'en';

  override render() {
    const t = createTranslator(this.locale);
    return html`<div part="tree" class="tree">${renderValue(this.value, t, 0)}</div>`;
  }
}

function renderValue(value: unknown, t: Translator, depth: number): TemplateResult {
  if (value === null || typeof value !== 'object') {
    return html`<span class="leaf ${typeof value}">${leafText(value)}</span>`;
  }
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [`[${String(index)}]`, item])
    : Object.entries(value);
  if (entries.length === 0)
    return html`<span class="leaf empty">${t('approval.tree.empty')}</span>`;
  if (depth >= maxDepth) return html`<span class="leaf mono">${JSON.stringify(value)}</span>`;
  const shown = entries.slice(0, maxEntries);
  return html`<dl>
    ${shown.map(
      ([name, item]) =>
        html`<div class="entry ${isBranch(item) ? 'branch' : ''}">
          <dt>${name}</dt>
          <dd>${renderValue(item, t, depth + 1)}</dd>
        </div>`,
    )}
    ${
      entries.length > shown.length
        ? html`<div class="more">
            ${t('approval.tree.more', { count: entries.length - shown.length })}
          </div>`
        : nothing
    }
  </dl>`;
}

function isBranch(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

function leafText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}
