import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import type { Section } from './sections';

/** A section that has nothing to show yet: what it will hold once accounts are connected. */
export function SectionPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  return (
    <Stack maw={760}>
      <Title order={1}>{t(`nav.${section}`)}</Title>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="xs">
          <Text fw={600}>{t('sections.emptyTitle', { workspace: workspace.name })}</Text>
          <Text c="dimmed">{t(`sections.${section}`)}</Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
