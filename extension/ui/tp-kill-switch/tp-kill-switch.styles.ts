import { css } from 'lit';

export const killSwitchStyles = css`
  :host {
    display: block;
  }
  .kill {
    display: flex;
    align-items: center;
    gap: 12px;
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius);
    background: var(--tp-color-surface-raised);
    padding: 12px 14px;
  }
  .kill.is-frozen {
    border-color: var(--tp-color-warning);
    background: var(--tp-color-warning-surface);
  }
  .kill > svg {
    width: 22px;
    height: 22px;
    flex: none;
    color: var(--tp-color-text-faint);
  }
  .is-frozen > svg {
    color: var(--tp-color-warning);
  }
  .text {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .label {
    font-size: 14px;
    font-weight: 600;
  }
  .state {
    font-size: 12px;
    line-height: 1.4;
    color: var(--tp-color-text-muted);
  }
  .is-frozen .state {
    color: var(--tp-color-warning);
  }
  :host([compact]) .kill {
    padding: 8px 10px 8px 12px;
  }
  :host([compact]) .label {
    font-size: 13px;
  }
  /* The switch: a button with role=switch, its state also in words next to the track. */
  .switch {
    flex: none;
    background: transparent;
    color: var(--tp-color-text);
    padding: 4px 6px;
    min-height: 36px;
    gap: 8px;
    font-size: 13px;
  }
  .track {
    position: relative;
    width: 40px;
    height: 22px;
    border-radius: 999px;
    background: var(--tp-color-border-strong);
    transition: background-color 120ms ease;
  }
  .thumb {
    position: absolute;
    top: 3px;
    left: 3px;
    width: 16px;
    height: 16px;
    border-radius: 50%;
    background: #ffffff;
    box-shadow: 0 1px 2px rgba(0, 0, 0, 0.3);
    transition: transform 120ms ease;
  }
  .switch[aria-checked='true'] .track {
    background: var(--tp-color-warning);
  }
  .switch[aria-checked='true'] .thumb {
    transform: translateX(18px);
  }
  .switch[aria-disabled='true'] {
    opacity: 0.55;
    cursor: progress;
  }
  .switch-text {
    min-width: 2.2em;
    text-align: start;
  }
  @media (prefers-reduced-motion: reduce) {
    .track,
    .thumb {
      transition: none;
    }
  }
  .notice {
    margin: 8px 0 0;
  }
`;
