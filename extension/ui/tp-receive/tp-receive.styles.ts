import { css } from 'lit';

export const receiveStyles = css`
  :host {
    display: block;
  }
  .top {
    display: flex;
    align-items: center;
    gap: 6px;
    margin: 0 0 8px -6px;
  }
  .top h2 {
    margin: 0;
  }
  .card {
    text-align: center;
    margin-bottom: 14px;
  }
  .account-name {
    font-weight: 600;
    margin-bottom: 8px;
  }
  .address {
    font-size: 15px;
    line-height: 1.6;
    word-break: break-all;
    background: var(--tp-color-surface);
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius-small);
    padding: 10px 12px;
    margin-bottom: 14px;
    user-select: all;
  }
  .copy-status {
    min-height: 1.5em;
    margin: 8px 0 0;
    font-size: 12px;
    color: var(--tp-color-text-faint);
  }
`;
