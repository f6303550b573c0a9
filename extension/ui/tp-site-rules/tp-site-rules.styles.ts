import { css } from 'lit';

export const siteRulesStyles = css`
  :host {
    display: block;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  legend {
    padding: 0;
    margin-bottom: 6px;
    font-weight: 600;
    font-size: 14px;
  }
  .modes {
    display: flex;
    flex-wrap: wrap;
    column-gap: 16px;
    row-gap: 4px;
  }
  .check {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    font-weight: 400;
    font-size: 13px;
    cursor: pointer;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 2px;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 4px 10px 4px 8px;
    border: 1px solid var(--tp-color-border);
    border-radius: 999px;
    font-size: 13px;
    font-weight: 400;
    cursor: pointer;
    background: var(--tp-color-surface);
  }
  .choice.is-chosen {
    border-color: var(--tp-color-accent);
    background: var(--tp-color-accent-soft);
  }
  .choice[data-invalid] {
    border-color: var(--tp-color-danger);
  }
  .network-name {
    margin: 6px 0 0;
    font-size: 12px;
    color: var(--tp-color-text-faint);
  }
  .field {
    margin: 0;
    gap: 4px;
  }
  label.label-text {
    font-size: 12px;
  }
  textarea {
    font-size: 12px;
    min-height: 72px;
  }
  select {
    padding: 7px 8px;
  }
  .problem {
    margin: 2px 0 0;
    font-size: 12px;
    color: var(--tp-color-danger);
  }
  ul.problem {
    padding-inline-start: 18px;
  }
  .inline-check {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    font-weight: 400;
    font-size: 13px;
    cursor: pointer;
  }
  .inline-check input {
    margin-top: 3px;
  }
  .notice {
    margin: 0;
  }
`;
