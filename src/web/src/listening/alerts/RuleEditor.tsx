import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyableValue } from '../../components/CopyableValue';
import { FormError } from '../../components/FormError';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { useSavedQueries } from '../listening.queries';
import { ALERT_KINDS, type AlertRule } from './alerts.api';
import { useBacktest, useSaveRule } from './alerts.queries';
import { BacktestView } from './BacktestView';
import { formValuesOf, PARAM_FIELDS, ruleInput, specInput, withKind, type RuleFormValues } from './rule-form';

/** Creates (rule null) or edits a rule; "Backtest" tries the values as they stand over the stored history. */
export function RuleEditor({
  opened,
  rule,
  onClose,
}: {
  opened: boolean;
  rule: AlertRule | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={
        rule === null ? t('alerts.editor.createTitle') : t('alerts.editor.editTitle', { name: rule.name })
      }
    >
      {opened ? <RuleForm key={rule?.id ?? 'new'} rule={rule} onDone={onClose} /> : null}
    </Modal>
  );
}

function RuleForm({ rule, onDone }: { rule: AlertRule | null; onDone: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const queries = useSavedQueries(workspace.id);
  const save = useSaveRule(workspace.id, rule?.id ?? null);
  const backtest = useBacktest(workspace.id);
  const [values, setValues] = useState<RuleFormValues>(() => formValuesOf(rule));
  const [days, setDays] = useState(30);
  const [nameError, setNameError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const set = (patch: Partial<RuleFormValues>): void => setValues((current) => ({ ...current, ...patch }));

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (values.name.trim() === '') {
      setNameError(t('alerts.editor.nameRequired'));
      return;
    }
    setNameError(null);
    try {
      const saved = await save.mutateAsync(ruleInput(values));
      notifications.show({ color: 'teal', message: t('alerts.editor.saved') });
      if (saved.webhookSecret === undefined) {
        onDone();
      } else {
        setSecret(saved.webhookSecret);
      }
    } catch {
      // Shown by FormError below.
    }
  };

  if (secret !== null) {
    return (
      <Stack>
        <Alert color="yellow" title={t('alerts.editor.secretTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('alerts.editor.secretOnce')}</Text>
            <CopyableValue
              value={secret}
              copyLabel={t('alerts.editor.copySecret')}
              testId="alert-webhook-secret"
            />
          </Stack>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onDone}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );
  }

  const scopeOptions = [
    { value: '', label: t('alerts.rules.scopeAll') },
    ...(queries.data ?? []).map((query) => ({ value: query.id, label: `${query.name} (${query.tag})` })),
  ];
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <TextInput
          label={t('alerts.editor.name')}
          required
          value={values.name}
          error={nameError}
          maxLength={200}
          onChange={(event) => set({ name: event.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('alerts.editor.kind')}
            data={ALERT_KINDS.map((kind) => ({ value: kind, label: t(`alerts.kinds.${kind}`) }))}
            value={values.kind}
            allowDeselect={false}
            onChange={(kind) => {
              if (kind !== null) {
                setValues((current) => withKind(current, kind));
              }
            }}
          />
          <Select
            label={t('alerts.editor.scope')}
            data={scopeOptions}
            value={values.queryId}
            allowDeselect={false}
            onChange={(queryId) => set({ queryId: queryId ?? '' })}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t(`alerts.kindHelp.${values.kind}`)}
        </Text>
        <Divider label={t('alerts.editor.parameters')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {PARAM_FIELDS[values.kind].map((field) => (
            <NumberInput
              key={`${values.kind}-${field.name}`}
              label={t(`alerts.params.${field.name}`)}
              min={field.min}
              max={field.max}
              decimalScale={field.decimals}
              clampBehavior="strict"
              value={values.params[field.name] ?? field.default}
              onChange={(value) =>
                set({
                  params: {
                    ...values.params,
                    [field.name]: typeof value === 'number' ? value : field.default,
                  },
                })
              }
            />
          ))}
        </SimpleGrid>
        <Divider label={t('alerts.editor.channels')} labelPosition="left" />
        <Text size="sm" c="dimmed">
          {t('alerts.editor.inApp')}
        </Text>
        <Textarea
          label={t('alerts.editor.emails')}
          description={t('alerts.editor.emailsHint')}
          autosize
          minRows={1}
          value={values.emails}
          onChange={(event) => set({ emails: event.currentTarget.value })}
        />
        <TextInput
          label={t('alerts.editor.webhookUrl')}
          description={t('alerts.editor.webhookHint')}
          placeholder="https://hooks.slack.com/services/…"
          value={values.webhookUrl}
          onChange={(event) => set({ webhookUrl: event.currentTarget.value })}
        />
        <Switch
          label={t('alerts.editor.enabled')}
          checked={values.enabled}
          onChange={(event) => set({ enabled: event.currentTarget.checked })}
        />
        <FormError error={save.error} />
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end" gap="xs">
            <NumberInput
              label={t('alerts.editor.days')}
              min={1}
              max={365}
              w={140}
              clampBehavior="strict"
              value={days}
              onChange={(value) => setDays(typeof value === 'number' ? value : 30)}
            />
            <Button
              variant="light"
              loading={backtest.isPending}
              onClick={() => backtest.mutate({ rule: specInput(values), days })}
            >
              {t('alerts.editor.tryIt')}
            </Button>
          </Group>
          <Button type="submit" loading={save.isPending}>
            {t('alerts.editor.save')}
          </Button>
        </Group>
        <FormError error={backtest.error} />
        {backtest.data ? <BacktestView result={backtest.data} /> : null}
      </Stack>
    </form>
  );
}
