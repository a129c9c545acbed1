import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONTENT_LANGUAGES } from '../i18n/languages';

type LanguagesSelectProps = Omit<MultiSelectProps, 'data' | 'label'>;

/** The languages a workspace publishes and listens in. */
export function LanguagesSelect(props: LanguagesSelectProps) {
  const { t } = useTranslation();
  const data = CONTENT_LANGUAGES.map((language) => ({
    value: language,
    label: t(`contentLanguages.${language}`),
  }));
  return (
    <MultiSelect
      label={t('fields.languages')}
      description={t('fields.languagesHint')}
      {...props}
      data={data}
    />
  );
}
