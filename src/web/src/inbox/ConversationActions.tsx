import { Button, Group, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../api/types';
import { fromLocalInput } from '../lib/zoned-time';
import type { Conversation, ConversationChanges } from './inbox.api';
import { useModerate, useUpdateConversation } from './inbox.queries';
import { useDepartments } from './routing.queries';
import { ConfirmButton } from '../components/ConfirmButton';
import { defaultSnooze } from './snooze';

interface ConversationActionsProps {
  workspaceId: string;
  timeZone: string;
  conversation: Conversation;
  members: Member[];
  /** Blocking an author is for owners, admins and managers. */
  canBlock: boolean;
}

/** Assign, change status, snooze until a time, tag, mark as spam, hide a reply, block the author. */
export function ConversationActions({
  workspaceId,
  timeZone,
  conversation,
  members,
  canBlock,
}: ConversationActionsProps) {
  const { t } = useTranslation();
  const update = useUpdateConversation(workspaceId);
  const moderate = useModerate(workspaceId, conversation.id);
  const departments = useDepartments(workspaceId);
  const authorName = conversation.author.handle
    ? `@${conversation.author.handle}`
    : (conversation.author.name ?? '');
  const [snoozeUntil, setSnoozeUntil] = useState(() => defaultSnooze(Date.now(), timeZone));
  const [tags, setTags] = useState(conversation.tags);
  const serverTags = conversation.tags.join('\n');
  useEffect(() => setTags(serverTags === '' ? [] : serverTags.split('\n')), [serverTags]);

  const change = (changes: ConversationChanges, done?: string): void =>
    update.mutate(
      { id: conversation.id, changes },
      {
        onSuccess: () =>
          done === undefined ? undefined : notifications.show({ color: 'teal', message: done }),
      },
    );
  const snoozeIso = fromLocalInput(snoozeUntil, timeZone);
  const status = (next: Conversation['status']): void =>
    change({ status: next }, t('inbox.actions.statusDone', { status: t(`inbox.status.${next}`) }));

  return (
    <Stack gap="xs" role="group" aria-label={t('inbox.actions.label')}>
      <Group gap="xs" align="flex-end">
        <Select
          size="xs"
          w={200}
          label={t('inbox.actions.assignee')}
          value={conversation.assignee?.id ?? ''}
          allowDeselect={false}
          disabled={update.isPending}
          onChange={(value) => {
            const member = members.find((m) => m.userId === value);
            change(
              { assignee: member ? member.userId : null },
              member ? t('inbox.actions.assigned', { name: member.name }) : t('inbox.actions.unassignedDone'),
            );
          }}
          data={[
            { value: '', label: t('inbox.unassigned') },
            ...members.map((member) => ({ value: member.userId, label: member.name })),
          ]}
        />
        <Select
          size="xs"
          w={180}
          label={t('inbox.actions.team')}
          value={conversation.team?.id ?? ''}
          allowDeselect={false}
          disabled={update.isPending}
          onChange={(value) => change({ team: value === '' || value === null ? null : value })}
          data={[
            { value: '', label: t('inbox.actions.noTeam') },
            ...(departments.data ?? []).map((department) => ({
              value: department.id,
              label: department.name,
            })),
          ]}
        />
        {conversation.status !== 'open' ? (
          <Button size="xs" variant="light" onClick={() => status('open')}>
            {t('inbox.actions.reopen')}
          </Button>
        ) : null}
        {conversation.status !== 'pending' ? (
          <Button size="xs" variant="light" onClick={() => status('pending')}>
            {t('inbox.actions.pending')}
          </Button>
        ) : null}
        {conversation.status !== 'closed' ? (
          <Button size="xs" variant="light" color="gray" onClick={() => status('closed')}>
            {t('inbox.actions.close')}
          </Button>
        ) : null}
        <Button
          size="xs"
          variant="subtle"
          color="orange"
          onClick={() => change({ spam: !conversation.spam })}
        >
          {conversation.spam ? t('inbox.actions.notSpam') : t('inbox.actions.markSpam')}
        </Button>
        {conversation.network === 'bluesky' ? (
          <ConfirmButton
            size="xs"
            variant="subtle"
            color="orange"
            title={t('inbox.actions.hideTitle')}
            message={t('inbox.actions.hideMessage')}
            onConfirm={() => moderate.mutateAsync('hide')}
          >
            {t('inbox.actions.hide')}
          </ConfirmButton>
        ) : null}
        {canBlock && (conversation.network === 'bluesky' || conversation.network === 'mastodon') ? (
          <ConfirmButton
            size="xs"
            variant="subtle"
            color="red"
            title={t('inbox.actions.blockTitle', { author: authorName })}
            message={t('inbox.actions.blockMessage', { author: authorName })}
            onConfirm={() => moderate.mutateAsync('block')}
          >
            {t('inbox.actions.block')}
          </ConfirmButton>
        ) : null}
      </Group>
      <Group gap="xs" align="flex-end">
        <TextInput
          size="xs"
          type="datetime-local"
          label={t('inbox.actions.snoozeUntil')}
          value={snoozeUntil}
          onChange={(event) => setSnoozeUntil(event.currentTarget.value)}
        />
        <Button
          size="xs"
          variant="light"
          disabled={snoozeIso === null}
          onClick={() =>
            snoozeIso === null
              ? undefined
              : change(
                  { status: 'snoozed', snoozedUntil: snoozeIso },
                  t('inbox.actions.statusDone', { status: t('inbox.status.snoozed') }),
                )
          }
        >
          {t('inbox.actions.snooze')}
        </Button>
        <TagsInput
          size="xs"
          style={{ flex: 1, minWidth: 180 }}
          label={t('inbox.actions.tags')}
          placeholder={t('inbox.actions.tagsPlaceholder')}
          value={tags}
          maxTags={30}
          onChange={(next) => {
            setTags(next);
            change({ tags: next });
          }}
        />
      </Group>
    </Stack>
  );
}
