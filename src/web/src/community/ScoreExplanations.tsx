import { Badge, Code, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { LevelBadge } from './badges';
import { SCORE_KINDS, type PersonDetail, type ScoreExplanation, type ScoreKind } from './community.api';
import { formatScore } from './community-view';

/** Each score of the person with how it was computed for them: formula, parts and reasons. */
export function ScoreExplanations({ person }: { person: PersonDetail }) {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const explanations = person.explanations;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('community.scores.title')}
        </Title>
        {explanations !== null ? (
          <Text size="xs" c="dimmed">
            {t('community.scores.asOf', {
              date: formatDateTime(explanations.asOf, i18n.language, workspace.timeZone),
            })}
          </Text>
        ) : null}
      </Group>
      {explanations === null ? (
        <Text size="sm" c="dimmed">
          {t('community.scores.notYet')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {SCORE_KINDS.map((kind) => (
            <ScoreCard
              key={kind}
              kind={kind}
              explanation={explanations[kind]}
              extra={
                kind === 'engagement' ? (
                  <LevelBadge level={explanations.engagement.level} />
                ) : kind === 'ambassador' ? (
                  <Badge size="sm" variant="light" color={explanations.ambassador.eligible ? 'teal' : 'gray'}>
                    {t(
                      explanations.ambassador.eligible
                        ? 'community.scores.eligible'
                        : 'community.scores.notEligible',
                    )}
                  </Badge>
                ) : null
              }
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function ScoreCard({
  kind,
  explanation,
  extra,
}: {
  kind: ScoreKind;
  explanation: ScoreExplanation;
  extra: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const label = t(`community.scores.${kind}`);
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={label} data-testid={`score-${kind}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{label}</Text>
          <Group gap={6}>
            {extra}
            <Text fw={700} size="lg" data-testid="score-value">
              {formatScore(explanation.value, i18n.language)}
            </Text>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t(`community.scoreMeaning.${kind}`)}
        </Text>
        <Code block style={{ whiteSpace: 'pre-wrap' }} data-testid="formula">
          {explanation.formula}
        </Code>
        {explanation.parts.length > 0 ? (
          <Table
            withRowBorders={false}
            verticalSpacing={2}
            fz="xs"
            aria-label={t('community.scores.parts', { score: label })}
          >
            <Table.Tbody>
              {explanation.parts.map((part, index) => (
                <Table.Tr key={`${index}-${part.label}`}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{part.label}</Table.Td>
                  <Table.Td ta="right">{formatScore(part.value, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {explanation.reasons.length > 0 ? (
          <List size="xs" spacing={2}>
            {explanation.reasons.map((reason, index) => (
              <List.Item key={`${index}-${reason}`}>{reason}</List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Paper>
  );
}
