import browser from 'webextension-polyfill';
import { localDevChain } from '../../../shared/chains/localDevChain.ts';
import { defineElements } from '../defineElements.ts';
import type { TpPopup } from '../tp-popup/tp-popup.ts';

defineElements();
const popup = document.querySelector<TpPopup>('tp-popup');
if (popup) {
  popup.networkName = localDevChain.name;
  popup.version = browser.runtime.getManifest().version;
}
