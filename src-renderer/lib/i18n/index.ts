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

/** Formats an ISO date for the current UI language (dates without time show no time). */
export function formatDate(iso: string | null, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const opts: Intl.DateTimeFormatOptions = iso.length > 10 ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', opts).format(d);
}

export default i18n;
