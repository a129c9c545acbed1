import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneOptions } from '../lib/time-zones';

type TimeZoneSelectProps = Omit<SelectProps, 'data' | 'searchable' | 'label'>;

/** A searchable list of the IANA time zones this browser knows. */
export function TimeZoneSelect(props: TimeZoneSelectProps) {
  const { t } = useTranslation();
  const current = typeof props.value === 'string' ? props.value : undefined;
  const data = useMemo(() => timeZoneOptions(current), [current]);
  return (
    <Select
      label={t('fields.timeZone')}
      searchable
      limit={100}
      nothingFoundMessage={t('fields.noTimeZone')}
      allowDeselect={false}
      {...props}
      data={data}
    />
  );
}
