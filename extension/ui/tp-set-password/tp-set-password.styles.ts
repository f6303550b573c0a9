import { css } from 'lit';

export const setPasswordStyles = css`
  :host {
    display: block;
  }
  tp-password-strength {
    margin-top: 2px;
  }
  .checkbox {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    font-weight: 500;
    margin-bottom: 16px;
    cursor: pointer;
  }
  .notice.busy {
    display: flex;
    align-items: center;
    gap: 10px;
    background: var(--tp-color-accent-soft);
    color: var(--tp-color-text);
  }
  .buttons {
    display: flex;
    justify-content: space-between;
    gap: 8px;
  }
`;
