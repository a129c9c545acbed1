/**
 * i18next for the web app: English and French bundled, the browser's language by default, and the
 * user's choice remembered in localStorage.
 */
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_STORAGE_KEY, UI_LANGUAGES, toUiLanguage } from './languages';
import { englishCatalogue, frenchCatalogue } from './catalogues';

export const resources = { en: { translation: englishCatalogue }, fr: { translation: frenchCatalogue } } as const;

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...UI_LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    // React escapes what it renders; escaping here too would show entities.
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: (tag: string) => toUiLanguage(tag),
    },
    react: { useSuspense: false },
  });

const syncDocumentLanguage = (language: string): void => {
  document.documentElement.lang = toUiLanguage(language);
};
syncDocumentLanguage(i18n.resolvedLanguage ?? i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export default i18n;
