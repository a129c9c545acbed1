import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { HouseStyleLoader } from './HouseStyleLoader';
import { canManageHouseStyle } from './permissions';
import { VoiceForm } from './VoiceForm';

/** Settings › Voice: the voice profile every draft of the workspace is checked against. */
export function VoiceSettingsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const canEdit = canManageHouseStyle(workspace.role);
  return (
    <Stack maw={720}>
      <Title order={2}>{t('houseStyle.voice.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('houseStyle.voice.intro')}
      </Text>
      {canEdit ? null : (
        <Alert color="gray" role="note">
          {t('houseStyle.readOnly')}
        </Alert>
      )}
      <HouseStyleLoader>{(style) => <VoiceForm voice={style.voice} canEdit={canEdit} />}</HouseStyleLoader>
    </Stack>
  );
}
