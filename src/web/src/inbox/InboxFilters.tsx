import { Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNEE_FILTERS, SORTS, VIEWS, type InboxState } from './inbox-view';

interface InboxFiltersProps {
  state: InboxState;
  networks: string[];
  onChange: (changes: Partial<InboxState>) => void;
}

/** The view (a status or spam), who it is assigned to, network, search and sort. */
export function InboxFilters({ state, networks, onChange }: InboxFiltersProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(state.search);
  const applySearch = useDebouncedCallback((value: string) => onChange({ search: value }), 400);
  return (
    <Stack gap="xs">
      <SegmentedControl
        fullWidth
        size="xs"
        aria-label={t('inbox.views.label')}
        value={state.view}
        onChange={(view) => onChange({ view: VIEWS.find((v) => v === view) ?? 'open' })}
        data={VIEWS.map((view) => ({ value: view, label: t(`inbox.views.${view}`) }))}
      />
      <Group gap="xs" grow>
        <Select
          size="xs"
          label={t('inbox.filters.assignee')}
          value={state.assignee}
          allowDeselect={false}
          onChange={(value) =>
            onChange({ assignee: ASSIGNEE_FILTERS.find((a) => a === value) ?? 'everyone' })
          }
          data={ASSIGNEE_FILTERS.map((value) => ({ value, label: t(`inbox.filters.${value}`) }))}
        />
        <Select
          size="xs"
          label={t('inbox.filters.network')}
          value={state.network}
          allowDeselect={false}
          onChange={(value) => onChange({ network: value ?? '' })}
          data={[
            { value: '', label: t('inbox.filters.allNetworks') },
            ...networks.map((network) => ({ value: network, label: network })),
          ]}
        />
      </Group>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          label={t('inbox.filters.search')}
          placeholder={t('inbox.filters.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            applySearch(event.currentTarget.value);
          }}
        />
        <SegmentedControl
          size="xs"
          aria-label={t('inbox.filters.sort')}
          value={state.sort}
          onChange={(sort) => onChange({ sort: SORTS.find((s) => s === sort) ?? 'priority' })}
          data={SORTS.map((sort) => ({ value: sort, label: t(`inbox.filters.${sort}`) }))}
        />
      </Group>
    </Stack>
  );
}
