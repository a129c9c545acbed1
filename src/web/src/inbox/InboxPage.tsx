/**
 * The inbox (/w/:workspaceId/inbox): conversations on the left, filtered and sorted from the URL;
 * the open conversation (?c=ID) on the right with its messages, actions and reply box. Kept live by
 * the server's event stream (polled while it is not connected). Readers see it all and change nothing.
 */
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAccountsQuery } from '../accounts/accounts.queries';
import { useMembersQuery } from '../members/members.queries';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { ConversationList } from './ConversationList';
import { ConversationPane } from './ConversationPane';
import { filterOf, inboxStateOf, searchOfInboxState, type InboxState } from './inbox-view';
import { FALLBACK_REFRESH_MS } from './inbox.queries';
import { InboxFilters } from './InboxFilters';
import { InboxSettingsModal } from './InboxSettingsModal';
import { canManageInbox, canReply } from './permissions';
import { useInboxEvents } from './use-inbox-events';

export function InboxPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => inboxStateOf(params), [params]);
  const filter = useMemo(() => filterOf(state), [state]);
  const live = useInboxEvents(workspace.id);
  const members = useMembersQuery(workspace.id);
  const accounts = useAccountsQuery(workspace.id);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [settingsOpened, settings] = useDisclosure(false);
  const canAct = canReply(workspace.role);
  const networks = useMemo(
    () => [...new Set((accounts.data ?? []).map((account) => account.network))].sort(),
    [accounts.data],
  );

  const change = (changes: Partial<InboxState>): void => {
    const listChanged = Object.keys(changes).some((key) => key !== 'conversation');
    if (listChanged) {
      setSelected(new Set());
    }
    setParams(searchOfInboxState({ ...state, ...changes }), { replace: !('conversation' in changes) });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>{t('inbox.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('inbox.intro')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Tooltip label={live ? t('inbox.liveHint') : t('inbox.pollingHint')} multiline maw={280}>
            <Badge variant="dot" color={live ? 'teal' : 'gray'} data-testid="inbox-live">
              {live ? t('inbox.live') : t('inbox.polling', { seconds: FALLBACK_REFRESH_MS / 1000 })}
            </Badge>
          </Tooltip>
          {canManageInbox(workspace.role) ? (
            <Button variant="default" size="xs" onClick={settings.open}>
              {t('inbox.settings')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {canAct ? null : (
        <Alert color="gray" variant="light">
          {t('inbox.readOnly')}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <Paper withBorder p="sm" radius="md">
              <InboxFilters state={state} networks={networks} onChange={change} />
            </Paper>
            <ConversationList
              workspaceId={workspace.id}
              timeZone={workspace.timeZone}
              filter={filter}
              live={live}
              activeId={state.conversation}
              members={canAct ? (members.data ?? []) : undefined}
              selected={selected}
              onSelected={setSelected}
              onOpen={(id) => change({ conversation: id })}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {state.conversation === null ? (
            <Text c="dimmed" size="sm">
              {t('inbox.list.pick')}
            </Text>
          ) : (
            <ConversationPane
              workspaceId={workspace.id}
              timeZone={workspace.timeZone}
              conversationId={state.conversation}
              live={live}
              members={members.data ?? []}
              canAct={canAct}
              canBlock={canManageInbox(workspace.role)}
            />
          )}
        </Grid.Col>
      </Grid>
      {canManageInbox(workspace.role) ? (
        <InboxSettingsModal
          workspaceId={workspace.id}
          opened={settingsOpened}
          onClose={settings.close}
          members={members.data ?? []}
        />
      ) : null}
    </Stack>
  );
}
