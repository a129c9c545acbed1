/** The Mastodon connector object: its credentials schema, capabilities, default limits and `connect`. */
import type { Connector } from '../types.js';
import { MastodonConnection } from './mastodon.connection.js';
import { mastodonCredentialsSchema, type MastodonCredentials } from './mastodon.credentials.js';
import { MASTODON_CAPABILITIES, MASTODON_LIMITS } from './mastodon.limits.js';

export const mastodonConnector: Connector<MastodonCredentials> = {
  network: 'mastodon',
  credentialsSchema: mastodonCredentialsSchema,
  capabilities: MASTODON_CAPABILITIES,
  limits: MASTODON_LIMITS,
  connect: (credentials, context) => new MastodonConnection(credentials, context),
};
