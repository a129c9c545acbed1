import { Alert } from '@mantine/core';
import { errorMessage } from '../lib/error-message';

/** The error of a form's last submission, shown above its button; nothing when there is none. */
export function FormError({ error }: { error: unknown }) {
  if (error === null || error === undefined) {
    return null;
  }
  return (
    <Alert color="red" role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
