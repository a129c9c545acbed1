import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENGAGEMENT_LEVELS, PEOPLE_SORTS, RELATIONSHIP_STAGES, type PeopleFilter } from './community.api';
import { isLevel, isSort, isStage } from './community-view';

interface PeopleFiltersProps {
  filter: PeopleFilter;
  networks: string[];
  onChange: (filter: PeopleFilter) => void;
}

/** Search, stage, network, level, tag and sort of the people list (kept in the URL by the page). */
export function PeopleFilters({ filter, networks, onChange }: PeopleFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filter.q ?? '');
  const [tag, setTag] = useState(filter.tag ?? '');
  const applyQ = useDebouncedCallback((value: string) => onChange({ ...filter, q: value }), 400);
  const applyTag = useDebouncedCallback((value: string) => onChange({ ...filter, tag: value }), 400);
  const networkChoices = [...new Set([...networks, ...(filter.network ? [filter.network] : [])])].sort();
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="search" aria-label={t('community.people.filters')}>
      <TextInput
        size="xs"
        style={{ flex: 2, minWidth: 180 }}
        label={t('community.people.search')}
        placeholder={t('community.people.searchPlaceholder')}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          applyQ(event.currentTarget.value);
        }}
      />
      <Select
        size="xs"
        style={{ flex: 1, minWidth: 130 }}
        label={t('community.people.stage')}
        value={filter.stage ?? ''}
        allowDeselect={false}
        onChange={(value) => onChange({ ...filter, stage: isStage(value) ? value : undefined })}
        data={[
          { value: '', label: t('community.people.anyStage') },
          ...RELATIONSHIP_STAGES.map((stage) => ({ value: stage, label: t(`community.stages.${stage}`) })),
        ]}
      />
      <Select
        size="xs"
        style={{ flex: 1, minWidth: 130 }}
        label={t('community.people.network')}
        value={filter.network ?? ''}
        allowDeselect={false}
        onChange={(value) =>
          onChange({ ...filter, network: value === null || value === '' ? undefined : value })
        }
        data={[
          { value: '', label: t('community.people.anyNetwork') },
          ...networkChoices.map((network) => ({ value: network, label: network })),
        ]}
      />
      <Select
        size="xs"
        style={{ flex: 1, minWidth: 130 }}
        label={t('community.people.level')}
        value={filter.level ?? ''}
        allowDeselect={false}
        onChange={(value) => onChange({ ...filter, level: isLevel(value) ? value : undefined })}
        data={[
          { value: '', label: t('community.people.anyLevel') },
          ...ENGAGEMENT_LEVELS.map((level) => ({ value: level, label: t(`community.levels.${level}`) })),
        ]}
      />
      <TextInput
        size="xs"
        style={{ flex: 1, minWidth: 110 }}
        label={t('community.people.tag')}
        value={tag}
        onChange={(event) => {
          setTag(event.currentTarget.value);
          applyTag(event.currentTarget.value);
        }}
      />
      <Select
        size="xs"
        style={{ flex: 1, minWidth: 150 }}
        label={t('community.people.sort')}
        value={filter.sort}
        allowDeselect={false}
        onChange={(value) => onChange({ ...filter, sort: isSort(value) ? value : 'engagement' })}
        data={PEOPLE_SORTS.map((sort) => ({ value: sort, label: t(`community.sorts.${sort}`) }))}
      />
    </Group>
  );
}
