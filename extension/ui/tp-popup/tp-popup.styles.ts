import { css } from 'lit';

export const popupStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    width: 360px;
    height: 600px;
    box-sizing: border-box;
  }
  header {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 12px 12px 12px 16px;
    border-bottom: 1px solid var(--tp-color-border);
    flex: none;
  }
  header img {
    width: 28px;
    height: 28px;
  }
  h1 {
    font-size: 16px;
    font-weight: 600;
    margin: 0;
    flex: 1;
  }
  .network {
    font-size: 12px;
    padding: 4px 10px;
    border-radius: 999px;
    background: var(--tp-color-muted);
    display: inline-flex;
    align-items: center;
    gap: 6px;
    white-space: nowrap;
    max-width: 150px;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .network::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--tp-color-network);
    flex: none;
  }
  main {
    flex: 1;
    overflow-y: auto;
    padding: 16px;
    display: flex;
    flex-direction: column;
  }
  main > * {
    flex: 1;
  }
  .centered {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 10px;
    text-align: center;
  }
  .muted {
    color: var(--tp-color-text-muted);
    flex-direction: row;
  }
  footer {
    padding: 8px 16px;
    font-size: 11px;
    color: var(--tp-color-text-faint);
    text-align: center;
    border-top: 1px solid var(--tp-color-border);
    flex: none;
  }
`;
