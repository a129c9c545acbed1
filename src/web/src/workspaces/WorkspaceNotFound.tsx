import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown for a workspace that does not exist or that the user is not a member of (the API says 404). */
export function WorkspaceNotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" py="xl">
      <Title order={1}>{t('workspace.notFoundTitle')}</Title>
      <Text>{t('workspace.notFoundText')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('workspace.goHome')}
      </Button>
    </Stack>
  );
}
