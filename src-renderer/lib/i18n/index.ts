/** i18next set-up: Vietnamese and English, following the OS/browser language on first start. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

/** The UI language to use when the user has not chosen one: the OS language if Vietnamese, else English. */
export function systemLanguage(): 'vi' | 'en' {
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
  return langs.some((l) => l?.toLowerCase().startsWith('vi')) ? 'vi' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, vi: { translation: vi } },
  lng: systemLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the UI language and the document's lang attribute. */
export function setUiLanguage(lang: 'vi' | 'en'): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** Dates are formatted in one place (date first, then the time): re-exported for existing imports. */
export { formatDate } from '../format-date';

export default i18n;
