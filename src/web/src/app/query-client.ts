/**
 * The app's QueryClient. Two rules live here rather than in every page: a 401 from any request
 * means the session is gone (the session query becomes null and the guards send the user to sign
 * in), and a failed mutation shows a notification unless its form shows the error itself.
 */
import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { hasStatus, isApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { errorMessage } from '../lib/error-message';
import { queryKeys } from './query-keys';

/** Mutation options read by the global error handler. */
type AppMutationMeta = {
  /** The form shows the error next to its fields; no notification. */
  inlineError?: boolean;
};

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: AppMutationMeta;
  }
}

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onAuthLost(error) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (onAuthLost(error) || mutation.meta?.inlineError === true) {
          return;
        }
        notifications.show({ color: 'red', title: i18n.t('errors.title'), message: errorMessage(error) });
      },
    }),
    defaultOptions: {
      queries: {
        // Data is refetched whenever a page mounts (staleTime 0): a team edits it concurrently.
        // A 4xx will not change by asking again.
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });

  function onAuthLost(error: unknown): boolean {
    if (!hasStatus(error, 401) || client.getQueryData(queryKeys.session) === null) {
      return false;
    }
    api.setCsrfToken(null);
    client.setQueryData(queryKeys.session, null);
    return true;
  }

  return client;
}
