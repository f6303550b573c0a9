import { css } from 'lit';

export const importKeyStyles = css`
  :host {
    display: block;
  }
  .top {
    display: flex;
    align-items: center;
    gap: 6px;
    margin: 0 0 12px -6px;
  }
  .top h2 {
    margin: 0;
  }
`;
