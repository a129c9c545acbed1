import { Alert, Badge, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { canManageListening } from '../permissions';
import type { Competitor } from '../trends/insights.api';
import { useCompetitors, useRemoveCompetitor } from '../trends/insights.queries';
import { emptyCompetitorForm, formOf, type CompetitorFormValues } from './competitor-form';
import { CompetitorModal } from './CompetitorModal';
import { ReportPanel } from './ReportPanel';
import { SharePanel } from './SharePanel';

interface Editing {
  id: string | null;
  initial: CompetitorFormValues;
}

/** Listen › Competitors: who they are, their share of voice, and each one's rhythm and top posts. */
export function CompetitorsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const competitors = useCompetitors(workspace.id);
  const remove = useRemoveCompetitor(workspace.id);
  const manage = canManageListening(workspace.role);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const list = competitors.data?.competitors ?? [];
  const shown = selected !== null && list.some((c) => c.id === selected) ? selected : null;
  return (
    <Stack maw={1000}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{t('insights.competitors.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('insights.competitors.intro')}
          </Text>
        </Stack>
        {manage ? (
          <Button onClick={() => setEditing({ id: null, initial: emptyCompetitorForm() })}>
            {t('insights.competitors.add')}
          </Button>
        ) : null}
      </Group>
      {manage ? null : (
        <Alert color="gray" role="note">
          {t('insights.competitors.readOnly')}
        </Alert>
      )}
      {competitors.isError ? <QueryError error={competitors.error} /> : null}
      {competitors.data === undefined ? (
        competitors.isError ? null : (
          <TableSkeleton rows={2} />
        )
      ) : (
        <>
          {manage && competitors.data.suggestions.length > 0 ? (
            <Group gap="xs" aria-label={t('insights.competitors.suggestions')}>
              <Text size="sm">{t('insights.competitors.suggestions')}</Text>
              {competitors.data.suggestions.map((suggestion) => (
                <Button
                  key={suggestion.name}
                  size="xs"
                  variant="light"
                  onClick={() =>
                    setEditing({
                      id: null,
                      initial:
                        suggestion.queryId === null
                          ? emptyCompetitorForm(suggestion.name, suggestion.query)
                          : {
                              ...emptyCompetitorForm(suggestion.name),
                              source: 'saved',
                              queryId: suggestion.queryId,
                            },
                    })
                  }
                >
                  {t('insights.competitors.addSuggested', { name: suggestion.name })}
                </Button>
              ))}
            </Group>
          ) : null}
          {list.length === 0 ? (
            <Text c="dimmed">{t('insights.competitors.empty')}</Text>
          ) : (
            <Stack
              component="ul"
              p={0}
              m={0}
              gap="sm"
              style={{ listStyle: 'none' }}
              aria-label={t('insights.competitors.listLabel')}
            >
              {list.map((competitor) => (
                <CompetitorRow
                  key={competitor.id}
                  competitor={competitor}
                  manage={manage}
                  selected={competitor.id === shown}
                  onSelect={() => setSelected(competitor.id === shown ? null : competitor.id)}
                  onEdit={() => setEditing({ id: competitor.id, initial: formOf(competitor) })}
                  onRemove={() => remove.mutateAsync(competitor.id)}
                />
              ))}
            </Stack>
          )}
          <SharePanel />
          {shown === null ? null : <ReportPanel competitorId={shown} />}
        </>
      )}
      <CompetitorModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        competitorId={editing?.id ?? null}
        initial={editing?.initial ?? emptyCompetitorForm()}
      />
    </Stack>
  );
}

interface CompetitorRowProps {
  competitor: Competitor;
  manage: boolean;
  selected: boolean;
  onSelect: () => void;
  onEdit: () => void;
  onRemove: () => Promise<unknown>;
}

function CompetitorRow({ competitor, manage, selected, onSelect, onEdit, onRemove }: CompetitorRowProps) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="sm" radius="md" aria-label={competitor.name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600}>{competitor.name}</Text>
          <Group gap={4}>
            {competitor.accounts.length === 0 ? (
              <Text size="xs" c="dimmed">
                {t('insights.competitors.noAccounts')}
              </Text>
            ) : (
              competitor.accounts.map((account) => (
                <Badge key={`${account.network}:${account.handle}`} variant="outline" size="sm" tt="none">
                  {`${account.network}:${account.handle}`}
                </Badge>
              ))
            )}
          </Group>
          {competitor.query !== null ? (
            <Code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{competitor.query}</Code>
          ) : (
            <Text size="xs" c="dimmed">
              {competitor.queryId !== null
                ? t('insights.competitors.usesSavedQuery')
                : t('insights.competitors.noQuery')}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant={selected ? 'filled' : 'light'} onClick={onSelect}>
            {t('insights.competitors.report')}
          </Button>
          {manage ? (
            <>
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('insights.competitors.edit')}
              </Button>
              <ConfirmButton
                title={t('insights.competitors.removeTitle', { name: competitor.name })}
                message={t('insights.competitors.removeMessage')}
                onConfirm={onRemove}
              >
                {t('insights.competitors.remove')}
              </ConfirmButton>
            </>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}
