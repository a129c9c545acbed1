import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { forgetSession, useSignOut } from '../session/session.queries';

/** Ends the session and goes to the sign-in page (or `redirectTo`). */
export function SignOutButton({ redirectTo = '/signin' }: { redirectTo?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const signOut = useSignOut();

  const onClick = async (): Promise<void> => {
    await signOut.mutateAsync();
    // Leave the signed-in pages first, then forget the session: the guard would otherwise
    // send the user to sign in with a `next` pointing back here.
    await navigate(redirectTo, { replace: true });
    forgetSession(client);
  };

  return (
    <Button
      variant="subtle"
      size="compact-sm"
      loading={signOut.isPending}
      onClick={() => void onClick().catch(() => undefined)}
    >
      {t('header.signOut')}
    </Button>
  );
}
