import { Code, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { formatDateTime } from '../lib/format';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { useRevokeToken, useTokensQuery } from './tokens.queries';

/** The user's tokens in this workspace, each with a Revoke button. */
export function TokensTable() {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const tokens = useTokensQuery(workspace.id);
  const revoke = useRevokeToken(workspace.id);

  if (tokens.isError) {
    return <QueryError error={tokens.error} />;
  }
  if (tokens.data === undefined) {
    return <TableSkeleton rows={2} />;
  }
  if (tokens.data.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('tokens.empty')}
      </Text>
    );
  }

  const when = (iso: string | null): string =>
    iso === null ? t('common.never') : formatDateTime(iso, i18n.language, workspace.timeZone);
  const onRevoke = async (token: ApiToken): Promise<void> => {
    await revoke.mutateAsync(token.id);
    notifications.show({ color: 'teal', message: t('tokens.revoked', { name: token.name }) });
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tokens.name')}</Table.Th>
            <Table.Th>{t('tokens.prefix')}</Table.Th>
            <Table.Th>{t('tokens.createdAt')}</Table.Th>
            <Table.Th>{t('tokens.lastUsed')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.data.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                <Code>{`${token.prefix}…`}</Code>
              </Table.Td>
              <Table.Td>{when(token.createdAt)}</Table.Td>
              <Table.Td>{when(token.lastUsedAt)}</Table.Td>
              <Table.Td>
                <ConfirmButton
                  title={t('tokens.revokeTitle')}
                  message={t('tokens.revokeConfirm', { name: token.name })}
                  onConfirm={() => onRevoke(token)}
                  aria-label={t('tokens.revokeNamed', { name: token.name })}
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
