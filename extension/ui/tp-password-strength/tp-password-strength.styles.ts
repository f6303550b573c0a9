import { css } from 'lit';

export const passwordStrengthStyles = css`
  :host {
    display: block;
  }
  .strength {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .meter {
    display: grid;
    grid-template-columns: repeat(4, 1fr);
    gap: 4px;
  }
  .meter span {
    height: 4px;
    border-radius: 2px;
    background: var(--tp-color-border);
  }
  .level-too-short .filled,
  .level-weak .filled {
    background: var(--tp-color-danger);
  }
  .level-fair .filled {
    background: #d97706;
  }
  .level-good .filled {
    background: #16a34a;
  }
  .level-strong .filled {
    background: var(--tp-color-success);
  }
  .level {
    font-weight: 600;
    color: var(--tp-color-text-muted);
  }
`;
