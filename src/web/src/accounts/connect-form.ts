/** The "connect an account" forms: their values, the request they make, and where the server's errors go. */
import { isApiError } from '../api/errors';
import type { AccountNetwork, ConnectAccountInput } from './accounts.api';

export interface ConnectValues {
  /** Bluesky */
  handle: string;
  appPassword: string;
  service: string;
  /** Mastodon */
  instanceUrl: string;
  accessToken: string;
  /** Webhook */
  url: string;
  secret: string;
}

export const emptyConnectValues = (): ConnectValues => ({
  handle: '',
  appPassword: '',
  service: '',
  instanceUrl: '',
  accessToken: '',
  url: '',
  secret: '',
});

/** The fields each network's form shows. */
export const CONNECT_FIELDS: Record<AccountNetwork, readonly (keyof ConnectValues)[]> = {
  bluesky: ['handle', 'appPassword', 'service'],
  mastodon: ['instanceUrl', 'accessToken'],
  webhook: ['url', 'secret'],
};

/** Optional fields; every other one is required. */
const OPTIONAL: readonly (keyof ConnectValues)[] = ['service'];

/** An app password as Bluesky makes them; the account's own password must not be given to Hearth. */
export const APP_PASSWORD = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/;

/** The request for `network` from the form's values (trimmed; an empty service is Bluesky's default). */
export function connectInput(network: AccountNetwork, values: ConnectValues): ConnectAccountInput {
  switch (network) {
    case 'bluesky': {
      const service = values.service.trim();
      return {
        network,
        credentials: {
          handle: values.handle.trim().replace(/^@/, ''),
          appPassword: values.appPassword.trim(),
          ...(service === '' ? {} : { service }),
        },
      };
    }
    case 'mastodon':
      return {
        network,
        credentials: { instanceUrl: values.instanceUrl.trim(), accessToken: values.accessToken.trim() },
      };
    case 'webhook':
      return { network, credentials: { url: values.url.trim(), secret: values.secret } };
  }
}

export type ConnectProblem = 'required' | 'appPassword' | 'secretLength';

/** What is wrong before sending, by field. */
export function connectProblems(
  network: AccountNetwork,
  values: ConnectValues,
): Partial<Record<keyof ConnectValues, ConnectProblem>> {
  const problems: Partial<Record<keyof ConnectValues, ConnectProblem>> = {};
  for (const field of CONNECT_FIELDS[network]) {
    if (!OPTIONAL.includes(field) && values[field].trim() === '') {
      problems[field] = 'required';
    }
  }
  if (
    network === 'bluesky' &&
    problems.appPassword === undefined &&
    !APP_PASSWORD.test(values.appPassword.trim())
  ) {
    problems.appPassword = 'appPassword';
  }
  if (network === 'webhook' && problems.secret === undefined && values.secret.length < 16) {
    problems.secret = 'secretLength';
  }
  return problems;
}

/**
 * The server's errors: `credentials.<field>` next to that field, the rest (the network refused
 * the credentials, or did not answer) said once above the button.
 */
export function connectErrors(error: unknown): {
  fields: Partial<Record<keyof ConnectValues, string>>;
  general: string | null;
} {
  if (!isApiError(error)) {
    return { fields: {}, general: null };
  }
  const fields: Partial<Record<keyof ConnectValues, string>> = {};
  const known = Object.keys(emptyConnectValues());
  const general: string[] = [];
  for (const { path, message } of error.fields) {
    const field = path.replace(/^body\./, '').replace(/^credentials\.?/, '');
    if (known.includes(field)) {
      fields[field as keyof ConnectValues] ??= message;
    } else {
      general.push(message);
    }
  }
  if (error.fields.length === 0) {
    return { fields, general: error.fromServer ? error.message : null };
  }
  return { fields, general: general.length > 0 ? general.join(' ') : null };
}
