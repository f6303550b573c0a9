import { css } from 'lit';

export const settingsStyles = css`
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
    margin-bottom: 12px;
  }
  .card form > .notice:last-of-type,
  .card .field:last-child {
    margin-bottom: 0;
  }
  .inline {
    display: flex;
    gap: 8px;
  }
  .inline input {
    flex: 1;
  }
  tp-word-grid {
    margin-bottom: 10px;
    --tp-word-grid-columns: 2;
  }
  .phrase-language {
    margin-bottom: 12px;
  }
  tp-password-strength {
    margin-top: 2px;
  }
`;
