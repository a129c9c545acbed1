import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { BrandingForm } from './BrandingForm';
import { defaultChoice, periodOf, type RangeChoice } from './range';
import { RangePicker } from './RangePicker';
import { renderUrl, TEMPLATES, type ReportTemplate } from './reports.api';

/** Generate a report: a template over a range, opened as HTML or downloaded as PDF or CSV; and the white-label branding. */
export function ReportsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [template, setTemplate] = useState<ReportTemplate>('support');
  const [choice, setChoice] = useState<RangeChoice>(() => defaultChoice(new Date(), workspace.timeZone));
  const period = useMemo(() => periodOf(choice, new Date(), workspace.timeZone), [choice, workspace.timeZone]);
  const url = (format: 'html' | 'pdf' | 'csv') => (period === null ? undefined : renderUrl(workspace.id, template, period, format));
  return (
    <Stack>
      <Paper withBorder p="md" radius="md">
        <Stack>
          <Title order={2} size="h4">
            {t('reports.generate.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reports.generate.intro')}
          </Text>
          <Group align="flex-end">
            <Select
              label={t('reports.generate.template')}
              value={template}
              allowDeselect={false}
              onChange={(value) => value !== null && setTemplate(value)}
              data={TEMPLATES.map((value) => ({ value, label: t(`reports.templates.${value}`) }))}
            />
            <RangePicker value={choice} onChange={setChoice} />
          </Group>
          <Text size="sm" c="dimmed">
            {t(`reports.templateHelp.${template}`)}
          </Text>
          {period === null ? <Text c="red">{t('reports.range.invalid')}</Text> : null}
          <Group>
            <Button component="a" href={url('html')} target="_blank" rel="noopener" disabled={period === null}>
              {t('reports.generate.openHtml')}
            </Button>
            <Button component="a" href={url('pdf')} download variant="light" disabled={period === null}>
              {t('reports.generate.downloadPdf')}
            </Button>
            <Button component="a" href={url('csv')} download variant="light" disabled={period === null}>
              {t('reports.generate.downloadCsv')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <BrandingForm />
    </Stack>
  );
}
