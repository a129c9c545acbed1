import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NewWorkspaceForm } from './NewWorkspaceForm';

/** The "New workspace…" dialog of the workspace switcher. */
export function NewWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('workspace.newTitle')} size="lg">
      <NewWorkspaceForm onCreated={onClose} />
    </Modal>
  );
}
