import { css } from 'lit';

export const createPhraseStyles = css`
  :host {
    display: block;
  }
  fieldset {
    border: none;
    margin: 0 0 14px;
    padding: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 6px;
  }
  .segmented {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 8px;
  }
  .segment {
    display: flex;
    align-items: center;
    gap: 8px;
    border: 1px solid var(--tp-color-border-strong);
    border-radius: var(--tp-radius-small);
    padding: 10px 12px;
    cursor: pointer;
    font-weight: 500;
  }
  .segment:has(input:checked) {
    border-color: var(--tp-color-accent);
    background: var(--tp-color-accent-soft);
  }
  .segment:has(input:focus-visible) {
    box-shadow: var(--tp-focus-ring);
  }
  tp-word-grid {
    margin: 4px 0 20px;
  }
  .buttons {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    flex-wrap: wrap;
  }
  .confirm-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
    gap: 0 12px;
  }
`;
