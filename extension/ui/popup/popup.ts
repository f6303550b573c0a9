import browser from 'webextension-polyfill';
import { isLocale } from '../../../shared/i18n/index.ts';
import { defineElements } from '../defineElements.ts';
import { resolveUiLocale, uiLocaleStorageKey } from '../resolveUiLocale.ts';
import type { LocaleChangeDetail } from '../tp-settings/tp-settings.ts';

defineElements();
const popup = document.querySelector('tp-popup');
if (popup) {
  const applyLocale = () => {
    const { locale, setting } = resolveUiLocale({
      search: location.search,
      stored: localStorage.getItem(uiLocaleStorageKey),
      languages: navigator.languages,
    });
    popup.locale = locale;
    popup.localeSetting = setting;
    document.documentElement.lang = locale;
  };
  applyLocale();
  popup.version = browser.runtime.getManifest().version;
  popup.addEventListener('tp-locale-change', (event) => {
    const { locale } = (event as CustomEvent<LocaleChangeDetail>).detail;
    if (isLocale(locale)) localStorage.setItem(uiLocaleStorageKey, locale);
    else localStorage.removeItem(uiLocaleStorageKey);
    applyLocale();
  });
}
