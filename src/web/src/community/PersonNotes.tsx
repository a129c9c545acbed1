import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import { formatDateTime } from '../lib/format';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import type { PersonNote } from './community.api';
import { useAddNote, useDeleteNote } from './community.queries';

/** The team's notes about the person, newest first; members who manage the community add and delete them. */
export function PersonNotes({
  personId,
  notes,
  canEdit,
}: {
  personId: string;
  notes: PersonNote[];
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const add = useAddNote(workspace.id, personId);
  const remove = useDeleteNote(workspace.id, personId);
  const [text, setText] = useState('');
  const sorted = [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('community.notes.title')}
        </Title>
        {canEdit ? (
          <Stack
            component="form"
            gap="xs"
            aria-label={t('community.notes.add')}
            onSubmit={(event) => {
              event.preventDefault();
              if (text.trim() !== '') {
                add.mutate(text.trim(), { onSuccess: () => setText('') });
              }
            }}
          >
            <Textarea
              label={t('community.notes.text')}
              autosize
              minRows={2}
              maxLength={5000}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
            />
            <FormError error={add.error} />
            <Group>
              <Button type="submit" size="xs" loading={add.isPending} disabled={text.trim() === ''}>
                {t('community.notes.add')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {sorted.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('community.notes.empty')}
          </Text>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('community.notes.title')}
          >
            {sorted.map((note) => (
              <li key={note.id} data-testid="note">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {note.text}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {note.authorName ?? t('community.notes.unknownAuthor')} ·{' '}
                      {formatDateTime(note.createdAt, i18n.language, workspace.timeZone)}
                    </Text>
                  </Stack>
                  {canEdit ? (
                    <Tooltip label={t('community.notes.delete')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('community.notes.delete')}
                        loading={remove.isPending && remove.variables === note.id}
                        onClick={() => remove.mutate(note.id)}
                      >
                        ×
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
