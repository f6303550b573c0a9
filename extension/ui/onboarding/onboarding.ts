import { defineElements } from '../defineElements.ts';
import { resolveUiLocale, uiLocaleStorageKey } from '../resolveUiLocale.ts';
import type { ModeChangeDetail } from '../tp-onboarding/tp-onboarding.ts';

defineElements();
const onboarding = document.querySelector('tp-onboarding');
if (onboarding) {
  const { locale } = resolveUiLocale({
    search: location.search,
    stored: localStorage.getItem(uiLocaleStorageKey),
    languages: navigator.languages,
  });
  onboarding.locale = locale;
  document.documentElement.lang = locale;
  const hash = location.hash.slice(1);
  onboarding.mode = hash === 'create' || hash === 'import' ? hash : '';
  onboarding.addEventListener('tp-mode-change', (event) => {
    const { mode } = (event as CustomEvent<ModeChangeDetail>).detail;
    history.replaceState(null, '', mode === '' ? location.pathname + location.search : `#${mode}`);
  });
  onboarding.addEventListener('tp-onboarding-done', () => {
    window.close();
  });
}
