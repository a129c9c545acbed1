import i18n from '../i18n/i18n';
import { NETWORK_ERROR, isApiError } from '../api/errors';

/** The text to show for a failed request: the server's own message when it wrote one. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.fromServer) {
      return error.message;
    }
    if (error.code === NETWORK_ERROR) {
      return i18n.t('errors.network');
    }
  }
  return i18n.t('errors.unexpected');
}
