import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFor } from '../api/errors';
import { required } from '../lib/validation';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { TokenSecret } from './TokenSecret';
import { useCreateToken } from './tokens.queries';

/** Names and creates a token, then shows its secret once. */
export function CreateTokenForm() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const create = useCreateToken(workspace.id);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { name: '' }, validate: { name: required } });

  const submit = form.onSubmit(async ({ name }) => {
    try {
      const result = await create.mutateAsync(name.trim());
      setCreated({ name: result.token.name, secret: result.secret });
      notifications.show({ color: 'teal', message: t('tokens.created', { name: result.token.name }) });
      form.reset();
    } catch (error) {
      form.setErrors(fieldErrorsFor(error, ['name']));
    }
  });

  return (
    <Stack>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start">
          <TextInput
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            required
            w={320}
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <Button type="submit" mt={46} loading={create.isPending}>
            {t('tokens.create')}
          </Button>
        </Group>
      </form>
      {created === null ? null : (
        <TokenSecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} />
      )}
    </Stack>
  );
}
