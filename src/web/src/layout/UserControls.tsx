import { Group, Text } from '@mantine/core';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useCurrentSession } from '../session/session-context';
import { SignOutButton } from './SignOutButton';

/** Language, the signed-in user's name and "Sign out": in the header, or the navigation on phones. */
export function UserControls() {
  const session = useCurrentSession();
  return (
    <Group wrap="nowrap" gap="sm">
      <LanguageSwitcher />
      <Text size="sm" truncate maw={180} data-testid="user-name">
        {session.user.name}
      </Text>
      <SignOutButton />
    </Group>
  );
}
