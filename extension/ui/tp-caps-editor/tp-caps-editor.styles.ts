import { css } from 'lit';

export const capsEditorStyles = css`
  :host {
    display: block;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .cap-row {
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius-small);
    margin: 0;
    padding: 10px;
    min-width: 0;
  }
  .cap-row[data-invalid] {
    border-color: var(--tp-color-danger);
  }
  /* Window, unit and remove on the first line; amount and "when passed" on the second. */
  .cap-fields {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) auto;
    grid-template-areas:
      'window unit remove'
      'amount when when';
    gap: 8px;
    align-items: end;
  }
  .cap-window {
    grid-area: window;
  }
  .cap-unit {
    grid-area: unit;
  }
  .cap-amount {
    grid-area: amount;
  }
  .cap-when {
    grid-area: when;
  }
  .remove {
    grid-area: remove;
    font-size: 20px;
    line-height: 1;
    min-height: 36px;
  }
  .field {
    margin: 0;
    min-width: 0;
    gap: 4px;
  }
  label {
    font-size: 12px;
  }
  select,
  input {
    padding: 7px 8px;
    min-width: 0;
    width: 100%;
  }
  .unit-network {
    margin: 6px 0 0;
    font-size: 12px;
    color: var(--tp-color-text-muted);
  }
  .field-problem {
    margin: 6px 0 0;
    font-size: 12px;
    color: var(--tp-color-danger);
  }
  .empty {
    margin: 0;
    font-size: 13px;
    color: var(--tp-color-text-muted);
  }
  .add {
    align-self: flex-start;
  }
  .add svg {
    width: 16px;
    height: 16px;
  }
  .small {
    min-height: 34px;
    padding: 6px 10px;
    font-size: 13px;
  }
  .notice {
    margin: 0;
  }
`;
