import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { AddWordsForm } from './AddWordsForm';
import { DictionaryList } from './DictionaryList';
import { HouseStyleLoader } from './HouseStyleLoader';
import { canAddWords, canManageHouseStyle } from './permissions';

/** Settings › Dictionary: the words the spell checker accepts in this workspace. */
export function DictionaryPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const canAdd = canAddWords(workspace.role);
  const canRemove = canManageHouseStyle(workspace.role);
  return (
    <Stack maw={720} gap="lg">
      <Stack>
        <Title order={2}>{t('houseStyle.dictionary.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('houseStyle.dictionary.intro')}
        </Text>
        {canRemove ? null : (
          <Alert color="gray" role="note">
            {canAdd ? t('houseStyle.dictionary.addOnly') : t('houseStyle.dictionary.readOnly')}
          </Alert>
        )}
        {canAdd ? <AddWordsForm /> : null}
      </Stack>
      <HouseStyleLoader>
        {(style) => <DictionaryList words={style.dictionary} canRemove={canRemove} />}
      </HouseStyleLoader>
    </Stack>
  );
}
