import { Alert, Anchor, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import type { AccountNetwork } from './accounts.api';
import { useConnectAccount } from './accounts.queries';
import {
  connectErrors,
  connectInput,
  connectProblems,
  emptyConnectValues,
  type ConnectValues,
} from './connect-form';
import { NETWORK_LABEL } from './networks';

/** Connects one account of `network` (null: closed). The network checks the credentials before they are kept. */
export function ConnectAccountModal({
  network,
  onClose,
}: {
  network: AccountNetwork | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={network !== null}
      onClose={onClose}
      title={network === null ? '' : t('accounts.connectTitle', { network: NETWORK_LABEL[network] })}
      size="lg"
    >
      {network === null ? null : <ConnectForm key={network} network={network} onDone={onClose} />}
    </Modal>
  );
}

function ConnectForm({ network, onDone }: { network: AccountNetwork; onDone: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const connect = useConnectAccount(workspace.id);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<ConnectValues>({
    mode: 'controlled',
    initialValues: emptyConnectValues(),
    validate: (values) =>
      Object.fromEntries(
        Object.entries(connectProblems(network, values)).map(([field, problem]) => [
          field,
          t(`accounts.problems.${problem}`),
        ]),
      ),
  });

  const submit = form.onSubmit(async (values) => {
    setGeneral(null);
    try {
      const account = await connect.mutateAsync(connectInput(network, values));
      notifications.show({ color: 'teal', message: t('accounts.connected', { handle: account.handle }) });
      onDone();
    } catch (error) {
      const { fields, general: message } = connectErrors(error);
      form.setErrors(fields);
      setGeneral(message ?? (Object.keys(fields).length === 0 ? t('errors.unexpected') : null));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {network === 'bluesky' ? (
          <>
            <TextInput
              label={t('accounts.fields.handle')}
              description={t('accounts.fields.handleHint')}
              placeholder="brand.bsky.social"
              required
              autoComplete="off"
              key={form.key('handle')}
              {...form.getInputProps('handle')}
            />
            <PasswordInput
              label={t('accounts.fields.appPassword')}
              description={
                <Trans
                  i18nKey="accounts.fields.appPasswordHint"
                  components={{
                    link: (
                      <Anchor
                        href="https://bsky.app/settings/app-passwords"
                        target="_blank"
                        rel="noreferrer"
                        size="xs"
                      />
                    ),
                  }}
                />
              }
              placeholder="xxxx-xxxx-xxxx-xxxx"
              required
              autoComplete="off"
              key={form.key('appPassword')}
              {...form.getInputProps('appPassword')}
            />
            <TextInput
              label={t('accounts.fields.service')}
              description={t('accounts.fields.serviceHint')}
              placeholder="https://bsky.social"
              autoComplete="off"
              key={form.key('service')}
              {...form.getInputProps('service')}
            />
          </>
        ) : null}
        {network === 'mastodon' ? (
          <>
            <TextInput
              label={t('accounts.fields.instanceUrl')}
              description={t('accounts.fields.instanceUrlHint')}
              placeholder="https://mastodon.social"
              required
              autoComplete="off"
              key={form.key('instanceUrl')}
              {...form.getInputProps('instanceUrl')}
            />
            <PasswordInput
              label={t('accounts.fields.accessToken')}
              description={t('accounts.fields.accessTokenHint')}
              required
              autoComplete="off"
              key={form.key('accessToken')}
              {...form.getInputProps('accessToken')}
            />
          </>
        ) : null}
        {network === 'webhook' ? (
          <>
            <TextInput
              label={t('accounts.fields.url')}
              description={t('accounts.fields.urlHint')}
              placeholder="https://hooks.example.com/hearth"
              required
              autoComplete="off"
              key={form.key('url')}
              {...form.getInputProps('url')}
            />
            <PasswordInput
              label={t('accounts.fields.secret')}
              description={t('accounts.fields.secretHint')}
              required
              autoComplete="off"
              key={form.key('secret')}
              {...form.getInputProps('secret')}
            />
          </>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('accounts.credentialsNote')}
        </Text>
        {general === null ? null : (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={connect.isPending}>
            {t('accounts.connect')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
