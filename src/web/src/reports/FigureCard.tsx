import { Badge, Collapse, Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../i18n/use-ui-language';
import { deltaColour, figureFormat } from './figures';
import type { DashboardFigure } from './reports.api';

/** A KPI card: value, change against the previous period, and the formula and counts behind it. */
export function FigureCard({ figure }: { figure: DashboardFigure }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const [open, setOpen] = useState(false);
  const f = figureFormat(language, '—');
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={figure.name} data-testid="kpi-card">
      <Stack gap={4}>
        <Tooltip label={figure.formula} multiline w={320} withArrow>
          <Text size="sm" c="dimmed" fw={500}>
            {figure.name}
          </Text>
        </Tooltip>
        <Group gap="xs" align="baseline">
          <Text fz={28} fw={700} data-testid="kpi-value">
            {f.value(figure.value, figure.unit)}
          </Text>
          <Badge variant="light" color={deltaColour(figure.delta, figure.higherIsBetter)}>
            {f.delta(figure.delta)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('reports.figure.previous', { value: f.value(figure.previous, figure.unit) })} ·{' '}
          {t('reports.figure.count', { count: figure.count })}
        </Text>
        {figure.note ? (
          <Text size="xs" c="orange.8">
            {figure.note}
          </Text>
        ) : null}
        <UnstyledButton onClick={() => setOpen((value) => !value)} aria-expanded={open}>
          <Text size="xs" c="blue">
            {open ? t('reports.figure.hideFormula') : t('reports.figure.showFormula')}
          </Text>
        </UnstyledButton>
        <Collapse expanded={open}>
          <Stack gap={2}>
            <Text size="xs">{figure.formula}</Text>
            <Text size="xs" c="dimmed">
              {t('reports.figure.version', { ref: figure.ref })} ·{' '}
              {t('reports.figure.previousCount', { count: figure.previousCount })}
            </Text>
          </Stack>
        </Collapse>
      </Stack>
    </Paper>
  );
}
