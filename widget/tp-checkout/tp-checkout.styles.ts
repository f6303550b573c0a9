import { css } from 'lit';

export const checkoutStyles = css`
  :host {
    display: block;
    max-width: 420px;
    font-family: var(--tp-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);
    color: var(--tp-color-text, #111827);
  }
  .card {
    border: 1px solid var(--tp-color-border, #e5e7eb);
    border-radius: var(--tp-radius, 12px);
    background: var(--tp-color-surface, #ffffff);
    padding: 20px;
  }
  h2 {
    margin: 0 0 8px;
    font-size: 18px;
  }
  p {
    margin: 0;
    color: var(--tp-color-text-muted, #4b5563);
  }
`;
