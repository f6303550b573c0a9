import { css } from 'lit';

export const approvalStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100vh;
    min-width: 320px;
    box-sizing: border-box;
  }
  header {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 10px 12px 10px 16px;
    border-bottom: 1px solid var(--tp-color-border);
    flex: none;
    min-height: 52px;
  }
  header img {
    width: 26px;
    height: 26px;
  }
  h1 {
    font-size: 15px;
    font-weight: 600;
    margin: 0;
    flex: 1;
  }
  .pager {
    display: flex;
    align-items: center;
    gap: 2px;
  }
  .next svg {
    transform: scaleX(-1);
  }
  .position {
    font-size: 13px;
    font-weight: 600;
    color: var(--tp-color-text-muted);
    padding: 0 4px;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  main {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  tp-approval-request {
    flex: 1;
  }
  .centered {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 10px;
    text-align: center;
    padding: 24px;
    margin: 0;
  }
  .muted {
    color: var(--tp-color-text-muted);
    flex-direction: row;
  }
`;
