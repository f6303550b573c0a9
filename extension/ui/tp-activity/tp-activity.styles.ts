import { css } from 'lit';

export const activityStyles = css`
  .filter {
    display: flex;
    align-items: center;
    gap: 10px;
  }
  .filter label {
    flex: none;
  }
  .filter select {
    flex: 1;
    min-width: 0;
    padding: 7px 9px;
    font-size: 13px;
  }
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .entry {
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius);
    background: var(--tp-color-surface-raised);
    padding: 10px 12px;
    display: flex;
    flex-direction: column;
    gap: 6px;
    min-width: 0;
  }
  .entry-top {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
  }
  .what {
    font-weight: 600;
    font-size: 14px;
  }
  time {
    font-size: 12px;
    color: var(--tp-color-text-faint);
    white-space: nowrap;
  }
  .amount {
    margin: 0;
    font-size: 15px;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .fiat {
    font-size: 12px;
    font-weight: 400;
    color: var(--tp-color-text-muted);
  }
  /* The origin is a button that opens the site's settings; it reads as text with a link cue. */
  .entry-origin {
    all: unset;
    box-sizing: border-box;
    cursor: pointer;
    font-family: var(--tp-font-mono);
    font-size: 12px;
    color: var(--tp-color-text-muted);
    overflow-wrap: anywhere;
    border-radius: 2px;
    text-decoration: underline;
    text-decoration-color: var(--tp-color-border-strong);
    text-underline-offset: 2px;
  }
  .entry-origin:hover {
    color: var(--tp-color-text);
  }
  .entry-origin:focus-visible {
    box-shadow: var(--tp-focus-ring);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .spinner.tiny {
    width: 10px;
    height: 10px;
    border-width: 1.5px;
    margin-inline-end: 4px;
  }
  .reasons {
    margin: 0;
    padding-inline-start: 18px;
    font-size: 12px;
    line-height: 1.45;
    color: var(--tp-color-text-muted);
  }
  .hash {
    margin: 0;
    font-size: 12px;
    color: var(--tp-color-text-muted);
  }
  .explorer {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: 12px;
    align-self: flex-start;
  }
  .explorer svg {
    width: 13px;
    height: 13px;
  }
  .entry .hint {
    margin: 0;
  }
  .entry-error {
    margin: 0;
    font-size: 12px;
    color: var(--tp-color-danger);
    overflow-wrap: anywhere;
  }
`;
