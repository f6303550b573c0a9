import { css } from 'lit';

export const dataTreeStyles = css`
  :host {
    display: block;
    font-size: 13px;
  }
  dl {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  dl dl {
    margin-top: 4px;
    padding-inline-start: 10px;
    border-inline-start: 2px solid var(--tp-color-border);
  }
  .entry {
    display: flex;
    flex-wrap: wrap;
    column-gap: 8px;
    align-items: baseline;
  }
  .entry.branch {
    flex-direction: column;
  }
  dt {
    color: var(--tp-color-text-muted);
    font-weight: 600;
    flex: none;
  }
  dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .leaf.string {
    font-family: var(--tp-font-mono);
    font-size: 12px;
  }
  .leaf.number,
  .leaf.boolean,
  .leaf.object,
  .empty,
  .more {
    color: var(--tp-color-text-faint);
  }
  .leaf.number,
  .leaf.boolean {
    font-family: var(--tp-font-mono);
    font-size: 12px;
    color: var(--tp-color-text);
  }
`;
