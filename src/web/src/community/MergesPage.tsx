/**
 * Community › Merge suggestions: pairs of people on different networks who may be one person, with
 * the reasons in words. Nothing is merged until a user says "Same person"; "Not the same" is final.
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { formatDate } from '../lib/format';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { IdentityHandles, LevelBadge, StageBadge } from './badges';
import type { MergeSuggestion, PersonSummary } from './community.api';
import {
  useConfirmSuggestion,
  useMergeSuggestions,
  useRefreshSuggestions,
  useRejectSuggestion,
} from './community.queries';
import { formatScore, personName } from './community-view';
import { mergeReasonLabel } from './labels';
import { canManageCommunity } from './permissions';

export function MergesPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const suggestions = useMergeSuggestions(workspace.id, 'pending');
  const refresh = useRefreshSuggestions(workspace.id);
  const canEdit = canManageCommunity(workspace.role);
  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed">
          {t('community.merges.intro')}
        </Text>
        {canEdit ? (
          <Button
            size="xs"
            variant="default"
            loading={refresh.isPending}
            onClick={() =>
              refresh.mutate(undefined, {
                onSuccess: ({ created }) =>
                  notifications.show({
                    color: 'teal',
                    message: t('community.merges.refreshed', { count: created }),
                  }),
              })
            }
          >
            {t('community.merges.refresh')}
          </Button>
        ) : null}
      </Group>
      {suggestions.isError ? <QueryError error={suggestions.error} /> : null}
      {suggestions.data === undefined ? (
        suggestions.isError ? null : (
          <TableSkeleton rows={3} />
        )
      ) : suggestions.data.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed" ta="center">
            {t('community.merges.empty')}
          </Text>
        </Paper>
      ) : (
        <Stack
          component="ul"
          gap="md"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('community.merges.queue')}
        >
          {suggestions.data.map((suggestion) => (
            <SuggestionCard key={suggestion.id} suggestion={suggestion} canEdit={canEdit} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function SuggestionCard({ suggestion, canEdit }: { suggestion: MergeSuggestion; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const confirm = useConfirmSuggestion(workspace.id);
  const reject = useRejectSuggestion(workspace.id);
  const [opened, { open, close }] = useDisclosure(false);
  const names = { a: personName(suggestion.a), b: personName(suggestion.b) };
  const strength = Math.round(Math.max(0, Math.min(1, suggestion.strength)) * 100);
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      aria-label={t('community.merges.pair', names)}
      data-testid="suggestion"
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <PersonSide person={suggestion.a} />
          <PersonSide person={suggestion.b} />
        </SimpleGrid>
        <Stack gap={4}>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('community.merges.why')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('community.merges.suggestedOn', {
                date: formatDate(suggestion.createdAt, i18n.language, workspace.timeZone),
              })}
            </Text>
          </Group>
          <List size="sm" spacing={2} data-testid="reasons">
            {suggestion.reasons.map((reason, index) => (
              <List.Item key={`${index}-${reason.code}`}>
                <Text span fw={500} size="sm">
                  {mergeReasonLabel(t, reason.code)}
                </Text>
                {reason.detail !== '' ? ` — ${reason.detail}` : ''}
              </List.Item>
            ))}
          </List>
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('community.merges.strength', { percent: strength })}
            </Text>
            <Progress
              value={strength}
              size="sm"
              style={{ flex: 1, maxWidth: 240 }}
              aria-label={t('community.merges.strengthLabel')}
            />
          </Group>
        </Stack>
        {canEdit ? (
          <Group justify="flex-end">
            <Button
              variant="default"
              size="xs"
              loading={reject.isPending}
              onClick={() =>
                reject.mutate(suggestion.id, {
                  onSuccess: () =>
                    notifications.show({ color: 'teal', message: t('community.merges.rejected') }),
                })
              }
            >
              {t('community.merges.notSame')}
            </Button>
            <Button size="xs" onClick={open}>
              {t('community.merges.same')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <Modal opened={opened} onClose={close} title={t('community.merges.confirmTitle')} centered>
        <Stack>
          <Text size="sm">{t('community.merges.confirmText', names)}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={confirm.isPending}
              onClick={() =>
                confirm.mutate(suggestion.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('community.merges.merged') });
                    close();
                  },
                })
              }
            >
              {t('community.merges.confirmMerge')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function PersonSide({ person }: { person: PersonSummary }) {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  return (
    <Paper bg="var(--mantine-color-default-hover)" p="sm" radius="md">
      <Stack gap={4}>
        <Anchor
          component={Link}
          to={`/w/${workspace.id}/community/people/${encodeURIComponent(person.id)}`}
          fw={600}
          style={{ overflowWrap: 'anywhere' }}
        >
          {personName(person)}
        </Anchor>
        <IdentityHandles identities={person.identities} />
        <Group gap={6}>
          <StageBadge stage={person.stage} />
          <LevelBadge level={person.scores.engagementLevel} />
          <Badge size="sm" variant="outline" color="gray">
            {t('community.merges.activities', { count: person.activityCount })}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('community.merges.sideScores', {
            engagement: formatScore(person.scores.engagement, i18n.language),
            reach: formatScore(person.scores.reach, i18n.language),
          })}
          {' · '}
          {t('community.person.lastSeen', {
            date: formatDate(person.lastSeenAt, i18n.language, workspace.timeZone),
          })}
        </Text>
      </Stack>
    </Paper>
  );
}
