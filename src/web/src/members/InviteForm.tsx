import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFor } from '../api/errors';
import type { Role } from '../api/types';
import { CopyableValue } from '../components/CopyableValue';
import { RoleSelect } from '../components/RoleSelect';
import { email } from '../lib/validation';
import { assignableRoles } from '../workspaces/permissions';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { absoluteUrl } from './invitation-url';
import { useCreateInvitation } from './members.queries';

interface InviteValues {
  email: string;
  role: Role;
}

/** Creates an invitation and shows its link, once, to copy and give to the invitee. */
export function InviteForm() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const create = useCreateInvitation(workspace.id);
  const [created, setCreated] = useState<{ email: string; url: string } | null>(null);
  const form = useForm<InviteValues>({
    mode: 'controlled',
    initialValues: { email: '', role: 'editor' },
    validate: { email },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      const result = await create.mutateAsync({ ...values, email: values.email.trim() });
      setCreated({ email: result.invitation.email, url: absoluteUrl(result.url, window.location.origin) });
      notifications.show({
        color: 'teal',
        message: t('invitations.created', { email: result.invitation.email }),
      });
      form.reset();
    } catch (error) {
      form.setErrors(fieldErrorsFor(error, ['email', 'role']));
    }
  });

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('invitations.howItWorks')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start">
          <TextInput
            label={t('fields.email')}
            type="email"
            required
            w={280}
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <RoleSelect
            label={t('fields.role')}
            w={200}
            roles={assignableRoles(workspace.role)}
            value={form.values.role}
            error={form.errors.role}
            onChange={(role) => form.setFieldValue('role', role)}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t('invitations.submit')}
          </Button>
        </Group>
      </form>
      {created === null ? null : (
        <Alert
          color="teal"
          title={t('invitations.linkTitle', { email: created.email })}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setCreated(null)}
        >
          <Stack gap="xs">
            <Text size="sm">{t('invitations.linkText', { email: created.email })}</Text>
            <CopyableValue
              value={created.url}
              copyLabel={t('invitations.copyLink')}
              testId="invitation-url"
            />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
