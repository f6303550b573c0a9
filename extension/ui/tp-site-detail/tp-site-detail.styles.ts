import { css } from 'lit';

export const siteDetailStyles = css`
  .identity {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .identity p {
    margin: 0;
  }
  .origin.big {
    font-size: 15px;
    font-weight: 600;
  }
  .identity-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    font-size: 12px;
    color: var(--tp-color-text-muted);
  }
  .connection {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    color: var(--tp-color-text-faint);
  }
  .connection::before {
    content: '';
    width: 7px;
    height: 7px;
    border-radius: 50%;
    border: 1.5px solid currentColor;
  }
  .connection.is-connected {
    color: var(--tp-color-success);
  }
  .connection.is-connected::before {
    background: currentColor;
  }
  .see-activity {
    align-self: flex-start;
    margin-inline-start: -10px;
  }
  .see-activity svg {
    width: 16px;
    height: 16px;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 4px;
  }
  legend h3 {
    margin: 0;
  }
  .presets {
    display: flex;
    flex-direction: column;
    gap: 6px;
    margin-bottom: 12px;
  }
  .presets > .hint {
    margin-bottom: 4px;
  }
  .preset {
    display: flex;
    align-items: flex-start;
    gap: 10px;
    padding: 8px 10px;
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius-small);
    background: var(--tp-color-surface);
    cursor: pointer;
    font-weight: 400;
  }
  .preset:hover {
    border-color: var(--tp-color-border-strong);
  }
  .preset.is-chosen {
    border-color: var(--tp-color-accent);
    background: var(--tp-color-accent-soft);
  }
  .preset input {
    margin-top: 3px;
    flex: none;
  }
  .preset input:focus-visible {
    box-shadow: var(--tp-focus-ring);
    border-radius: 50%;
  }
  .preset-text {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  /* Muted, not faint: the chosen preset's tint would take faint text under 4.5:1. */
  .preset .hint {
    color: var(--tp-color-text-muted);
  }
  .preset-name {
    font-size: 14px;
    font-weight: 600;
  }
  .amounts {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 8px;
  }
  .amounts .field {
    margin-bottom: 6px;
    gap: 4px;
  }
  .amounts label {
    font-size: 12px;
  }
  .amounts-hint {
    margin-bottom: 12px;
  }
  .field-problem {
    margin: 2px 0 0;
    font-size: 12px;
    color: var(--tp-color-danger);
  }
  h4 {
    font-size: 13px;
    font-weight: 600;
    margin: 14px 0 6px;
  }
  .spent {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 6px 12px;
    margin: 0 0 8px;
  }
  .spent div {
    display: flex;
    flex-direction: column;
  }
  .spent dt {
    font-size: 12px;
    color: var(--tp-color-text-faint);
  }
  .spent dd {
    margin: 0;
    font-size: 14px;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .grants,
  .accounts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .grant {
    display: flex;
    flex-direction: column;
    gap: 8px;
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius-small);
    background: var(--tp-color-surface);
    padding: 10px;
  }
  .grant-top {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 8px;
  }
  .grant-amount {
    font-weight: 600;
    font-size: 14px;
    overflow-wrap: anywhere;
  }
  .facts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 2px 12px;
    font-size: 12px;
    color: var(--tp-color-text-muted);
  }
  /* The site's own words: set apart, so they never read as the wallet's. */
  .site-words {
    margin: 0;
    font-size: 12px;
    font-style: italic;
    color: var(--tp-color-text-muted);
    border-inline-start: 3px solid var(--tp-color-border-strong);
    padding-inline-start: 8px;
    overflow-wrap: anywhere;
  }
  .revoke {
    align-self: flex-start;
  }
  .confirm {
    border-radius: var(--tp-radius-small);
    background: var(--tp-color-danger-surface);
    padding: 10px;
  }
  .confirm p {
    margin: 0 0 8px;
    font-size: 13px;
  }
  .confirm .actions > button {
    flex: 1;
  }
  .accounts {
    gap: 4px;
    font-size: 13px;
  }
  .inline-check {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    font-weight: 400;
    margin: 10px 0 12px;
  }
  .inline-check input {
    margin-top: 3px;
  }
  .card > .hint {
    margin-bottom: 10px;
  }
  #grants-title:focus {
    outline: none;
  }
  .card-heading {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 10px;
  }
  .card-heading h3 {
    margin: 0;
  }
  #limits-title:focus {
    outline: none;
  }
`;
