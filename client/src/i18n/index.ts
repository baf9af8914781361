import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@contract/enums';
import en from './en.json';
import vi from './vi.json';

const STORAGE_KEY = 'techexchange.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

/** Shows the site in `locale` now and on this device's later visits. */
export function chooseLocale(locale: Locale): void {
  rememberLocale(locale);
  void i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'vi';
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.name');
});

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLocale() ?? 'vi',
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18n;
