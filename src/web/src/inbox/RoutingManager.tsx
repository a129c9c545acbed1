import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { CopyableValue } from '../components/CopyableValue';
import { FormError } from '../components/FormError';
import { QueryError } from '../components/QueryError';
import { INTENTS, SENTIMENTS } from '../listening/listening.api';
import { useSavedQueries } from '../listening/listening.queries';
import { describeRule, EMPTY_RULE, ruleRequest, type RuleFormValues } from './rule-form';
import { useInboxSettings } from './inbox.queries';
import {
  useAddDepartment,
  useAddRule,
  useDeleteRule,
  useDepartments,
  useRemoveDepartment,
  useRules,
  useSetOnDuty,
} from './routing.queries';

/** Who is on duty, the departments, and the rules that route each new conversation. */
export function RoutingManager({ workspaceId, members }: { workspaceId: string; members: Member[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={3} size="h5">
        {t('inbox.routing.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('inbox.routing.intro')}
      </Text>
      <OnDuty workspaceId={workspaceId} members={members} />
      <Departments workspaceId={workspaceId} />
      <Rules workspaceId={workspaceId} members={members} />
    </Stack>
  );
}

function OnDuty({ workspaceId, members }: { workspaceId: string; members: Member[] }) {
  const { t } = useTranslation();
  const settings = useInboxSettings(workspaceId);
  const save = useSetOnDuty(workspaceId);
  const current = settings.data?.onDuty ?? [];
  return (
    <Stack gap={4}>
      <MultiSelect
        label={t('inbox.routing.onDuty')}
        description={t('inbox.routing.onDutyHint')}
        data={members.map((member) => ({ value: member.userId, label: member.name }))}
        value={current}
        onChange={(value) => save.mutate(value)}
        disabled={settings.data === undefined || save.isPending}
        clearable
      />
      <FormError error={save.error} />
    </Stack>
  );
}

function Departments({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const departments = useDepartments(workspaceId);
  const add = useAddDepartment(workspaceId);
  const remove = useRemoveDepartment(workspaceId);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [webhookUrl, setWebhookUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    try {
      const added = await add.mutateAsync({
        name: name.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(webhookUrl.trim() ? { webhookUrl: webhookUrl.trim() } : {}),
      });
      setSecret(added.webhookSecret ?? null);
      setName('');
      setEmail('');
      setWebhookUrl('');
    } catch {
      // Shown below the form.
    }
  };
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('inbox.routing.departments')}
      </Text>
      {departments.isError ? <QueryError error={departments.error} /> : null}
      <Stack
        component="ul"
        p={0}
        m={0}
        gap={4}
        style={{ listStyle: 'none' }}
        aria-label={t('inbox.routing.departments')}
      >
        {(departments.data ?? []).map((department) => (
          <Group component="li" key={department.id} justify="space-between">
            <Text size="sm">
              {department.name}
              <Text span c="dimmed" size="sm">
                {' '}
                {[department.email, department.webhookUrl ? new URL(department.webhookUrl).host : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Text>
            <ConfirmButton
              size="xs"
              variant="subtle"
              color="red"
              title={t('inbox.routing.removeDepartmentTitle', { name: department.name })}
              message={t('inbox.routing.removeDepartmentMessage')}
              onConfirm={() => remove.mutateAsync(department.id)}
            >
              {t('inbox.routing.remove')}
            </ConfirmButton>
          </Group>
        ))}
      </Stack>
      {secret ? (
        <Alert color="teal" title={t('inbox.routing.secretTitle')}>
          <CopyableValue
            value={secret}
            copyLabel={t('inbox.routing.copySecret')}
            testId="department-secret"
          />
        </Alert>
      ) : null}
      <Group align="flex-end" gap="xs">
        <TextInput
          size="xs"
          label={t('inbox.routing.departmentName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          size="xs"
          type="email"
          label={t('inbox.routing.email')}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <TextInput
          size="xs"
          label={t('inbox.routing.webhookUrl')}
          value={webhookUrl}
          onChange={(e) => setWebhookUrl(e.currentTarget.value)}
        />
        <Button
          size="xs"
          onClick={() => void submit()}
          loading={add.isPending}
          disabled={name.trim() === '' || (email.trim() === '' && webhookUrl.trim() === '')}
        >
          {t('inbox.routing.addDepartment')}
        </Button>
      </Group>
      <FormError error={add.error} />
    </Stack>
  );
}

function Rules({ workspaceId, members }: { workspaceId: string; members: Member[] }) {
  const { t } = useTranslation();
  const rules = useRules(workspaceId);
  const departments = useDepartments(workspaceId);
  const queries = useSavedQueries(workspaceId);
  const add = useAddRule(workspaceId);
  const remove = useDeleteRule(workspaceId);
  const [values, setValues] = useState<RuleFormValues>(EMPTY_RULE);
  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]): void =>
    setValues((previous) => ({ ...previous, [key]: value }));
  const nameOf = <T extends { id: string; name: string }>(
    list: readonly T[] | undefined,
    id: string,
  ): string => list?.find((item) => item.id === id)?.name ?? id;
  const words = {
    member: (id: string) => members.find((member) => member.userId === id)?.name ?? id,
    department: (id: string) => nameOf(departments.data, id),
    query: (id: string) => nameOf(queries.data, id),
    followers: (count: number) => t('inbox.routing.followersAtLeast', { count }),
    always: t('inbox.routing.always'),
    roundRobin: t('inbox.routing.roundRobin'),
    spam: t('inbox.routing.spam'),
    closed: t('inbox.routing.closed'),
  };
  const submit = async (): Promise<void> => {
    try {
      await add.mutateAsync(ruleRequest(values));
      setValues(EMPTY_RULE);
    } catch {
      // Shown below the form.
    }
  };
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('inbox.routing.rules')}
      </Text>
      {rules.isError ? <QueryError error={rules.error} /> : null}
      <Stack
        component="ol"
        p={0}
        m={0}
        gap={4}
        style={{ listStyle: 'none' }}
        aria-label={t('inbox.routing.rules')}
      >
        {(rules.data ?? []).map((rule) => {
          const { when, then } = describeRule(rule, words);
          return (
            <Paper component="li" key={rule.id} withBorder p="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">
                  <Text span fw={600}>
                    {rule.name}
                  </Text>{' '}
                  — {t('inbox.routing.when')} {when} → {then}
                </Text>
                <ConfirmButton
                  size="xs"
                  variant="subtle"
                  color="red"
                  title={t('inbox.routing.deleteRuleTitle', { name: rule.name })}
                  message={t('inbox.routing.deleteRuleMessage')}
                  onConfirm={() => remove.mutateAsync(rule.id)}
                >
                  {t('inbox.routing.remove')}
                </ConfirmButton>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <TextInput
            size="xs"
            label={t('inbox.routing.ruleName')}
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
          />
          <Text size="xs" fw={600}>
            {t('inbox.routing.when')}
          </Text>
          <Group grow align="flex-start">
            <MultiSelect
              size="xs"
              label={t('inbox.routing.networks')}
              data={['bluesky', 'mastodon']}
              value={values.networks}
              onChange={(v) => set('networks', v)}
            />
            <TagsInput
              size="xs"
              label={t('inbox.routing.languages')}
              placeholder="fr, en"
              value={values.languages}
              onChange={(v) => set('languages', v)}
            />
          </Group>
          <Group grow align="flex-start">
            <MultiSelect
              size="xs"
              label={t('inbox.routing.sentiments')}
              data={SENTIMENTS.map((value) => ({ value, label: t(`listening.sentiment.${value}`) }))}
              value={values.sentiments}
              onChange={(v) => set('sentiments', v)}
            />
            <MultiSelect
              size="xs"
              label={t('inbox.routing.intents')}
              data={INTENTS.map((value) => ({ value, label: t(`listening.intent.${value}`) }))}
              value={values.intents}
              onChange={(v) => set('intents', v)}
            />
          </Group>
          <Group grow align="flex-start">
            <MultiSelect
              size="xs"
              label={t('inbox.routing.queries')}
              data={(queries.data ?? []).map((query) => ({ value: query.id, label: query.name }))}
              value={values.queryIds}
              onChange={(v) => set('queryIds', v)}
            />
            <NumberInput
              size="xs"
              min={0}
              label={t('inbox.routing.minFollowers')}
              value={values.minFollowers}
              onChange={(v) => set('minFollowers', typeof v === 'number' ? v : '')}
            />
          </Group>
          <Text size="xs" fw={600}>
            {t('inbox.routing.then')}
          </Text>
          <Group grow align="flex-start">
            <TagsInput
              size="xs"
              label={t('inbox.routing.addTags')}
              value={values.addTags}
              onChange={(v) => set('addTags', v)}
            />
            <Select
              size="xs"
              label={t('inbox.routing.assign')}
              value={values.assign}
              allowDeselect={false}
              onChange={(v) => set('assign', v ?? '')}
              data={[
                { value: '', label: t('inbox.routing.noAssign') },
                { value: 'round-robin', label: t('inbox.routing.roundRobin') },
                ...members.map((member) => ({ value: member.userId, label: member.name })),
              ]}
            />
          </Group>
          <Select
            size="xs"
            label={t('inbox.routing.assignTeam')}
            value={values.assignTeam}
            allowDeselect={false}
            onChange={(v) => set('assignTeam', v ?? '')}
            data={[
              { value: '', label: t('inbox.routing.noTeam') },
              ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
          <Group grow align="flex-start">
            <NumberInput
              size="xs"
              min={1}
              max={100}
              label={t('inbox.routing.raisePriority')}
              value={values.raisePriority}
              onChange={(v) => set('raisePriority', typeof v === 'number' ? v : '')}
            />
            <Select
              size="xs"
              label={t('inbox.routing.notify')}
              value={values.notifyDepartmentId}
              allowDeselect={false}
              onChange={(v) => set('notifyDepartmentId', v ?? '')}
              data={[
                { value: '', label: t('inbox.routing.noNotify') },
                ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.name })),
              ]}
            />
          </Group>
          <Group>
            <Checkbox
              size="xs"
              label={t('inbox.routing.markSpam')}
              checked={values.markSpam}
              onChange={(e) => set('markSpam', e.currentTarget.checked)}
            />
            <Checkbox
              size="xs"
              label={t('inbox.routing.close')}
              checked={values.close}
              onChange={(e) => set('close', e.currentTarget.checked)}
            />
          </Group>
          <FormError error={add.error} />
          <Group>
            <Button
              size="xs"
              onClick={() => void submit()}
              loading={add.isPending}
              disabled={values.name.trim() === ''}
            >
              {t('inbox.routing.addRule')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
