import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsFor } from '../api/errors';
import type { SignInInput } from '../api/types';
import { FormError } from '../components/FormError';
import { PasswordField } from '../components/PasswordField';
import { PageLoader } from '../components/PageLoader';
import { anyPassword, email } from '../lib/validation';
import { safeNext } from '../session/redirect';
import { useSessionQuery, useSignIn } from '../session/session.queries';
import { AuthLayout } from './AuthLayout';

/** E-mail and password; afterwards, back to the page that asked for a session. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useSessionQuery();
  const signIn = useSignIn();
  const form = useForm<SignInInput>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: { email, password: anyPassword },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      await signIn.mutateAsync({ ...values, email: values.email.trim() });
      await navigate(next, { replace: true });
    } catch (error) {
      form.setErrors(fieldErrorsFor(error, ['email', 'password']));
    }
  });

  if (session.data === undefined && session.isPending) {
    return <PageLoader />;
  }
  // Already signed in (and not in the middle of signing in): nothing to do here.
  if (session.data && !signIn.isPending && !signIn.isSuccess) {
    return <Navigate to={next} replace />;
  }

  return (
    <AuthLayout title={t('signIn.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('fields.email')}
            type="email"
            required
            autoComplete="username"
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('fields.password')}
            required
            autoComplete="current-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <FormError error={signIn.error} />
          <Button type="submit" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <Text size="sm" c="dimmed">
        {t('signIn.noAccount')}
      </Text>
    </AuthLayout>
  );
}
