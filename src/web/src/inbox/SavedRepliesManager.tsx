import { Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../components/ConfirmButton';
import { FormError } from '../components/FormError';
import { QueryError } from '../components/QueryError';
import { useCreateSavedReply, useDeleteSavedReply, useSavedReplies } from './inbox.queries';
import { REPLY_VARIABLES } from './inbox.api';

/** The team's saved replies: add one, delete one. */
export function SavedRepliesManager({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const replies = useSavedReplies(workspaceId);
  const create = useCreateSavedReply(workspaceId);
  const remove = useDeleteSavedReply(workspaceId);
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('inbox.settingsModal.savedReplies')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('inbox.settingsModal.savedRepliesIntro', { variables: REPLY_VARIABLES })}
      </Text>
      {replies.isError ? <QueryError error={replies.error} /> : null}
      {replies.data?.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('inbox.settingsModal.none')}
        </Text>
      ) : null}
      <Stack
        component="ul"
        p={0}
        m={0}
        gap={6}
        style={{ listStyle: 'none' }}
        aria-label={t('inbox.settingsModal.savedReplies')}
      >
        {(replies.data ?? []).map((reply) => (
          <Paper component="li" key={reply.id} withBorder p="xs" radius="md" aria-label={reply.name}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {reply.name}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {reply.text}
                </Text>
              </Stack>
              <ConfirmButton
                title={t('inbox.settingsModal.deleteTitle')}
                message={t('inbox.settingsModal.deleteConfirm', { name: reply.name })}
                onConfirm={() => remove.mutateAsync(reply.id)}
              >
                {t('inbox.settingsModal.delete')}
              </ConfirmButton>
            </Group>
          </Paper>
        ))}
      </Stack>
      <Stack
        component="form"
        gap="xs"
        aria-label={t('inbox.settingsModal.add')}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { name: name.trim(), text: text.trim() },
            {
              onSuccess: () => {
                setName('');
                setText('');
                notifications.show({ color: 'teal', message: t('inbox.settingsModal.added') });
              },
            },
          );
        }}
      >
        <TextInput
          label={t('inbox.settingsModal.name')}
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <Textarea
          label={t('inbox.settingsModal.text')}
          value={text}
          autosize
          minRows={2}
          maxLength={5_000}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <FormError error={create.error} />
        <Group>
          <Button
            type="submit"
            variant="light"
            loading={create.isPending}
            disabled={name.trim() === '' || text.trim() === ''}
          >
            {t('inbox.settingsModal.add')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
