/**
 * Community › Pipeline: the relationships the team works on, one column per stage, each card with its
 * next step and date (overdue ones stand out). Moving a card is choosing its new stage.
 */
import { Anchor, Badge, Group, NativeSelect, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { formatDateTime } from '../lib/format';
import { useMembersQuery } from '../members/members.queries';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { IdentityHandles, LevelBadge } from './badges';
import {
  PIPELINE_STAGES,
  RELATIONSHIP_STAGES,
  type PersonSummary,
  type PipelineStage,
} from './community.api';
import { useMoveStage, usePipeline } from './community.queries';
import { isOverdue, isStage, personName } from './community-view';
import { canManageCommunity } from './permissions';

export function PipelinePage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const pipeline = usePipeline(workspace.id);
  const columns: PipelineStage[] = PIPELINE_STAGES.map((stage) => ({
    stage,
    people: pipeline.data?.find((column) => column.stage === stage)?.people ?? [],
  }));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('community.pipeline.intro')}
      </Text>
      {pipeline.isError ? <QueryError error={pipeline.error} /> : null}
      {pipeline.data === undefined ? (
        pipeline.isError ? null : (
          <TableSkeleton rows={4} />
        )
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" wrap="nowrap" gap="sm" aria-label={t('community.pipeline.board')}>
            {columns.map((column) => (
              <StageColumn key={column.stage} column={column} />
            ))}
          </Group>
        </ScrollArea>
      )}
    </Stack>
  );
}

function StageColumn({ column }: { column: PipelineStage }) {
  const { t } = useTranslation();
  const label = t(`community.stages.${column.stage}`);
  return (
    <Paper
      component="section"
      aria-label={label}
      withBorder
      p="xs"
      radius="md"
      w={230}
      miw={210}
      bg="var(--mantine-color-default-hover)"
      data-testid={`column-${column.stage}`}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5">
            {label}
          </Title>
          <Badge size="sm" variant="light" color="gray">
            {column.people.length}
          </Badge>
        </Group>
        {column.people.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('community.pipeline.emptyColumn')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {column.people.map((person) => (
              <PipelineCard key={person.id} person={person} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function PipelineCard({ person }: { person: PersonSummary }) {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const members = useMembersQuery(workspace.id);
  const move = useMoveStage(workspace.id);
  const name = personName(person);
  const overdue = isOverdue(person.nextStepDue, new Date());
  const owner = members.data?.find((member) => member.userId === person.ownerId);
  return (
    <Paper component="li" withBorder p="xs" radius="sm" aria-label={name} data-testid="pipeline-card">
      <Stack gap={4}>
        <Anchor
          component={Link}
          to={`/w/${workspace.id}/community/people/${encodeURIComponent(person.id)}`}
          fw={600}
          size="sm"
          style={{ overflowWrap: 'anywhere' }}
        >
          {name}
        </Anchor>
        <IdentityHandles identities={person.identities} />
        <LevelBadge level={person.scores.engagementLevel} />
        {person.nextStep !== null ? (
          <Text size="xs" style={{ overflowWrap: 'anywhere' }} data-testid="next-step">
            {t('community.pipeline.nextStep', { step: person.nextStep })}
          </Text>
        ) : null}
        {person.nextStepDue !== null ? (
          <Text
            size="xs"
            c={overdue ? 'red' : 'dimmed'}
            fw={overdue ? 700 : undefined}
            data-testid={overdue ? 'overdue' : 'due'}
          >
            {t(overdue ? 'community.pipeline.overdue' : 'community.pipeline.due', {
              date: formatDateTime(person.nextStepDue, i18n.language, workspace.timeZone),
            })}
          </Text>
        ) : null}
        {owner !== undefined ? (
          <Text size="xs" c="dimmed">
            {t('community.pipeline.owner', { name: owner.name })}
          </Text>
        ) : null}
        {canManageCommunity(workspace.role) ? (
          <NativeSelect
            size="xs"
            aria-label={t('community.pipeline.moveTo', { name })}
            value={person.stage}
            disabled={move.isPending}
            onChange={(event) => {
              const stage = event.currentTarget.value;
              if (isStage(stage) && stage !== person.stage) {
                move.mutate({ personId: person.id, changes: { stage } });
              }
            }}
            data={RELATIONSHIP_STAGES.map((stage) => ({
              value: stage,
              label: t(`community.stages.${stage}`),
            }))}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
