import { Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasStatus } from '../../api/errors';
import { FormError } from '../../components/FormError';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { QUERY_TAGS, type QueryTag } from '../listening.api';
import { useCreateQuery, useQueryTest } from '../listening.queries';
import { queryErrorPosition } from '../query-error';
import { QueryErrorView } from '../QueryErrorView';

/** Saves a query: name, text (read back by the server as it is typed), tag. */
export function QueryForm() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const create = useCreateQuery(workspace.id);
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<QueryTag>('brand');
  const [typed] = useDebouncedValue(query, 400);
  const test = useQueryTest(workspace.id, typed);
  // A server without the live test (404) leaves the check to saving.
  const testAvailable = !(test.isError && hasStatus(test.error, 404, 405));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (name.trim() === '' || query.trim() === '') {
      return;
    }
    try {
      const saved = await create.mutateAsync({ name: name.trim(), query, tag });
      notifications.show({ color: 'teal', message: t('listening.queries.saved', { name: saved.name }) });
      setName('');
      setQuery('');
      create.reset();
    } catch {
      // Shown below the form.
    }
  };

  const saveRefusedQuery =
    create.isError && queryErrorPosition(create.error) !== null && !hasStatus(create.error, 409);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('listening.queries.formLabel')}>
      <Stack gap="xs" maw={760}>
        <Group align="flex-start" grow>
          <TextInput
            label={t('listening.queries.name')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Select
            label={t('listening.queries.tag')}
            data={QUERY_TAGS.map((value) => ({ value, label: t(`listening.tag.${value}`) }))}
            value={tag}
            allowDeselect={false}
            onChange={(value) => setTag(value ?? 'brand')}
          />
        </Group>
        <Textarea
          label={t('listening.queries.query')}
          description={t('listening.queries.queryHint')}
          required
          autosize
          minRows={2}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        {typed === query && query.trim() !== '' && testAvailable ? (
          test.isError ? (
            <QueryErrorView query={query} error={test.error} />
          ) : test.data?.valid === false ? (
            <QueryErrorView
              query={query}
              error={{ details: { position: test.data.error.position } }}
              message={test.data.error.message}
            />
          ) : test.data?.valid ? (
            <Text size="sm" c="teal" data-testid="query-description">
              {test.data.description}
            </Text>
          ) : null
        ) : null}
        {saveRefusedQuery ? (
          <QueryErrorView query={query} error={create.error} />
        ) : (
          <FormError error={create.error} />
        )}
        <Group>
          <Button
            type="submit"
            loading={create.isPending}
            disabled={name.trim() === '' || query.trim() === ''}
          >
            {t('listening.queries.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
