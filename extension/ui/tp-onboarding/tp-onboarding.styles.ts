import { css } from 'lit';

export const onboardingStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--tp-color-muted);
    --tp-word-grid-columns: 3;
  }
  .page {
    max-width: 640px;
    margin: 0 auto;
    padding: 32px 20px 48px;
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 10px;
    font-size: 18px;
    font-weight: 600;
    margin-bottom: 20px;
  }
  .brand img {
    width: 32px;
    height: 32px;
  }
  .panel {
    background: var(--tp-color-surface);
    border: 1px solid var(--tp-color-border);
    border-radius: 16px;
    padding: 28px 32px 32px;
    box-shadow:
      0 1px 2px rgba(17, 24, 39, 0.04),
      0 8px 24px rgba(17, 24, 39, 0.06);
  }
  @media (min-width: 560px) {
    :host {
      --tp-word-grid-columns: 4;
    }
  }
  @media (max-width: 480px) {
    .panel {
      padding: 20px;
    }
  }
  .status {
    display: flex;
    align-items: center;
    gap: 10px;
    color: var(--tp-color-text-muted);
    margin: 0;
  }
  .progress {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 8px 12px;
    margin-bottom: 22px;
  }
  .step {
    margin: 0;
    font-size: 12px;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--tp-color-text-faint);
  }
  .restart {
    grid-row: 1;
    grid-column: 2;
    font-size: 13px;
  }
  .bar {
    grid-column: 1 / -1;
    height: 4px;
    border-radius: 2px;
    background: var(--tp-color-border);
    overflow: hidden;
  }
  .bar span {
    display: block;
    height: 100%;
    background: var(--tp-color-accent);
    transition: width 200ms ease;
  }
  .ready {
    text-align: center;
    display: flex;
    flex-direction: column;
    align-items: center;
  }
  .check {
    width: 56px;
    height: 56px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-size: 28px;
    color: var(--tp-color-success);
    background: var(--tp-color-success-surface);
    margin-bottom: 16px;
  }
  .account {
    width: 100%;
    margin: 8px 0 16px;
  }
  .account .label {
    margin-bottom: 6px;
  }
  .address {
    margin: 0;
    word-break: break-all;
    font-size: 15px;
  }
  .ready .hint {
    margin-bottom: 20px;
  }
  .ready button {
    min-width: 160px;
  }
`;
