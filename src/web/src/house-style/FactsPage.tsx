import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { FactFormModal } from './FactFormModal';
import { FactsTable } from './FactsTable';
import type { Fact } from './house-style.api';
import { HouseStyleLoader } from './HouseStyleLoader';
import { canManageHouseStyle } from './permissions';

/** Settings › Fact register: what the brand may state, with values, sources and validity. */
export function FactsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const canEdit = canManageHouseStyle(workspace.role);
  // null: no dialog; 'new': adding a fact; a fact: editing it.
  const [editing, setEditing] = useState<Fact | 'new' | null>(null);
  return (
    <Stack gap="lg">
      <Stack>
        <Title order={2}>{t('houseStyle.facts.title')}</Title>
        <Text size="sm" c="dimmed" maw={720}>
          {t('houseStyle.facts.intro')}
        </Text>
        {canEdit ? (
          <Group>
            <Button onClick={() => setEditing('new')}>{t('houseStyle.facts.add')}</Button>
          </Group>
        ) : (
          <Alert color="gray" role="note">
            {t('houseStyle.readOnly')}
          </Alert>
        )}
      </Stack>
      <HouseStyleLoader>
        {(style) => <FactsTable facts={style.facts} canEdit={canEdit} onEdit={(fact) => setEditing(fact)} />}
      </HouseStyleLoader>
      <FactFormModal fact={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
