import { Anchor, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../components/ConfirmButton';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { formatFactDate, isExpired, isWebAddress } from './facts';
import type { Fact } from './house-style.api';
import { useDeleteFact } from './house-style.queries';

interface FactsTableProps {
  facts: readonly Fact[];
  canEdit: boolean;
  onEdit: (fact: Fact) => void;
}

/** The register, one row per fact; an expired fact is marked as such. */
export function FactsTable({ facts, canEdit, onEdit }: FactsTableProps) {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const remove = useDeleteFact(workspace.id);

  if (facts.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('houseStyle.facts.empty')}
      </Text>
    );
  }

  const now = new Date();
  const date = (value: string | undefined) =>
    value === undefined ? '—' : formatFactDate(value, i18n.language, workspace.timeZone);
  const onDelete = async (fact: Fact): Promise<void> => {
    await remove.mutateAsync(fact.id);
    notifications.show({ color: 'teal', message: t('houseStyle.facts.deleted') });
  };

  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" aria-label={t('houseStyle.facts.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('houseStyle.facts.statement')}</Table.Th>
              <Table.Th>{t('houseStyle.facts.value')}</Table.Th>
              <Table.Th>{t('houseStyle.facts.sourceUrl')}</Table.Th>
              <Table.Th>{t('houseStyle.facts.validUntil')}</Table.Th>
              <Table.Th>{t('houseStyle.facts.sourceDate')}</Table.Th>
              {canEdit ? (
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {facts.map((fact) => {
              const expired = isExpired(fact.validUntil, now, workspace.timeZone);
              return (
                <Table.Tr key={fact.id} data-expired={expired || undefined}>
                  <Table.Td>{fact.statement}</Table.Td>
                  <Table.Td>{fact.value ?? '—'}</Table.Td>
                  <Table.Td maw={220} style={{ overflowWrap: 'anywhere' }}>
                    {fact.sourceUrl === undefined ? (
                      '—'
                    ) : isWebAddress(fact.sourceUrl) ? (
                      <Anchor href={fact.sourceUrl} target="_blank" rel="noopener noreferrer" size="sm">
                        {fact.sourceUrl}
                      </Anchor>
                    ) : (
                      fact.sourceUrl
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <span>{date(fact.validUntil)}</span>
                      {expired ? (
                        <Badge color="red" variant="light" size="sm">
                          {t('houseStyle.facts.expired')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{date(fact.sourceDate)}</Table.Td>
                  {canEdit ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        <Button
                          variant="default"
                          size="xs"
                          onClick={() => onEdit(fact)}
                          aria-label={t('houseStyle.facts.editNamed', { statement: fact.statement })}
                        >
                          {t('houseStyle.facts.edit')}
                        </Button>
                        <ConfirmButton
                          title={t('houseStyle.facts.deleteTitle')}
                          message={t('houseStyle.facts.deleteConfirm', { statement: fact.statement })}
                          onConfirm={() => onDelete(fact)}
                          aria-label={t('houseStyle.facts.deleteNamed', { statement: fact.statement })}
                        >
                          {t('houseStyle.facts.delete')}
                        </ConfirmButton>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('houseStyle.facts.timeZoneNote', { timeZone: workspace.timeZone })}
      </Text>
    </Stack>
  );
}
