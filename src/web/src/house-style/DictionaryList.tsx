import { Group, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../components/ConfirmButton';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { filterWords } from './dictionary';
import { useRemoveDictionaryWord } from './house-style.queries';

/** The dictionary, filtered as one types, each word with a Remove button for those who may. */
export function DictionaryList({ words, canRemove }: { words: readonly string[]; canRemove: boolean }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const remove = useRemoveDictionaryWord(workspace.id);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterWords(words, query), [words, query]);

  if (words.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('houseStyle.dictionary.empty')}
      </Text>
    );
  }

  const onRemove = async (word: string): Promise<void> => {
    await remove.mutateAsync(word);
    notifications.show({ color: 'teal', message: t('houseStyle.dictionary.removed', { word }) });
  };

  return (
    <>
      <Group justify="space-between" align="flex-end">
        <TextInput
          type="search"
          label={t('houseStyle.dictionary.filter')}
          placeholder={t('houseStyle.dictionary.filterPlaceholder')}
          w={280}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('houseStyle.dictionary.count', { count: shown.length })}
        </Text>
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('houseStyle.dictionary.noMatch', { query: query.trim() })}
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label={t('houseStyle.dictionary.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('houseStyle.dictionary.word')}</Table.Th>
              {canRemove ? (
                <Table.Th w={1}>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((word) => (
              <Table.Tr key={word}>
                <Table.Td>{word}</Table.Td>
                {canRemove ? (
                  <Table.Td>
                    <ConfirmButton
                      title={t('houseStyle.dictionary.removeTitle')}
                      message={t('houseStyle.dictionary.removeConfirm', { word })}
                      onConfirm={() => onRemove(word)}
                      aria-label={t('houseStyle.dictionary.removeNamed', { word })}
                    >
                      {t('houseStyle.dictionary.remove')}
                    </ConfirmButton>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
