import { css } from 'lit';

/** What the "Sites" and "Activity" pages share: the sub-page header, usage bars, badges, origins. */
export const policyStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .top {
    display: flex;
    align-items: center;
    gap: 6px;
    margin: 0 0 -2px -6px;
  }
  .top h2 {
    margin: 0;
  }
  .card h3 {
    margin-bottom: 10px;
  }
  .status {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    color: var(--tp-color-text-muted);
    padding: 40px 0;
    margin: 0;
  }
  .empty {
    color: var(--tp-color-text-muted);
    font-size: 13px;
    text-align: center;
    padding: 24px 8px;
    margin: 0;
  }
  .hint + .hint {
    margin-top: 4px;
  }
  /* A site is named by its whole origin: scheme, host and port, never cut. */
  .origin {
    font-family: var(--tp-font-mono);
    font-size: 13px;
    overflow-wrap: anywhere;
    line-height: 1.4;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    font-size: 11px;
    font-weight: 600;
    padding: 2px 8px;
    border-radius: 999px;
    background: var(--tp-color-muted);
    color: var(--tp-color-text-muted);
    white-space: nowrap;
    line-height: 1.5;
  }
  .badge.accent {
    background: var(--tp-color-accent-soft);
    color: var(--tp-color-accent);
  }
  .badge.success {
    background: var(--tp-color-success-surface);
    color: var(--tp-color-success);
  }
  .badge.warning {
    background: var(--tp-color-warning-surface);
    color: var(--tp-color-warning);
  }
  .badge.danger {
    background: var(--tp-color-danger-surface);
    color: var(--tp-color-danger);
  }
  @media (prefers-color-scheme: dark) {
    .badge.accent {
      color: #93a8ef;
    }
  }

  .usage {
    display: flex;
    flex-direction: column;
    gap: 5px;
  }
  .usage + .usage {
    margin-top: 12px;
  }
  .usage-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
    font-size: 13px;
  }
  .usage-label {
    font-weight: 600;
    flex: none;
  }
  .usage-numbers {
    color: var(--tp-color-text-muted);
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .bar {
    height: 8px;
    border-radius: 999px;
    background: var(--tp-color-muted);
    overflow: hidden;
    /* Windows high contrast: the track and the fill keep an outline. */
    outline: 1px solid transparent;
  }
  .fill {
    height: 100%;
    border-radius: inherit;
    background: var(--tp-color-accent);
    min-width: 0;
  }
  .usage[data-level='high'] .fill {
    background: var(--tp-color-warning);
  }
  .usage[data-level='full'] .fill {
    background: var(--tp-color-danger);
  }
  .usage-foot {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    column-gap: 8px;
    font-size: 12px;
    color: var(--tp-color-text-faint);
  }
  .small {
    min-height: 34px;
    padding: 6px 10px;
    font-size: 13px;
  }
  a {
    color: var(--tp-color-accent);
    font-weight: 600;
  }
  a:focus-visible {
    outline: none;
    box-shadow: var(--tp-focus-ring);
    border-radius: 2px;
  }
  @media (prefers-color-scheme: dark) {
    a {
      color: #93a8ef;
    }
  }
`;
