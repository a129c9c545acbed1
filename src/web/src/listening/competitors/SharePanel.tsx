import { Alert, Code, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { SOV_WEIGHTS, type SovWeight } from '../trends/insights.api';
import { useShareOfVoice } from '../trends/insights.queries';
import { sovOption } from './chart-options';
import { EChart } from '../../components/EChart';

/** Share of voice: the weight chosen, the chart, the formula and the counts behind each share. */
export function SharePanel() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [weight, setWeight] = useState<SovWeight>('mentions');
  const sov = useShareOfVoice(workspace.id, weight);
  const option = useMemo(() => (sov.data ? sovOption(sov.data) : null), [sov.data]);
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('insights.sov.title')}</Title>
          <SegmentedControl
            aria-label={t('insights.sov.weight')}
            value={weight}
            onChange={(value) => setWeight(value)}
            data={SOV_WEIGHTS.map((value) => ({ value, label: t(`insights.sov.weights.${value}`) }))}
          />
        </Group>
        {sov.isError ? <QueryError error={sov.error} /> : null}
        {sov.data === undefined || option === null ? (
          sov.isError ? null : (
            <TableSkeleton rows={3} />
          )
        ) : (
          <>
            <EChart
              option={option}
              label={t('insights.sov.chartLabel', { weight: t(`insights.sov.weights.${sov.data.weight}`) })}
              height={Math.max(120, 40 * sov.data.entities.length)}
              testId="sov-chart"
            />
            <Code block style={{ whiteSpace: 'pre-wrap' }} data-testid="sov-formula">
              {`${sov.data.formula}\n${sov.data.definition}`}
            </Code>
            <Table striped fz="sm" aria-label={t('insights.sov.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('insights.sov.name')}</Table.Th>
                  <Table.Th>{t('insights.sov.share')}</Table.Th>
                  <Table.Th>{t('insights.sov.weights.mentions')}</Table.Th>
                  <Table.Th>{t('insights.sov.weights.engagement')}</Table.Th>
                  <Table.Th>{t('insights.sov.weights.reach')}</Table.Th>
                  <Table.Th>{t('insights.sov.basis')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sov.data.entities.map((entity) => (
                  <Table.Tr key={entity.id ?? 'brand'}>
                    <Table.Td fw={entity.kind === 'brand' ? 700 : 400}>{entity.name}</Table.Td>
                    <Table.Td>{`${(entity.share * 100).toFixed(1)} %`}</Table.Td>
                    <Table.Td>{entity.mentions}</Table.Td>
                    <Table.Td>{entity.engagement}</Table.Td>
                    <Table.Td>{entity.reach}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {entity.basis}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              {t('insights.sov.total', {
                total: sov.data.total,
                weight: t(`insights.sov.weights.${sov.data.weight}`),
              })}
            </Text>
            {sov.data.notes.map((note) => (
              <Alert key={note} color="yellow" role="note">
                {note}
              </Alert>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
