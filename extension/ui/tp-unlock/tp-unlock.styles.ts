import { css } from 'lit';

export const unlockStyles = css`
  :host {
    display: block;
  }
  form {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    text-align: center;
    padding: 28px 8px 8px;
  }
  .logo {
    width: 56px;
    height: 56px;
    margin: 0 auto 16px;
  }
  .lead {
    margin-bottom: 24px;
  }
`;
