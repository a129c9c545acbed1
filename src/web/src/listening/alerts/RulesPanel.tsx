import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { canManageListening } from '../permissions';
import type { AlertRule } from './alerts.api';
import { useAlertRules, useBacktest, useDeleteRule } from './alerts.queries';
import { BacktestView } from './BacktestView';
import { RuleEditor } from './RuleEditor';
import { PARAM_FIELDS } from './rule-form';
import { useFormatters } from './use-formatters';

/** The workspace's rules: what each watches and where it tells; edit, delete, backtest. */
export function RulesPanel() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const rules = useAlertRules(workspace.id);
  const manage = canManageListening(workspace.role);
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        {manage ? (
          <Button onClick={() => setEditing('new')}>{t('alerts.rules.newRule')}</Button>
        ) : (
          <Alert color="gray" role="note">
            {t('alerts.rules.readOnly')}
          </Alert>
        )}
      </Group>
      {rules.isError ? <QueryError error={rules.error} /> : null}
      {rules.data === undefined ? (
        rules.isError ? null : (
          <TableSkeleton rows={2} />
        )
      ) : rules.data.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t('alerts.rules.empty')}</Text>
        </Paper>
      ) : (
        <Stack
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('alerts.rules.listLabel')}
        >
          {rules.data.map((rule) => (
            <RuleCard key={rule.id} rule={rule} manage={manage} onEdit={() => setEditing(rule)} />
          ))}
        </Stack>
      )}
      <RuleEditor
        opened={editing !== null}
        rule={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}

function RuleCard({ rule, manage, onEdit }: { rule: AlertRule; manage: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const workspace = useCurrentWorkspace();
  const remove = useDeleteRule(workspace.id);
  const backtest = useBacktest(workspace.id);
  const channels = [
    t('alerts.list.inApp'),
    ...(rule.channels.email.length > 0
      ? [`${t('alerts.delivery.channel.email')}: ${rule.channels.email.join(', ')}`]
      : []),
    ...(rule.channels.webhook ? [t('alerts.delivery.channel.webhook')] : []),
  ];
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-label={rule.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={600}>{rule.name}</Text>
              <Badge variant="light">{t(`alerts.kinds.${rule.kind}`)}</Badge>
              {rule.enabled ? null : (
                <Badge color="gray" variant="outline">
                  {t('alerts.rules.disabled')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {[
                t('alerts.rules.scope', { scope: rule.queryName ?? t('alerts.rules.scopeAll') }),
                channels.join(' · '),
                rule.lastFiredAt === null
                  ? t('alerts.rules.neverFired')
                  : t('alerts.rules.lastFired', { date: f.date(rule.lastFiredAt) }),
              ].join(' — ')}
            </Text>
            <Text size="xs" c="dimmed">
              {PARAM_FIELDS[rule.kind]
                .map(
                  (field) =>
                    `${t(`alerts.params.${field.name}`)}: ${f.number(rule.params[field.name] ?? field.default)}`,
                )
                .join(' · ')}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              loading={backtest.isPending}
              onClick={() =>
                backtest.mutate({
                  rule: { kind: rule.kind, queryId: rule.queryId, params: rule.params },
                  days: 30,
                })
              }
            >
              {t('alerts.rules.backtest')}
            </Button>
            {manage ? (
              <>
                <Button size="xs" variant="default" onClick={onEdit}>
                  {t('alerts.rules.edit')}
                </Button>
                <ConfirmButton
                  size="xs"
                  color="red"
                  variant="subtle"
                  title={t('alerts.rules.deleteTitle', { name: rule.name })}
                  message={t('alerts.rules.deleteMessage')}
                  onConfirm={() => remove.mutateAsync(rule.id)}
                >
                  {t('alerts.rules.delete')}
                </ConfirmButton>
              </>
            ) : null}
          </Group>
        </Group>
        {backtest.error ? <QueryError error={backtest.error} /> : null}
        {backtest.data ? <BacktestView result={backtest.data} /> : null}
      </Stack>
    </Paper>
  );
}
