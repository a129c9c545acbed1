import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFor } from '../api/errors';
import { FormError } from '../components/FormError';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { MAX_WORD_LENGTH, parseWords } from './dictionary';
import { useAddDictionaryWords } from './house-style.queries';

/** Adds several words at once, typed or pasted. */
export function AddWordsForm() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const add = useAddDictionaryWords(workspace.id, { inlineError: true });
  const form = useForm({
    mode: 'controlled',
    initialValues: { words: '' },
    validate: {
      words: (value: string) => {
        const words = parseWords(value);
        const tooLong = words.find((word) => word.length > MAX_WORD_LENGTH);
        if (words.length === 0) {
          return t('validation.required');
        }
        return tooLong === undefined
          ? null
          : t('houseStyle.dictionary.tooLong', { word: `${tooLong.slice(0, 20)}…`, max: MAX_WORD_LENGTH });
      },
    },
  });

  const submit = form.onSubmit(async ({ words }) => {
    const list = parseWords(words);
    try {
      await add.mutateAsync(list);
      notifications.show({
        color: 'teal',
        message: t('houseStyle.dictionary.added', { count: list.length }),
      });
      form.reset();
    } catch (error) {
      form.setErrors(fieldErrorsFor(error, ['words']));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t('houseStyle.dictionary.words')}
          description={t('houseStyle.dictionary.wordsHint')}
          autosize
          minRows={2}
          maxRows={8}
          key={form.key('words')}
          {...form.getInputProps('words')}
        />
        {Object.keys(form.errors).length === 0 ? <FormError error={add.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            {t('houseStyle.dictionary.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
