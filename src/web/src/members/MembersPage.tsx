import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isAdmin } from '../workspaces/permissions';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { InvitationsTable } from './InvitationsTable';
import { InviteForm } from './InviteForm';
import { MembersTable } from './MembersTable';

/** Settings › Members: who is in the workspace; for admins, invitations too. */
export function MembersPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const admin = isAdmin(workspace.role);
  return (
    <Stack gap="xl">
      <Stack>
        <Title order={2}>{t('members.title')}</Title>
        <MembersTable />
      </Stack>
      {admin ? (
        <>
          <Stack>
            <Title order={2}>{t('invitations.inviteTitle')}</Title>
            <InviteForm />
          </Stack>
          <Stack>
            <Title order={2}>{t('invitations.title')}</Title>
            <InvitationsTable />
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
