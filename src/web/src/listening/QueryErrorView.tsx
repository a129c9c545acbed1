import { Alert, Code, Mark, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';
import { queryErrorPosition, splitAtError } from './query-error';

/** A query the server refused: its message, and the query with the place of the problem marked. */
export function QueryErrorView({ query, error, message }: { query: string; error: unknown; message?: string }) {
  const { t } = useTranslation();
  const where = queryErrorPosition(error);
  const parts = where === null ? null : splitAtError(query, where.position);
  return (
    <Alert color="red" role="alert" title={t('listening.queryError.title')} data-testid="query-error">
      <Stack gap={6}>
        <Text size="sm">{message ?? errorMessage(error)}</Text>
        {parts === null ? null : (
          <Code block aria-label={t('listening.queryError.where')}>
            {parts.before}
            <Mark color="red" data-testid="query-error-at">
              {parts.at === '' ? '\u00a0' : parts.at}
            </Mark>
            {parts.after}
          </Code>
        )}
      </Stack>
    </Alert>
  );
}
