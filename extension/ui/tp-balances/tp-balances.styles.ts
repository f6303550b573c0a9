import { css } from 'lit';

export const balancesStyles = css`
  :host {
    display: block;
  }
  .heading {
    display: flex;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 4px;
  }
  .heading h3 {
    margin: 0;
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--tp-color-text-faint);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul[aria-busy='true'] {
    opacity: 0.6;
  }
  li {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 8px 0;
    border-top: 1px solid var(--tp-color-border);
  }
  li:first-child {
    border-top: none;
  }
  .symbol {
    width: 28px;
    height: 28px;
    border-radius: 50%;
    background: var(--tp-color-accent-soft);
    color: var(--tp-color-accent);
    display: grid;
    place-items: center;
    font-size: 12px;
    font-weight: 700;
    flex: none;
  }
  .name {
    flex: 1;
    font-size: 14px;
    font-weight: 600;
  }
  .amount {
    font-size: 14px;
    font-variant-numeric: tabular-nums;
    text-align: end;
    overflow-wrap: anywhere;
  }
  .notice.error {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .notice.error button {
    flex: none;
    white-space: nowrap;
  }
  @media (prefers-color-scheme: dark) {
    .symbol {
      color: #a9bbf3;
    }
  }
`;
