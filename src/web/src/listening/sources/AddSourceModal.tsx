import { Button, Group, Modal, NumberInput, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountsQuery } from '../../accounts/accounts.queries';
import { FormError } from '../../components/FormError';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { useAddSource } from '../listening.queries';
import { initialValues, sourceBody, sourceProblem, type SourceField, type SourceKind } from './source-kinds';

/** The form of one kind of source, from its fields; `onAdded` gets the webhook secret (shown once). */
export function AddSourceModal({
  kind,
  onClose,
  onAdded,
}: {
  kind: SourceKind;
  onClose: () => void;
  onAdded: (added: { name: string; id: string; secret?: string }) => void;
}) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const add = useAddSource(workspace.id);
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(kind));
  const [problem, setProblem] = useState<ReturnType<typeof sourceProblem>>(null);
  const set = (name: string, value: string): void => setValues((current) => ({ ...current, [name]: value }));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = sourceProblem(kind, values);
    setProblem(found);
    if (found !== null) {
      return;
    }
    try {
      const added = await add.mutateAsync(sourceBody(kind, values));
      onAdded({
        name: added.source.name,
        id: added.source.id,
        ...(added.secret ? { secret: added.secret } : {}),
      });
    } catch {
      // Shown in the form.
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('listening.sources.addTitle', { kind: t(`listening.sources.kind.${kind.kind}`) })}
      centered
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          {kind.fields.map((field) => (
            <SourceInput
              key={field.name}
              field={field}
              value={values[field.name] ?? ''}
              error={
                problem?.field === field.name ? t(`listening.sources.problem.${problem.problem}`) : undefined
              }
              onChange={(value) => set(field.name, value)}
            />
          ))}
          <FormError error={add.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('listening.sources.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One field of a source's form, as its type asks; every value is kept as text until sent. */
function SourceInput({
  field,
  value,
  error,
  onChange,
}: {
  field: SourceField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const accounts = useAccountsQuery(workspace.id);
  const common = {
    label: t(`listening.sources.field.${field.name}`),
    description: t(`listening.sources.hint.${field.name}`),
    required: field.required,
    error,
  };
  switch (field.type) {
    case 'number':
      return (
        <NumberInput
          {...common}
          min={field.min}
          max={field.max}
          value={value}
          onChange={(next) => onChange(String(next))}
        />
      );
    case 'list':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'boolean':
      return (
        <Switch
          label={common.label}
          description={common.description}
          checked={value === 'true'}
          onChange={(event) => onChange(event.currentTarget.checked ? 'true' : 'false')}
        />
      );
    case 'account':
      return (
        <Select
          {...common}
          clearable
          data={(accounts.data ?? [])
            .filter((account) => account.network === field.network)
            .map((account) => ({ value: account.id, label: account.handle }))}
          value={value === '' ? null : value}
          onChange={(next) => onChange(next ?? '')}
        />
      );
    case 'text':
    case 'url':
      return (
        <TextInput
          {...common}
          type={field.type === 'url' ? 'url' : 'text'}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}
