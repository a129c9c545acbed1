import { Button, Divider, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrorsFor } from '../api/errors';
import type { SetupInput } from '../api/types';
import { FormError } from '../components/FormError';
import { PasswordField } from '../components/PasswordField';
import { LanguagesSelect } from '../components/LanguagesSelect';
import { TimeZoneSelect } from '../components/TimeZoneSelect';
import { useUiLanguage } from '../i18n/use-ui-language';
import { MIN_PASSWORD_LENGTH, email, newPassword, required } from '../lib/validation';
import { useCompleteSetup } from '../session/session.queries';
import { newWorkspaceValues, workspaceRules } from '../workspaces/workspace-form';
import { AuthLayout } from './AuthLayout';

const SETUP_FIELDS = ['name', 'email', 'password', 'workspaceName', 'timeZone', 'languages'] as const;

/** First run: the owner's account and the first workspace, created together. */
export function SetupPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const navigate = useNavigate();
  const setup = useCompleteSetup();
  const { timeZone, languages } = newWorkspaceValues(language);
  const form = useForm<SetupInput>({
    mode: 'controlled',
    initialValues: { name: '', email: '', password: '', workspaceName: '', timeZone, languages },
    validate: {
      name: required,
      email,
      password: newPassword,
      workspaceName: required,
      timeZone: workspaceRules.timeZone,
      languages: workspaceRules.languages,
    },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      const session = await setup.mutateAsync({
        ...values,
        name: values.name.trim(),
        email: values.email.trim(),
      });
      const first = session.workspaces[0];
      await navigate(first === undefined ? '/' : `/w/${first.id}/today`, { replace: true });
    } catch (error) {
      form.setErrors(fieldErrorsFor(error, SETUP_FIELDS));
    }
  });

  return (
    <AuthLayout title={t('setup.title')} size="sm">
      <Text>{t('setup.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Divider label={t('setup.account')} labelPosition="left" />
          <TextInput
            label={t('fields.yourName')}
            required
            autoComplete="name"
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('fields.email')}
            type="email"
            required
            autoComplete="email"
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('fields.password')}
            description={t('fields.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            required
            autoComplete="new-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Divider label={t('setup.workspace')} labelPosition="left" mt="md" />
          <Text size="sm" c="dimmed">
            {t('setup.workspaceHint')}
          </Text>
          <TextInput
            label={t('fields.workspaceName')}
            required
            key={form.key('workspaceName')}
            {...form.getInputProps('workspaceName')}
          />
          <TimeZoneSelect required key={form.key('timeZone')} {...form.getInputProps('timeZone')} />
          <LanguagesSelect required key={form.key('languages')} {...form.getInputProps('languages')} />
          <FormError error={setup.error} />
          <Button type="submit" loading={setup.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
