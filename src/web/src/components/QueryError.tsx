import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';

/** A failed query: the server's message in an alert. */
export function QueryError({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={title ?? t('errors.loadFailed')} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
