import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { emit } from './emit.ts';
import { backIcon } from './theme/icons.ts';

export type RenderBackHeaderParameters = {
  /** The element whose `tp-back` event the button fires. */
  host: HTMLElement;
  title: string;
  /** The back button's accessible name (translated). */
  backLabel: string;
  /** `data-testid` of the back button. */
  backTestId: string;
};

/** The top of a sub-page: a back button (fires `tp-back`) and the page's heading. */
export function renderBackHeader({
  host,
  title,
  backLabel,
  backTestId,
}: RenderBackHeaderParameters): TemplateResult {
  return html`
    <div class="top">
      <button
        class="icon-button"
        data-testid=${backTestId}
        aria-label=${backLabel}
        title=${backLabel}
        @click=${() => {
          emit(host, 'tp-back', null);
        }}
      >
        ${backIcon}
      </button>
      <h2>${title}</h2>
    </div>
  `;
}
