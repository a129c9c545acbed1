import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { hasStatus } from '../api/errors';
import type { AcceptedInvitation } from '../api/types';
import { PageLoader } from '../components/PageLoader';
import { QueryError } from '../components/QueryError';
import { SignOutButton } from '../layout/SignOutButton';
import { formatDateTime } from '../lib/format';
import { AuthLayout } from '../pages/AuthLayout';
import { useSessionQuery } from '../session/session.queries';
import { AcceptInvitationForm } from './AcceptInvitationForm';
import { acceptedWorkspacePath } from './accepted-workspace';
import { useInvitationQuery } from './invitations.queries';

/** `/invite/:token`: which workspace, which role, and the form to accept. */
export function InvitePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const invitation = useInvitationQuery(token);
  const session = useSessionQuery();

  if (invitation.isError) {
    if (hasStatus(invitation.error, 404)) {
      return (
        <AuthLayout title={t('invite.invalidTitle')}>
          <Text>{t('invite.invalidText')}</Text>
        </AuthLayout>
      );
    }
    return (
      <AuthLayout title={t('invite.genericTitle')}>
        <QueryError error={invitation.error} />
      </AuthLayout>
    );
  }
  if (invitation.data === undefined || session.data === undefined) {
    return session.isError ? <QueryError error={session.error} /> : <PageLoader />;
  }

  const preview = invitation.data;
  const signedIn = session.data;
  const wrongAccount = signedIn !== null && signedIn.user.email.toLowerCase() !== preview.email.toLowerCase();
  const onAccepted = (accepted: AcceptedInvitation): void => {
    void navigate(acceptedWorkspacePath(accepted, preview.workspaceName), { replace: true });
  };

  return (
    <AuthLayout title={t('invite.title', { workspace: preview.workspaceName })}>
      <Stack gap="xs">
        <Text>
          {t('invite.summary', { workspace: preview.workspaceName, role: t(`roles.${preview.role}`) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('invite.details', {
            email: preview.email,
            date: formatDateTime(preview.expiresAt, i18n.language),
          })}
        </Text>
      </Stack>
      {wrongAccount ? (
        <Alert color="yellow" title={t('invite.wrongAccountTitle')}>
          <Stack align="flex-start">
            <Text size="sm">
              {t('invite.wrongAccount', { current: signedIn.user.email, email: preview.email })}
            </Text>
            <SignOutButton redirectTo={`/invite/${token}`} />
          </Stack>
        </Alert>
      ) : (
        <>
          {signedIn === null ? (
            <Text size="sm">
              {preview.accountExists
                ? t('invite.existingAccount', { email: preview.email })
                : t('invite.newAccount')}
            </Text>
          ) : null}
          <AcceptInvitationForm
            token={token}
            invitation={preview}
            signedInEmail={signedIn?.user.email ?? null}
            onAccepted={onAccepted}
          />
        </>
      )}
      {signedIn === null ? null : (
        <Button variant="subtle" onClick={() => void navigate('/')}>
          {t('invite.notNow')}
        </Button>
      )}
    </AuthLayout>
  );
}
