import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFor } from '../api/errors';
import type { AcceptInvitationInput, AcceptedInvitation, InvitationPreview } from '../api/types';
import { FormError } from '../components/FormError';
import { PasswordField } from '../components/PasswordField';
import { MIN_PASSWORD_LENGTH, anyPassword, newPassword, required } from '../lib/validation';
import { useAcceptInvitation } from './invitations.queries';

interface AcceptInvitationFormProps {
  token: string;
  invitation: InvitationPreview;
  /** Whoever is signed in now, if anyone. */
  signedInEmail: string | null;
  onAccepted: (session: AcceptedInvitation) => void;
}

/**
 * The form that fits the invitee: one button when signed in as the invited address, the account's
 * password when it exists, a name and a new password otherwise.
 */
export function AcceptInvitationForm({
  token,
  invitation,
  signedInEmail,
  onAccepted,
}: AcceptInvitationFormProps) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(token);
  const mode = signedInEmail !== null ? 'signedIn' : invitation.accountExists ? 'existing' : 'new';
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', password: '' },
    validate: {
      name: (value: string) => (mode === 'new' ? required(value) : null),
      password: (value: string) => {
        if (mode === 'new') {
          return newPassword(value);
        }
        return mode === 'existing' ? anyPassword(value) : null;
      },
    },
  });

  const submit = form.onSubmit(async ({ name, password }) => {
    const input: AcceptInvitationInput =
      mode === 'new' ? { name: name.trim(), password } : mode === 'existing' ? { password } : {};
    try {
      onAccepted(await accept.mutateAsync(input));
    } catch (error) {
      form.setErrors(fieldErrorsFor(error, ['name', 'password']));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mode === 'new' ? (
          <>
            <TextInput
              label={t('fields.yourName')}
              required
              autoComplete="name"
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <PasswordField
              label={t('fields.password')}
              description={t('fields.passwordHint', { min: MIN_PASSWORD_LENGTH })}
              required
              autoComplete="new-password"
              key={form.key('password')}
              {...form.getInputProps('password')}
            />
          </>
        ) : null}
        {mode === 'existing' ? (
          <PasswordField
            label={t('fields.password')}
            required
            autoComplete="current-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
        ) : null}
        <FormError error={accept.error} />
        <Button type="submit" loading={accept.isPending}>
          {mode === 'new'
            ? t('invite.createAndJoin')
            : t('invite.join', { workspace: invitation.workspaceName })}
        </Button>
      </Stack>
    </form>
  );
}
