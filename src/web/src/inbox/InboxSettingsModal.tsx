import { Divider, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../components/PageLoader';
import { QueryError } from '../components/QueryError';
import { useInboxSettings } from './inbox.queries';
import { SavedRepliesManager } from './SavedRepliesManager';
import { ServiceLevelsForm } from './ServiceLevelsForm';
import { RoutingManager } from './RoutingManager';
import type { Member } from '../api/types';

/** Service levels, saved replies and routing, for those who manage the inbox. */
export function InboxSettingsModal({
  workspaceId,
  opened,
  onClose,
  members,
}: {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
  members: Member[];
}) {
  const { t } = useTranslation();
  const settings = useInboxSettings(workspaceId);
  return (
    <Modal opened={opened} onClose={onClose} title={t('inbox.settingsModal.title')} size="lg">
      <Stack>
        {settings.isError ? <QueryError error={settings.error} /> : null}
        {settings.data === undefined ? (
          settings.isError ? null : (
            <PageLoader />
          )
        ) : (
          <ServiceLevelsForm workspaceId={workspaceId} settings={settings.data} />
        )}
        <Divider />
        <SavedRepliesManager workspaceId={workspaceId} />
        <Divider />
        <RoutingManager workspaceId={workspaceId} members={members} />
      </Stack>
    </Modal>
  );
}
