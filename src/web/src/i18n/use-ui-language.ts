import { useTranslation } from 'react-i18next';
import { toUiLanguage, type UiLanguage } from './languages';

/** The current interface language and a function to switch it (remembered by the detector's cache). */
export function useUiLanguage(): [UiLanguage, (language: UiLanguage) => void] {
  const { i18n } = useTranslation();
  const language = toUiLanguage(i18n.resolvedLanguage ?? i18n.language);
  const setLanguage = (next: UiLanguage): void => {
    void i18n.changeLanguage(next);
  };
  return [language, setLanguage];
}
