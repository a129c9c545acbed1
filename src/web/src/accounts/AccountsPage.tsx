import { Alert, Anchor, Badge, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../components/TableSkeleton';
import { QueryError } from '../components/QueryError';
import { useUiLanguage } from '../i18n/use-ui-language';
import { formatDateTime } from '../lib/format';
import { canManageAccounts } from '../publishing/post-actions';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { ACCOUNT_NETWORKS, type AccountNetwork, type ConnectedAccount } from './accounts.api';
import { useAccountsQuery, useCheckAccount } from './accounts.queries';
import { AccountVoiceModal } from './AccountVoiceModal';
import { ConnectAccountModal } from './ConnectAccountModal';
import { HealthBadge } from './HealthBadge';
import { NETWORK_COLOR, NETWORK_LABEL } from './networks';
import { QueueSlotsModal } from './QueueSlotsModal';
import { RemoveAccountButton } from './RemoveAccountButton';

/** Settings › Accounts: the network accounts the workspace publishes with, their health, voice and queue. */
export function AccountsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const accounts = useAccountsQuery(workspace.id);
  const manage = canManageAccounts(workspace.role);
  const [connecting, setConnecting] = useState<AccountNetwork | null>(null);
  const [voiceOf, setVoiceOf] = useState<string | null>(null);
  const [slotsOf, setSlotsOf] = useState<string | null>(null);
  const find = (id: string | null): ConnectedAccount | null =>
    accounts.data?.find((a) => a.id === id) ?? null;

  return (
    <Stack maw={900}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{t('accounts.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('accounts.intro')}
          </Text>
        </Stack>
        {manage ? (
          <Menu position="bottom-end">
            <Menu.Target>
              <Button>{t('accounts.connectMenu')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {ACCOUNT_NETWORKS.map((network) => (
                <Menu.Item key={network} onClick={() => setConnecting(network)}>
                  {NETWORK_LABEL[network]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
      {manage ? null : (
        <Alert color="gray" role="note">
          {t('accounts.readOnly')}
        </Alert>
      )}
      {accounts.isError ? <QueryError error={accounts.error} /> : null}
      {accounts.data === undefined ? (
        accounts.isError ? null : (
          <TableSkeleton rows={2} />
        )
      ) : accounts.data.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t('accounts.empty')}</Text>
        </Paper>
      ) : (
        <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('accounts.listLabel')}>
          {accounts.data.map((account) => (
            <AccountCard
              key={account.id}
              account={account}
              manage={manage}
              onVoice={() => setVoiceOf(account.id)}
              onSlots={() => setSlotsOf(account.id)}
            />
          ))}
        </Stack>
      )}
      <ConnectAccountModal network={connecting} onClose={() => setConnecting(null)} />
      <AccountVoiceModal
        workspaceId={workspace.id}
        account={find(voiceOf)}
        onClose={() => setVoiceOf(null)}
      />
      <QueueSlotsModal account={find(slotsOf)} onClose={() => setSlotsOf(null)} />
    </Stack>
  );
}

function AccountCard({
  account,
  manage,
  onVoice,
  onSlots,
}: {
  account: ConnectedAccount;
  manage: boolean;
  onVoice: () => void;
  onSlots: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const workspace = useCurrentWorkspace();
  const check = useCheckAccount(workspace.id);
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-label={account.handle}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Badge color={NETWORK_COLOR[account.network]} variant="outline">
                {NETWORK_LABEL[account.network]}
              </Badge>
              {account.url === null ? (
                <Text fw={600}>{account.handle}</Text>
              ) : (
                <Anchor href={account.url} target="_blank" rel="noreferrer" fw={600}>
                  {account.handle}
                </Anchor>
              )}
              <HealthBadge health={account.health} />
              {account.voiceOverride === null ? null : (
                <Badge color="grape" variant="light">
                  {t('accounts.voice.badge')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {[
                account.displayName,
                account.followers === null ? null : t('accounts.followers', { count: account.followers }),
                account.checkedAt === null
                  ? t('accounts.neverChecked')
                  : t('accounts.checkedAt', {
                      date: formatDateTime(account.checkedAt, language, workspace.timeZone),
                    }),
              ]
                .filter((part) => part !== null)
                .join(' · ')}
            </Text>
          </Stack>
          <Button
            size="xs"
            variant="default"
            loading={check.isPending}
            onClick={() => check.mutate(account.id)}
          >
            {t('accounts.checkNow')}
          </Button>
        </Group>
        {account.health === 'failing' ? (
          <Alert color="red" role="alert" title={t('accounts.failingTitle')}>
            {account.healthMessage ?? t('accounts.failingUnknown')}
          </Alert>
        ) : null}
        {manage ? (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={onVoice}>
              {t('accounts.voice.open')}
            </Button>
            <Button size="xs" variant="light" onClick={onSlots}>
              {t('accounts.slots.open')}
            </Button>
            <RemoveAccountButton account={account} />
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
