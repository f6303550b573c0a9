import { css } from 'lit';

/**
 * The wallet's design tokens, set once on each page's root element (custom properties inherit
 * into every shadow root below it). Light by default, dark with the system's preference.
 */
export const tokenStyles = css`
  :host {
    color-scheme: light dark;
    --tp-color-accent: #1f3a8a;
    --tp-color-accent-hover: #1e40af;
    --tp-color-accent-soft: #e8edfb;
    --tp-color-on-accent: #ffffff;
    --tp-color-text: #111827;
    --tp-color-text-muted: #4b5563;
    --tp-color-text-faint: #6b7280;
    --tp-color-surface: #ffffff;
    --tp-color-surface-raised: #f9fafb;
    --tp-color-muted: #f3f4f6;
    --tp-color-border: #e5e7eb;
    --tp-color-border-strong: #d1d5db;
    --tp-color-danger: #b91c1c;
    --tp-color-danger-surface: #fef2f2;
    --tp-color-success: #047857;
    --tp-color-success-surface: #ecfdf5;
    --tp-color-warning: #92400e;
    --tp-color-warning-surface: #fffbeb;
    --tp-color-network: #10b981;
    --tp-focus-ring: 0 0 0 3px rgba(31, 58, 138, 0.35);
    --tp-radius: 10px;
    --tp-radius-small: 6px;
    --tp-font:
      system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC',
      sans-serif;
    --tp-font-mono:
      ui-monospace, 'SFMono-Regular', 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, monospace;
    font-family: var(--tp-font);
    color: var(--tp-color-text);
    background: var(--tp-color-surface);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --tp-color-accent: #4c6fd6;
      --tp-color-accent-hover: #6384e4;
      --tp-color-accent-soft: #1c2847;
      --tp-color-on-accent: #ffffff;
      --tp-color-text: #f3f4f6;
      --tp-color-text-muted: #b0b8c4;
      --tp-color-text-faint: #8b95a3;
      --tp-color-surface: #111827;
      --tp-color-surface-raised: #172033;
      --tp-color-muted: #1f2937;
      --tp-color-border: #263041;
      --tp-color-border-strong: #374151;
      --tp-color-danger: #f87171;
      --tp-color-danger-surface: #2a1518;
      --tp-color-success: #34d399;
      --tp-color-success-surface: #0f2a22;
      --tp-color-warning: #fbbf24;
      --tp-color-warning-surface: #2a2111;
      --tp-focus-ring: 0 0 0 3px rgba(99, 132, 228, 0.5);
    }
  }
`;
