import { css } from 'lit';

export const subscriptionsStyles = css`
  .subscriptions {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .subscription {
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius);
    background: var(--tp-color-surface-raised);
    padding: 10px 12px;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .subscription.closed {
    opacity: 0.7;
  }
  .heading {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
  }
  .merchant {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .origin {
    color: var(--tp-color-text-muted);
    font-size: 12px;
    overflow-wrap: anywhere;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 2px 10px;
    margin: 0;
    font-size: 13px;
  }
  dt {
    color: var(--tp-color-text-muted);
  }
  dd {
    margin: 0;
    text-align: end;
    overflow-wrap: anywhere;
  }
  .badge {
    font-size: 12px;
    padding: 1px 8px;
    border-radius: 999px;
    border: 1px solid var(--tp-color-border);
    white-space: nowrap;
  }
  .badge.active {
    color: var(--tp-color-success, inherit);
  }
  .clock {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 10px;
    margin-bottom: 12px;
  }
  .clock button {
    flex: none;
  }
  .attention {
    font-size: 13px;
  }
`;
