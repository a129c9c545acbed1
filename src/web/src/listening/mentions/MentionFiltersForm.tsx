import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { INTENTS, SENTIMENTS, type Intent, type MentionFilters, type Sentiment } from '../listening.api';
import { useSavedQueries } from '../listening.queries';
import { dayEndIn, dayOf, dayStartIn } from './filters-url';

const NETWORKS = ['bluesky', 'mastodon', 'rss', 'webhook', 'import'];
const LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt', 'und'];

interface Draft {
  queryId: string | null;
  query: string;
  text: string;
  networks: string[];
  languages: string[];
  sentiments: string[];
  intents: string[];
  from: string;
  to: string;
}

const draftOf = (filters: MentionFilters, timeZone: string): Draft => ({
  queryId: filters.queryId ?? null,
  query: filters.query ?? '',
  text: filters.text ?? '',
  networks: filters.networks ?? [],
  languages: filters.languages ?? [],
  sentiments: filters.sentiments ?? [],
  intents: filters.intents ?? [],
  from: dayOf(filters.since, timeZone),
  to: dayOf(filters.until, timeZone, true),
});

const orUndefined = <T,>(values: T[]): T[] | undefined => (values.length === 0 ? undefined : values);
const textOrUndefined = (value: string): string | undefined =>
  value.trim() === '' ? undefined : value.trim();

/** The stream's filters: applied together, written into the page's URL. */
export function MentionFiltersForm({
  filters,
  onApply,
}: {
  filters: MentionFilters;
  onApply: (filters: MentionFilters) => void;
}) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const queries = useSavedQueries(workspace.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(filters, workspace.timeZone));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void =>
    setDraft((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onApply({
      queryId: draft.queryId ?? undefined,
      query: textOrUndefined(draft.query),
      text: textOrUndefined(draft.text),
      networks: orUndefined(draft.networks),
      languages: orUndefined(draft.languages),
      sentiments: orUndefined(draft.sentiments as Sentiment[]),
      intents: orUndefined(draft.intents as Intent[]),
      since: draft.from === '' ? undefined : dayStartIn(draft.from, workspace.timeZone),
      until: draft.to === '' ? undefined : dayEndIn(draft.to, workspace.timeZone),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('listening.filters.label')}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('listening.filters.savedQuery')}
            placeholder={t('listening.filters.allMentions')}
            clearable
            data={(queries.data ?? []).map((query) => ({ value: query.id, label: query.name }))}
            value={draft.queryId}
            onChange={(value) => set('queryId', value)}
          />
          <TextInput
            label={t('listening.filters.text')}
            description={t('listening.filters.textHint')}
            value={draft.text}
            onChange={(event) => set('text', event.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label={t('listening.filters.query')}
          description={t('listening.filters.queryHint')}
          autosize
          minRows={1}
          maxRows={4}
          value={draft.query}
          onChange={(event) => set('query', event.currentTarget.value)}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <MultiSelect
            label={t('listening.filters.network')}
            data={NETWORKS}
            value={draft.networks}
            onChange={(value) => set('networks', value)}
            clearable
          />
          <MultiSelect
            label={t('listening.filters.language')}
            data={LANGUAGES}
            value={draft.languages}
            onChange={(value) => set('languages', value)}
            clearable
          />
          <MultiSelect
            label={t('listening.filters.sentiment')}
            data={SENTIMENTS.map((value) => ({ value, label: t(`listening.sentiment.${value}`) }))}
            value={draft.sentiments}
            onChange={(value) => set('sentiments', value)}
            clearable
          />
          <MultiSelect
            label={t('listening.filters.intent')}
            data={INTENTS.map((value) => ({ value, label: t(`listening.intent.${value}`) }))}
            value={draft.intents}
            onChange={(value) => set('intents', value)}
            clearable
          />
        </SimpleGrid>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('listening.filters.from')}
            value={draft.from}
            onChange={(event) => set('from', event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('listening.filters.to')}
            value={draft.to}
            onChange={(event) => set('to', event.currentTarget.value)}
          />
          <Button type="submit">{t('listening.filters.apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(draftOf({}, workspace.timeZone));
              onApply({});
            }}
          >
            {t('listening.filters.clear')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
