import { css } from 'lit';

export const approvalRequestStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
  .scroll {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    padding: 16px;
  }
  .origin {
    display: flex;
    align-items: center;
    gap: 12px;
    margin-bottom: 16px;
  }
  .site-icon {
    width: 40px;
    height: 40px;
    border-radius: var(--tp-radius);
    flex: none;
    display: grid;
    place-items: center;
    font-size: 18px;
    font-weight: 700;
    background: var(--tp-color-accent-soft);
    color: var(--tp-color-accent);
  }
  .site-icon.insecure {
    background: var(--tp-color-danger-surface);
    color: var(--tp-color-danger);
  }
  .origin-text {
    flex: 1;
    min-width: 0;
  }
  .hostname {
    font-size: 20px;
    font-weight: 700;
    line-height: 1.25;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .full-origin {
    font-size: 12px;
    color: var(--tp-color-text-faint);
    margin: 2px 0 0;
    overflow-wrap: anywhere;
  }
  .full-origin.insecure {
    color: var(--tp-color-danger);
    font-weight: 600;
  }
  .badge {
    font-size: 11px;
    font-weight: 600;
    padding: 3px 8px;
    border-radius: 999px;
    white-space: nowrap;
    flex: none;
  }
  .new-site {
    background: var(--tp-color-warning-surface);
    color: var(--tp-color-warning);
    border: 1px solid currentColor;
  }
  .kind {
    font-size: 12px;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--tp-color-text-faint);
    margin: 0 0 4px;
  }
  .summary {
    font-size: 17px;
    line-height: 1.4;
    margin: 0 0 14px;
    overflow-wrap: anywhere;
  }
  .notice {
    margin-bottom: 10px;
  }
  .notice.error {
    border-inline-start: 3px solid currentColor;
    font-weight: 500;
  }
  .facts {
    margin: 14px 0 0;
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius);
    background: var(--tp-color-surface-raised);
  }
  .fact {
    display: grid;
    grid-template-columns: minmax(88px, 34%) 1fr;
    gap: 10px;
    padding: 9px 12px;
    font-size: 13px;
    line-height: 1.45;
  }
  .fact + .fact {
    border-top: 1px solid var(--tp-color-border);
  }
  .fact dt {
    color: var(--tp-color-text-muted);
  }
  .fact dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .fact dd.mono,
  .fact .mono {
    font-size: 12px;
  }
  .fact dd.strong {
    font-weight: 600;
  }
  .named,
  .address {
    display: block;
  }
  .faint {
    color: var(--tp-color-text-faint);
  }
  .box-title {
    margin: 16px 0 6px;
    font-size: 13px;
  }
  .box {
    display: block;
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius-small);
    background: var(--tp-color-muted);
    padding: 10px 12px;
    font-size: 13px;
    max-height: 220px;
    overflow: auto;
  }
  pre,
  .box pre {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font: inherit;
  }
  pre.box {
    font-family: var(--tp-font);
    line-height: 1.5;
  }
  pre.box.mono {
    font-family: var(--tp-font-mono);
    font-size: 12px;
  }
  .raw {
    margin-top: 12px;
  }
  .raw > button {
    margin-inline-start: -10px;
  }
  .raw .box {
    margin-top: 6px;
    font-size: 12px;
  }
  .raw-fields {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .raw-field dt {
    color: var(--tp-color-text-faint);
  }
  .raw-field dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  fieldset.accounts {
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius);
    margin: 14px 0 8px;
    padding: 6px;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  legend {
    font-size: 13px;
    font-weight: 600;
    padding: 0 6px;
  }
  .account {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 8px;
    border-radius: var(--tp-radius-small);
    cursor: pointer;
    font-weight: 400;
  }
  .account:hover {
    background: var(--tp-color-muted);
  }
  .account input {
    width: 18px;
    height: 18px;
  }
  .avatar {
    width: 30px;
    height: 30px;
    border-radius: 50%;
    flex: none;
    display: grid;
    place-items: center;
    font-size: 13px;
    font-weight: 700;
    color: var(--tp-color-on-accent);
  }
  .account-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .account-name {
    font-weight: 600;
    font-size: 14px;
  }
  .account-address {
    font-size: 12px;
    color: var(--tp-color-text-faint);
  }
  tp-unlock {
    margin-top: -12px;
  }
  footer {
    flex: none;
    padding: 10px 16px 14px;
    border-top: 1px solid var(--tp-color-border);
    background: var(--tp-color-surface);
  }
  footer.inline {
    padding: 0 8px;
    border-top: none;
    background: none;
  }
  footer .notice {
    margin-bottom: 8px;
  }
  .expires {
    font-size: 12px;
    color: var(--tp-color-text-faint);
    margin: 0 0 8px;
    text-align: center;
  }
  .expires.hurry {
    color: var(--tp-color-warning);
    font-weight: 600;
  }
  .actions {
    flex-wrap: nowrap;
  }
  .policy {
    margin: 12px 0;
    padding: 10px 12px;
    border-radius: var(--tp-radius);
    border: 1px solid var(--tp-color-border);
    background: var(--tp-color-surface-raised);
  }
  .renewal {
    margin: 12px 0 0;
    padding: 8px 12px;
    border-radius: var(--tp-radius);
    border: 1px solid var(--tp-color-border);
    border-left: 4px solid var(--tp-color-accent);
    background: var(--tp-color-surface-raised);
  }
  .renewal p {
    margin: 0;
  }
  .renewal-title {
    font-weight: 600;
    font-size: 14px;
  }
  .policy.step-up {
    border-color: var(--tp-color-warning);
    background: var(--tp-color-warning-surface);
  }
  .policy .box-title {
    margin-top: 0;
  }
  .reasons,
  .usage {
    margin: 0 0 8px;
    padding-left: 18px;
    font-size: 13px;
    line-height: 1.45;
  }
  .usage {
    color: var(--tp-color-text-muted);
  }
  .worth {
    margin: 0 0 8px;
    font-size: 13px;
    font-weight: 600;
  }
  .policy input[type='password'] {
    width: 100%;
    box-sizing: border-box;
  }
  .cap {
    border: 1px solid var(--tp-color-border);
    border-radius: var(--tp-radius);
    padding: 8px 10px;
    margin: 8px 0;
  }
  .cap legend {
    font-size: 13px;
    font-weight: 600;
    padding: 0 4px;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 4px 0;
    font-size: 13px;
  }
  .cap-amount {
    width: 8em;
  }
  .grant {
    margin: 12px 0;
    padding: 10px 12px;
    border-radius: var(--tp-radius);
    border: 1px solid var(--tp-color-border);
    background: var(--tp-color-surface-raised);
  }
  .grant-sentence {
    font-size: 15px;
    font-weight: 600;
    margin: 0 0 8px;
    line-height: 1.4;
  }
  .site-says {
    font-size: 13px;
    font-style: italic;
    color: var(--tp-color-text-muted);
    margin: 4px 0 8px;
    overflow-wrap: anywhere;
  }
  .grant-edit {
    display: grid;
    gap: 4px;
  }
`;
