import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, UI_LANGUAGE_NAMES, toUiLanguage } from '../i18n/languages';
import { useUiLanguage } from '../i18n/use-ui-language';

/** Français / English, remembered in this browser. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const [language, setLanguage] = useUiLanguage();
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId}>
      <VisuallyHidden id={labelId}>{t('language.label')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        value={language}
        onChange={(value) => setLanguage(toUiLanguage(value))}
        data={UI_LANGUAGES.map((value) => ({ value, label: UI_LANGUAGE_NAMES[value] }))}
      />
    </div>
  );
}
