import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NewWorkspaceForm } from '../workspaces/NewWorkspaceForm';

/** For a signed-in user who belongs to no workspace yet. */
export function FirstWorkspacePage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <Title order={1}>{t('home.firstTitle')}</Title>
      <Text>{t('home.firstText')}</Text>
      <Paper withBorder p="lg" radius="md">
        <NewWorkspaceForm />
      </Paper>
    </Stack>
  );
}
