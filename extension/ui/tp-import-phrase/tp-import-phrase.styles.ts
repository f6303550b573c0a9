import { css } from 'lit';

export const importPhraseStyles = css`
  :host {
    display: block;
  }
  .notice p {
    margin: 0;
  }
  .unknown-words {
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .unknown-words li {
    display: inline-flex;
    gap: 6px;
    align-items: baseline;
    padding: 3px 8px;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .position {
    font-size: 11px;
    opacity: 0.8;
  }
  .word {
    font-weight: 600;
  }
  .suggestion {
    margin: 10px 0 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    color: var(--tp-color-text);
  }
  .small {
    min-height: 30px;
    padding: 4px 10px;
    font-size: 13px;
  }
`;
