import { css } from 'lit';

export const popupStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    width: 360px;
    min-height: 540px;
    box-sizing: border-box;
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      sans-serif;
    color: var(--tp-color-text, #111827);
    background: var(--tp-color-surface, #ffffff);
  }
  header {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 14px 16px;
    border-bottom: 1px solid var(--tp-color-border, #e5e7eb);
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
    background: var(--tp-color-muted, #f3f4f6);
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .network::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: #10b981;
  }
  main {
    flex: 1;
    padding: 24px 16px;
    text-align: center;
  }
  main p {
    color: var(--tp-color-text-muted, #4b5563);
    font-size: 14px;
    line-height: 1.5;
  }
  footer {
    padding: 8px 16px;
    font-size: 11px;
    color: var(--tp-color-text-muted, #6b7280);
    text-align: center;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --tp-color-text: #f9fafb;
      --tp-color-text-muted: #9ca3af;
      --tp-color-surface: #111827;
      --tp-color-border: #1f2937;
      --tp-color-muted: #1f2937;
    }
  }
`;
