import { css } from 'lit';

export const sitesStyles = css`
  .card-heading {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 4px;
  }
  .card-heading h3 {
    margin: 0;
  }
  .card > .hint {
    margin-bottom: 12px;
  }
  .card > .notice {
    margin: 12px 0 0;
  }
  .section-title {
    margin: 0 0 6px;
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--tp-color-text-faint);
  }
  .sites {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .site {
    width: 100%;
    justify-content: space-between;
    text-align: start;
    background: var(--tp-color-surface-raised);
    border: 1px solid var(--tp-color-border);
    color: inherit;
    font-weight: 400;
    padding: 10px 10px 10px 12px;
    gap: 8px;
  }
  .site:hover {
    border-color: var(--tp-color-border-strong);
    background: var(--tp-color-muted);
  }
  .site > svg {
    color: var(--tp-color-text-faint);
  }
  .site-text {
    display: flex;
    flex-direction: column;
    gap: 6px;
    min-width: 0;
    flex: 1;
  }
  .site .origin {
    font-weight: 600;
  }
  .site-badges {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  .connection {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    font-size: 12px;
    color: var(--tp-color-text-faint);
  }
  .connection::before {
    content: '';
    width: 7px;
    height: 7px;
    border-radius: 50%;
    border: 1.5px solid currentColor;
  }
  .connection.is-connected {
    color: var(--tp-color-success);
  }
  .connection.is-connected::before {
    background: currentColor;
  }
  .site-foot {
    display: flex;
    flex-wrap: wrap;
    column-gap: 10px;
    font-size: 12px;
    color: var(--tp-color-text-muted);
  }
`;
