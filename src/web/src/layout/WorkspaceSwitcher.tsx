import { Badge, Button, Group, Menu, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentSession } from '../session/session-context';
import { NewWorkspaceModal } from '../workspaces/NewWorkspaceModal';

/** The user's workspaces with their role in each, and "New workspace…". */
export function WorkspaceSwitcher({ currentId }: { currentId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const current = session.workspaces.find((workspace) => workspace.id === currentId);

  return (
    <>
      <Menu position="bottom-start" width={280} shadow="md">
        <Menu.Target>
          <Button variant="default" rightSection="▾" miw={0}>
            <VisuallyHidden>{t('workspaceSwitcher.label')}: </VisuallyHidden>
            <Text span truncate="end" inherit maw={{ base: 140, sm: 240 }}>
              {current?.name ?? t('workspaceSwitcher.choose')}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {session.workspaces.length > 0 ? <Menu.Label>{t('workspaceSwitcher.yours')}</Menu.Label> : null}
          {session.workspaces.map((workspace) => (
            <Menu.Item
              key={workspace.id}
              onClick={() => void navigate(`/w/${workspace.id}/today`)}
              aria-current={workspace.id === currentId ? 'true' : undefined}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" truncate fw={workspace.id === currentId ? 700 : undefined}>
                  {workspace.name}
                </Text>
                <Badge size="xs" variant="light">
                  {t(`roles.${workspace.role}`)}
                </Badge>
              </Group>
            </Menu.Item>
          ))}
          {session.workspaces.length > 0 ? <Menu.Divider /> : null}
          <Menu.Item onClick={openCreate}>{t('workspaceSwitcher.new')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <NewWorkspaceModal opened={creating} onClose={closeCreate} />
    </>
  );
}
