import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFor } from '../api/errors';
import { FormError } from '../components/FormError';
import { required } from '../lib/validation';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import {
  FACT_FIELDS,
  fromFactForm,
  isDateOnly,
  isValidDate,
  isWebAddress,
  toFactForm,
  type FactFormValues,
} from './facts';
import type { Fact } from './house-style.api';
import { useSaveFact } from './house-style.queries';

/** The dialog that adds a fact ('new') or edits one; closed when `fact` is null. */
export function FactFormModal({ fact, onClose }: { fact: Fact | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = fact === 'new' ? t('houseStyle.facts.addTitle') : t('houseStyle.facts.editTitle');
  return (
    <Modal opened={fact !== null} onClose={onClose} title={title} size="lg">
      {fact === null ? null : (
        <FactForm
          key={fact === 'new' ? 'new' : fact.id}
          fact={fact === 'new' ? undefined : fact}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

function FactForm({ fact, onDone }: { fact: Fact | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const save = useSaveFact(workspace.id);
  const date = (value: string): string | null =>
    isValidDate(value) ? null : t('houseStyle.facts.invalidDate');
  const form = useForm<FactFormValues>({
    mode: 'controlled',
    initialValues: toFactForm(fact),
    validate: {
      statement: required,
      sourceUrl: (value) =>
        value.trim() === '' || isWebAddress(value.trim()) ? null : t('houseStyle.facts.invalidUrl'),
      validUntil: date,
      sourceDate: date,
    },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      await save.mutateAsync({ id: fact?.id, fact: fromFactForm(values) });
      notifications.show({
        color: 'teal',
        message: fact === undefined ? t('houseStyle.facts.created') : t('houseStyle.facts.updated'),
      });
      onDone();
    } catch (error) {
      form.setErrors(fieldErrorsFor(error, FACT_FIELDS));
    }
  });

  // A date picker for dates; a date and time entered through the API stays editable as text.
  const dateType = (value: string): 'date' | 'text' => (value === '' || isDateOnly(value) ? 'date' : 'text');
  const hasFieldErrors = Object.keys(form.errors).length > 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label={t('houseStyle.facts.statement')}
          description={t('houseStyle.facts.statementHint')}
          required
          autosize
          minRows={2}
          data-autofocus
          key={form.key('statement')}
          {...form.getInputProps('statement')}
        />
        <TextInput
          label={t('houseStyle.facts.value')}
          description={t('houseStyle.facts.valueHint')}
          key={form.key('value')}
          {...form.getInputProps('value')}
        />
        <TextInput
          label={t('houseStyle.facts.sourceUrl')}
          description={t('houseStyle.facts.sourceUrlHint')}
          type="url"
          placeholder="https://"
          key={form.key('sourceUrl')}
          {...form.getInputProps('sourceUrl')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('houseStyle.facts.validUntil')}
            description={t('houseStyle.facts.validUntilHint')}
            type={dateType(form.values.validUntil)}
            key={form.key('validUntil')}
            {...form.getInputProps('validUntil')}
          />
          <TextInput
            label={t('houseStyle.facts.sourceDate')}
            description={t('houseStyle.facts.sourceDateHint')}
            type={dateType(form.values.sourceDate)}
            key={form.key('sourceDate')}
            {...form.getInputProps('sourceDate')}
          />
        </Group>
        {hasFieldErrors ? null : <FormError error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
