import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { controlStyles } from '../theme/controls.styles.ts';
import { wordGridStyles } from './tp-word-grid.styles.ts';

/**
 * A recovery phrase as a numbered grid of words, in reading order (down the columns' rows).
 * Each word carries `data-testid="phrase-word-<n>"` (1-based).
 *
 * @csspart grid - The list of words.
 * @cssproperty --tp-word-grid-columns - Number of columns (default 3).
 */
export class TpWordGrid extends LitElement {
  static override styles = [controlStyles, wordGridStyles];

  /** The words, in order. */
  @property({ attribute: false }) words: readonly string[] = [];
  /** Accessible name of the list ("Your recovery phrase"). */
  @property() label = '';

  override render() {
    return html`
      <ol part="grid" aria-label=${this.label}>
        ${this.words.map(
          (word, index) => html`
            <li>
              <span class="number" aria-hidden="true">${index + 1}</span>
              <span class="word mono" data-testid="phrase-word-${index + 1}">${word}</span>
            </li>
          `,
        )}
      </ol>
    `;
  }
}
