import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { UserControls } from './UserControls';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

interface AppHeaderProps {
  workspaceId?: string;
  /** On phones the user controls move to the navigation drawer. */
  withUserControls: boolean;
}

/** Product name, workspace switcher, and (on wide screens) language and who is signed in. */
export function AppHeader({ workspaceId, withUserControls }: AppHeaderProps) {
  return (
    <Group justify="space-between" w="100%" wrap="nowrap" miw={0}>
      <Group wrap="nowrap" gap="lg" miw={0}>
        <Anchor component={Link} to="/" fw={700} fz="lg" underline="never" c="inherit">
          Hearth
        </Anchor>
        <WorkspaceSwitcher currentId={workspaceId} />
      </Group>
      {withUserControls ? <UserControls /> : null}
    </Group>
  );
}
