import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Member, Role } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { QueryError } from '../components/QueryError';
import { RoleSelect } from '../components/RoleSelect';
import { TableSkeleton } from '../components/TableSkeleton';
import { formatDate } from '../lib/format';
import { useCurrentSession } from '../session/session-context';
import { assignableRoles, canManageMember } from '../workspaces/permissions';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { useChangeMemberRole, useMembersQuery, useRemoveMember } from './members.queries';

/** The workspace's members; admins change roles and remove members here. */
export function MembersTable() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const workspace = useCurrentWorkspace();
  const members = useMembersQuery(workspace.id);
  const changeRole = useChangeMemberRole(workspace.id);
  const remove = useRemoveMember(workspace.id);

  if (members.isError) {
    return <QueryError error={members.error} />;
  }
  if (members.data === undefined) {
    return <TableSkeleton />;
  }

  const onRoleChange = (member: Member, role: Role): void => {
    if (role === member.role) {
      return;
    }
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: t('members.roleChanged', { name: member.name, role: t(`roles.${role}`) }),
          }),
      },
    );
  };

  const onRemove = async (member: Member): Promise<void> => {
    await remove.mutateAsync(member.userId);
    notifications.show({ color: 'teal', message: t('members.removed', { name: member.name }) });
    if (member.userId === session.user.id) {
      await navigate('/', { replace: true });
    }
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('members.name')}</Table.Th>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('members.joined')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.data.map((member) => {
            const manageable = canManageMember(workspace.role, member.role);
            const isMe = member.userId === session.user.id;
            return (
              <Table.Tr key={member.userId} data-testid={`member-${member.email}`}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm">{member.name}</Text>
                    {isMe ? (
                      <Badge size="xs" variant="outline">
                        {t('members.you')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{member.email}</Text>
                </Table.Td>
                <Table.Td>
                  {manageable ? (
                    <RoleSelect
                      aria-label={t('members.roleOf', { name: member.name })}
                      size="xs"
                      w={170}
                      roles={assignableRoles(workspace.role)}
                      value={member.role}
                      disabled={changeRole.isPending}
                      onChange={(role) => onRoleChange(member, role)}
                    />
                  ) : (
                    <Text size="sm">{t(`roles.${member.role}`)}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(member.joinedAt, i18n.language, workspace.timeZone)}</Text>
                </Table.Td>
                <Table.Td>
                  {manageable ? (
                    <ConfirmButton
                      title={t('members.removeTitle')}
                      message={t(isMe ? 'members.removeSelfConfirm' : 'members.removeConfirm', {
                        name: member.name,
                        workspace: workspace.name,
                      })}
                      onConfirm={() => onRemove(member)}
                      aria-label={t('members.removeNamed', { name: member.name })}
                    >
                      {t('members.remove')}
                    </ConfirmButton>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
