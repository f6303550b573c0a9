import { css } from 'lit';

export const welcomeStyles = css`
  :host {
    display: block;
  }
  section {
    display: flex;
    flex-direction: column;
    align-items: center;
    text-align: center;
    padding: 28px 8px 8px;
  }
  .logo {
    width: 64px;
    height: 64px;
    margin-bottom: 18px;
  }
  .lead {
    max-width: 280px;
    margin-bottom: 28px;
  }
  .choices {
    display: flex;
    flex-direction: column;
    gap: 10px;
    width: 100%;
    margin-bottom: 14px;
  }
`;
