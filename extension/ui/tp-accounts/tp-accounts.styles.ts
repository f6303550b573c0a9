import { css } from 'lit';

export const accountsStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .status {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    color: var(--tp-color-text-muted);
    padding: 40px 0;
  }
  .selected {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .selected-top {
    display: flex;
    align-items: center;
    gap: 10px;
  }
  .identity {
    flex: 1;
    min-width: 0;
  }
  .account-name {
    font-size: 16px;
    font-weight: 600;
    margin: 0 0 2px;
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .address {
    margin: 0;
    font-size: 13px;
    color: var(--tp-color-text-muted);
  }
  .selected-top button svg {
    width: 16px;
    height: 16px;
  }
  .badge {
    font-size: 10px;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    padding: 2px 6px;
    border-radius: 999px;
    background: var(--tp-color-muted);
    color: var(--tp-color-text-muted);
  }
  .section-heading {
    display: flex;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 6px;
  }
  .section-heading h3 {
    margin: 0;
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--tp-color-text-faint);
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 12px;
    font-weight: 500;
    color: var(--tp-color-text-muted);
    cursor: pointer;
  }
  ul {
    list-style: none;
    margin: 0 0 6px;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 2px;
    border-radius: var(--tp-radius);
    padding: 2px 4px 2px 2px;
  }
  .row:hover {
    background: var(--tp-color-muted);
  }
  .row.is-selected {
    background: var(--tp-color-accent-soft);
  }
  .row.is-hidden .select {
    opacity: 0.6;
  }
  .select {
    flex: 1;
    min-width: 0;
    justify-content: flex-start;
    text-align: start;
    background: transparent;
    color: inherit;
    font-weight: 400;
    padding: 6px 8px;
    gap: 10px;
  }
  .select:disabled {
    cursor: default;
  }
  .avatar {
    width: 30px;
    height: 30px;
    border-radius: 50%;
    flex: none;
    display: grid;
    place-items: center;
    font-size: 13px;
    font-weight: 700;
    color: var(--tp-color-on-accent);
    background: var(--tp-color-accent);
  }
  .row-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .row-name {
    font-weight: 600;
    font-size: 14px;
    display: flex;
    align-items: center;
    gap: 6px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .row-address {
    font-size: 12px;
    /* Muted, not faint: faint on the selected row's tint falls under 4.5:1 (axe). */
    color: var(--tp-color-text-muted);
  }
  .rename {
    display: flex;
    gap: 6px;
    width: 100%;
    padding: 4px;
  }
  .rename input {
    flex: 1;
    min-width: 0;
    padding: 6px 8px;
  }
  .small {
    min-height: 34px;
    padding: 6px 10px;
    font-size: 13px;
  }
  .actions {
    justify-content: flex-start;
  }
  .actions > button {
    flex: none;
  }
  .actions svg,
  .footer svg {
    width: 16px;
    height: 16px;
  }
  .footer {
    margin-top: auto;
  }
  .pages {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 8px;
  }
  .pages svg {
    width: 16px;
    height: 16px;
  }
  tp-kill-switch {
    margin-top: -8px;
  }
`;
