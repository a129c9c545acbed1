import { Alert, Badge, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useUiLanguage } from '../../i18n/use-ui-language';
import { formatDateTime } from '../../lib/format';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import type { ListeningSource, SourceStatus } from '../listening.api';
import { usePollSource, useRemoveSource, useSources } from '../listening.queries';
import { canManageListening } from '../permissions';
import { AddSourceModal } from './AddSourceModal';
import { knownKind, settingsSummary, SOURCE_KINDS, type SourceKind } from './source-kinds';
import { WebhookSecret } from './WebhookSecret';

const STATUS_COLOR: Record<SourceStatus, string> = {
  pending: 'gray',
  ok: 'teal',
  failing: 'red',
  idle: 'yellow',
};
/** Kinds the server polls (a Bluesky source reads a stream; the others are pushed to or imported). */
const POLLED = new Set(['rss', 'mastodon']);

/** Listen › Sources: where mentions come from, with their health; managers add, poll and remove them. */
export function SourcesPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const sources = useSources(workspace.id);
  const manage = canManageListening(workspace.role);
  const [adding, setAdding] = useState<SourceKind | null>(null);
  const [webhook, setWebhook] = useState<{ name: string; id: string; secret: string } | null>(null);

  return (
    <Stack maw={900}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{t('listening.sources.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('listening.sources.intro')}
          </Text>
        </Stack>
        {manage ? (
          <Menu position="bottom-end">
            <Menu.Target>
              <Button>{t('listening.sources.addMenu')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {SOURCE_KINDS.map((kind) => (
                <Menu.Item key={kind.kind} onClick={() => setAdding(kind)}>
                  {t(`listening.sources.kind.${kind.kind}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
      {manage ? null : (
        <Alert color="gray" role="note">
          {t('listening.readOnly')}
        </Alert>
      )}
      {webhook === null ? null : (
        <WebhookSecret
          name={webhook.name}
          sourceId={webhook.id}
          secret={webhook.secret}
          onDone={() => setWebhook(null)}
        />
      )}
      {sources.isError ? <QueryError error={sources.error} /> : null}
      {sources.data === undefined ? (
        sources.isError ? null : (
          <TableSkeleton rows={2} />
        )
      ) : sources.data.length === 0 ? (
        <Text c="dimmed">{t('listening.sources.empty')}</Text>
      ) : (
        <Stack
          component="ul"
          p={0}
          m={0}
          gap="sm"
          style={{ listStyle: 'none' }}
          aria-label={t('listening.sources.listLabel')}
        >
          {sources.data.map((source) => (
            <SourceCard key={source.id} source={source} manage={manage} />
          ))}
        </Stack>
      )}
      {adding === null ? null : (
        <AddSourceModal
          kind={adding}
          onClose={() => setAdding(null)}
          onAdded={(added) => {
            setAdding(null);
            notifications.show({
              color: 'teal',
              message: t('listening.sources.added', { name: added.name }),
            });
            if (added.secret !== undefined) {
              setWebhook({ name: added.name, id: added.id, secret: added.secret });
            }
          }}
        />
      )}
    </Stack>
  );
}

function SourceCard({ source, manage }: { source: ListeningSource; manage: boolean }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const workspace = useCurrentWorkspace();
  const poll = usePollSource(workspace.id);
  const remove = useRemoveSource(workspace.id);
  const kind = knownKind(source.kind);
  const when = (iso: string | null): string =>
    iso === null ? t('common.never') : formatDateTime(iso, language, workspace.timeZone);
  return (
    <Paper component="li" withBorder p="sm" radius="md" aria-label={source.name}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" style={{ minWidth: 0 }}>
            <Text fw={600} lineClamp={1}>
              {source.name}
            </Text>
            <Badge variant="outline" size="sm">
              {kind === null ? source.kind : t(`listening.sources.kind.${kind}`)}
            </Badge>
          </Group>
          <Badge color={STATUS_COLOR[source.status]} variant="light" data-testid="source-status">
            {t(`listening.sources.status.${source.status}`)}
          </Badge>
        </Group>
        {settingsSummary(source.settings ?? null).map(([field, text]) => (
          <Text key={field} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('listening.sources.setting', { field: t(`listening.sources.field.${field}`), value: text })}
          </Text>
        ))}
        {source.url === null ? null : (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {source.url}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {[
            t('listening.sources.itemsStored', { count: source.itemsStored }),
            source.lastItemAt === null
              ? null
              : t('listening.sources.lastItem', { date: when(source.lastItemAt) }),
            POLLED.has(source.kind)
              ? t('listening.sources.nextPoll', { date: when(source.nextPollAt) })
              : null,
          ]
            .filter((part) => part !== null)
            .join(' · ')}
        </Text>
        {source.lastError === null ? null : (
          <Text size="sm" c="red" data-testid="source-error">
            {t('listening.sources.lastError', { error: source.lastError, failures: source.errorCount })}
          </Text>
        )}
        {manage ? (
          <Group gap="xs">
            {POLLED.has(source.kind) ? (
              <Button
                size="xs"
                variant="light"
                loading={poll.isPending}
                onClick={() => poll.mutate(source.id)}
              >
                {t('listening.sources.pollNow')}
              </Button>
            ) : null}
            <ConfirmButton
              title={t('listening.sources.removeTitle', { name: source.name })}
              message={t('listening.sources.removeMessage')}
              onConfirm={() => remove.mutateAsync(source.id)}
            >
              {t('listening.sources.remove')}
            </ConfirmButton>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
