import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import type { Section } from './sections';

/** A section that has nothing to show yet: what it will hold once accounts are connected; then what it already offers. */
export function SectionPage({ section, children }: { section: Section; children?: ReactNode }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  return (
    <Stack>
      <Title order={1}>{t(`nav.${section}`)}</Title>
      <Paper withBorder p="lg" radius="md" maw={760}>
        <Stack gap="xs">
          <Text fw={600}>{t('sections.emptyTitle', { workspace: workspace.name })}</Text>
          <Text c="dimmed">{t(`sections.${section}`)}</Text>
        </Stack>
      </Paper>
      {children}
    </Stack>
  );
}
