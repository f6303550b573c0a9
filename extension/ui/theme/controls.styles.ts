import { css } from 'lit';

/** Buttons, fields, notices and cards, shared by every wallet component (uses tokenStyles' properties). */
export const controlStyles = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  h2 {
    font-size: 18px;
    font-weight: 600;
    margin: 0 0 6px;
    line-height: 1.3;
  }
  h3 {
    font-size: 14px;
    font-weight: 600;
    margin: 0 0 8px;
  }
  p {
    margin: 0 0 12px;
    line-height: 1.5;
  }
  .lead {
    color: var(--tp-color-text-muted);
    font-size: 14px;
  }
  button {
    font: inherit;
    font-size: 14px;
    font-weight: 600;
    border-radius: var(--tp-radius);
    border: 1px solid transparent;
    padding: 10px 16px;
    cursor: pointer;
    transition:
      background-color 120ms ease,
      border-color 120ms ease,
      color 120ms ease;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: 40px;
  }
  button svg {
    width: 18px;
    height: 18px;
    flex: none;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  summary:focus-visible {
    outline: none;
    box-shadow: var(--tp-focus-ring);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .primary {
    background: var(--tp-color-accent);
    color: var(--tp-color-on-accent);
  }
  .primary:hover:not(:disabled) {
    background: var(--tp-color-accent-hover);
  }
  .secondary {
    background: var(--tp-color-surface);
    color: var(--tp-color-text);
    border-color: var(--tp-color-border-strong);
  }
  .secondary:hover:not(:disabled) {
    background: var(--tp-color-muted);
  }
  .ghost {
    background: transparent;
    color: var(--tp-color-accent);
    padding: 6px 10px;
    min-height: 32px;
  }
  .ghost:hover:not(:disabled) {
    background: var(--tp-color-accent-soft);
  }
  .danger {
    background: transparent;
    color: var(--tp-color-danger);
    border-color: var(--tp-color-border-strong);
  }
  .danger:hover:not(:disabled) {
    background: var(--tp-color-danger-surface);
  }
  .icon-button {
    background: transparent;
    color: var(--tp-color-text-muted);
    padding: 6px;
    min-height: 32px;
    min-width: 32px;
    border-radius: var(--tp-radius-small);
  }
  .icon-button:hover:not(:disabled) {
    background: var(--tp-color-muted);
    color: var(--tp-color-text);
  }
  .icon-button svg {
    width: 18px;
    height: 18px;
  }
  .block {
    width: 100%;
  }
  @media (prefers-color-scheme: dark) {
    .ghost {
      color: #93a8ef;
    }
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 6px;
    margin-bottom: 14px;
    text-align: start;
  }
  label,
  .label {
    font-size: 13px;
    font-weight: 600;
    color: var(--tp-color-text);
  }
  input,
  select,
  textarea {
    font: inherit;
    font-size: 14px;
    color: var(--tp-color-text);
    background: var(--tp-color-surface);
    border: 1px solid var(--tp-color-border-strong);
    border-radius: var(--tp-radius-small);
    padding: 9px 11px;
    width: 100%;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--tp-color-danger);
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: auto;
    accent-color: var(--tp-color-accent);
    margin: 0;
  }
  textarea {
    resize: vertical;
    min-height: 96px;
    font-family: var(--tp-font-mono);
    line-height: 1.5;
  }
  .hint {
    font-size: 12px;
    color: var(--tp-color-text-faint);
    margin: 0;
  }

  .notice {
    font-size: 13px;
    line-height: 1.45;
    border-radius: var(--tp-radius-small);
    padding: 10px 12px;
    margin: 0 0 14px;
    text-align: start;
  }
  .notice.error {
    color: var(--tp-color-danger);
    background: var(--tp-color-danger-surface);
  }
  .notice.success {
    color: var(--tp-color-success);
    background: var(--tp-color-success-surface);
  }
  .notice.warning {
    color: var(--tp-color-warning);
    background: var(--tp-color-warning-surface);
  }
  .card {
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius);
    background: var(--tp-color-surface-raised);
    padding: 14px;
  }
  .actions {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }
  .actions > button {
    flex: 1;
  }
  .mono {
    font-family: var(--tp-font-mono);
  }

  .spinner {
    width: 16px;
    height: 16px;
    border-radius: 50%;
    border: 2px solid currentColor;
    border-right-color: transparent;
    animation: tp-spin 0.8s linear infinite;
    display: inline-block;
    flex: none;
  }
  @keyframes tp-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
