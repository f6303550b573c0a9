import { css } from 'lit';

export const wordGridStyles = css`
  :host {
    display: block;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(var(--tp-word-grid-columns, 3), minmax(0, 1fr));
    gap: 6px;
  }
  li {
    display: flex;
    align-items: baseline;
    gap: 6px;
    padding: 7px 8px;
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius-small);
    background: var(--tp-color-surface);
    min-width: 0;
  }
  .number {
    font-size: 11px;
    color: var(--tp-color-text-faint);
    min-width: 1.4em;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .word {
    font-size: 14px;
    font-weight: 600;
    word-break: keep-all;
    overflow-wrap: break-word;
    min-width: 0;
    user-select: text;
  }
`;
