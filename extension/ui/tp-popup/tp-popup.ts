import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { walletIcon, walletName } from '../../inpage/walletInfo.ts';
import { popupStyles } from './tp-popup.styles.ts';

/**
 * The toolbar popup. Onboarding, unlock and accounts arrive with the vault; this shell shows
 * the wallet and the network it is on.
 *
 * @cssproperty --tp-color-text - Main text colour.
 * @cssproperty --tp-color-surface - Background.
 */
export class TpPopup extends LitElement {
  static override styles = popupStyles;

  /** Display name of the active network. */
  @property({ attribute: 'network-name' }) networkName = '';
  /** The wallet's version, shown in the footer. */
  @property() version = '';

  override render() {
    return html`
      <header>
        <img src=${walletIcon} alt="" />
        <h1>${walletName}</h1>
        <span class="network" aria-label="Network">${this.networkName}</span>
      </header>
      <main>
        <p>Your wallet, with a spending policy for every site.</p>
      </main>
      <footer>Version ${this.version}</footer>
    `;
  }
}
