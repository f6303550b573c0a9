import { TpPopup } from './tp-popup/tp-popup.ts';

/** The one place the wallet's UI elements are registered; importing a class has no side effects. */
export function defineElements(): void {
  if (!customElements.get('tp-popup')) customElements.define('tp-popup', TpPopup);
}
