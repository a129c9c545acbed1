import { Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { formatDateTime } from '../lib/format';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { useInvitationsQuery, useRevokeInvitation } from './members.queries';

/** Invitations not yet accepted, each with a Revoke button (admins only). */
export function InvitationsTable() {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const invitations = useInvitationsQuery(workspace.id);
  const revoke = useRevokeInvitation(workspace.id);

  if (invitations.isError) {
    return <QueryError error={invitations.error} />;
  }
  if (invitations.data === undefined) {
    return <TableSkeleton rows={2} />;
  }
  if (invitations.data.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('invitations.empty')}
      </Text>
    );
  }

  const onRevoke = async (invitation: Invitation): Promise<void> => {
    await revoke.mutateAsync(invitation.id);
    notifications.show({ color: 'teal', message: t('invitations.revoked', { email: invitation.email }) });
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('invitations.invitedBy')}</Table.Th>
            <Table.Th>{t('invitations.expires')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.data.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td>{invitation.email}</Table.Td>
              <Table.Td>{t(`roles.${invitation.role}`)}</Table.Td>
              <Table.Td>{invitation.invitedBy.name}</Table.Td>
              <Table.Td>{formatDateTime(invitation.expiresAt, i18n.language, workspace.timeZone)}</Table.Td>
              <Table.Td>
                <ConfirmButton
                  title={t('invitations.revokeTitle')}
                  message={t('invitations.revokeConfirm', { email: invitation.email })}
                  onConfirm={() => onRevoke(invitation)}
                  aria-label={t('invitations.revokeNamed', { email: invitation.email })}
                >
                  {t('common.revoke')}
                </ConfirmButton>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
