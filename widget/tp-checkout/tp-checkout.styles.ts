import { css } from 'lit';

/*
 * Shipped as constructable stylesheets (Lit's adoptedStyleSheets): no <style> element, no style
 * attribute, so a Content-Security-Policy without 'unsafe-inline' allows it. Public custom
 * properties (--tp-…) set on the element win; the private ones (--_…) hold the resolved values.
 */

const darkPalette = css`
  --_text: var(--tp-color-text, #f3f4f6);
  --_muted: var(--tp-color-text-muted, #a1a9b8);
  --_surface: var(--tp-color-surface, #111827);
  --_raised: var(--tp-color-surface-raised, #1f2937);
  --_border: var(--tp-color-border, #374151);
  --_accent: var(--tp-color-accent, #60a5fa);
  --_accent-text: var(--tp-color-accent-text, #0b1220);
  --_danger: var(--tp-color-danger, #fca5a5);
  --_success: var(--tp-color-success, #86efac);
  --_focus: var(--tp-color-focus, #93c5fd);
  color-scheme: dark;
`;

export const checkoutStyles = css`
  :host {
    --_text: var(--tp-color-text, #111827);
    --_muted: var(--tp-color-text-muted, #4b5563);
    --_surface: var(--tp-color-surface, #ffffff);
    --_raised: var(--tp-color-surface-raised, #f9fafb);
    --_border: var(--tp-color-border, #d1d5db);
    --_accent: var(--tp-color-accent, #1d4ed8);
    --_accent-text: var(--tp-color-accent-text, #ffffff);
    --_danger: var(--tp-color-danger, #b91c1c);
    --_success: var(--tp-color-success, #15803d);
    --_focus: var(--tp-color-focus, #2563eb);
    --_radius: var(--tp-radius, 12px);
    color-scheme: light;
    display: block;
    max-width: 420px;
    font-family: var(--tp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--tp-font-size, 16px);
    line-height: 1.45;
    color: var(--_text);
    text-align: start;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkPalette}
    }
  }
  :host([theme='dark']) {
    ${darkPalette}
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: 20px;
  }
  .header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 12px;
    padding-block-end: 14px;
    margin-block-end: 16px;
    border-block-end: 1px solid var(--_border);
  }
  .label {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .price {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  h2 {
    margin: 0 0 12px;
    font-size: 1.05em;
    font-weight: 650;
  }
  h2:focus {
    outline: none;
  }
  p {
    margin: 0 0 12px;
  }
  .muted {
    color: var(--_muted);
  }
  .small {
    font-size: 0.875em;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
  }
  :is(button, a):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .option,
  .wallet {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    inline-size: 100%;
    min-block-size: 52px;
    padding: 10px 14px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_raised);
    text-align: start;
  }
  .option:hover:not(:disabled),
  .wallet:hover {
    border-color: var(--_accent);
  }
  .option:disabled {
    color: var(--_muted);
  }
  .option-name {
    display: grid;
  }
  .option-asset {
    font-weight: 650;
  }
  .option-amount {
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }
  .wallet {
    justify-content: flex-start;
  }
  .wallet img,
  .wallet .icon-placeholder {
    inline-size: 28px;
    block-size: 28px;
    border-radius: 6px;
    flex: none;
  }
  .wallet .icon-placeholder {
    background: var(--_border);
  }

  .amount {
    margin: 0 0 4px;
    font-size: 1.6em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .countdown {
    display: inline-block;
    margin: 4px 0 16px;
    padding: 4px 10px;
    border-radius: 999px;
    background: var(--_raised);
    border: 1px solid var(--_border);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-block-start: 16px;
  }
  .button {
    flex: 1 1 auto;
    min-block-size: 44px;
    padding: 10px 16px;
    border-radius: calc(var(--_radius) - 4px);
    border: 1px solid var(--_border);
    background: transparent;
    font-weight: 600;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    text-decoration: none;
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .button:hover {
    filter: brightness(1.08);
  }

  .busy {
    display: flex;
    align-items: center;
    gap: 12px;
    margin-block-end: 12px;
  }
  .busy h2,
  .paid-title h2 {
    margin: 0;
  }
  .paid-title {
    display: flex;
    align-items: center;
    gap: 10px;
    margin-block-end: 12px;
  }
  .check {
    display: inline-grid;
    place-items: center;
    inline-size: 28px;
    block-size: 28px;
    border-radius: 50%;
    background: var(--_success);
    color: var(--_surface);
    font-weight: 700;
  }
  .spinner {
    flex: none;
    inline-size: 22px;
    block-size: 22px;
    border: 3px solid var(--_border);
    border-block-start-color: var(--_accent);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  progress {
    inline-size: 100%;
    block-size: 10px;
    accent-color: var(--_accent);
    margin-block-end: 12px;
  }
  .hash {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.8em;
    overflow-wrap: anywhere;
    direction: ltr;
    unicode-bidi: isolate;
  }
  a {
    color: var(--_accent);
    font-weight: 600;
  }
  .error h2 {
    color: var(--_danger);
  }
  .paid h2 {
    color: var(--_success);
  }
  .issues {
    margin: 0;
    padding-inline-start: 20px;
    list-style: disc;
    display: block;
    font-size: 0.875em;
  }
  .issues li + li {
    margin-block-start: 4px;
  }

  .trigger {
    inline-size: 100%;
  }
  dialog {
    padding: 0;
    border: none;
    background: transparent;
    color: inherit;
    inline-size: min(440px, calc(100vw - 24px));
    max-block-size: calc(100vh - 24px);
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 55%);
  }
  .dialog-bar {
    display: flex;
    justify-content: flex-end;
    margin-block-end: 4px;
  }
  .close {
    min-block-size: 36px;
    padding: 4px 12px;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
`;
