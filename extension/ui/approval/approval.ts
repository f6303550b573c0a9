import { createTranslator } from '../../../shared/i18n/index.ts';
import { defineElements } from '../defineElements.ts';
import { resolveUiLocale, uiLocaleStorageKey } from '../resolveUiLocale.ts';

defineElements();
const approval = document.querySelector('tp-approval');
if (approval) {
  const { locale } = resolveUiLocale({
    search: location.search,
    stored: localStorage.getItem(uiLocaleStorageKey),
    languages: navigator.languages,
  });
  approval.locale = locale;
  document.documentElement.lang = locale;
  document.title = createTranslator(locale)('approval.windowTitle');
  // Nothing left to decide: the worker would close the window too; closing here is quicker.
  approval.addEventListener('tp-approvals-done', () => {
    window.close();
  });
}
