/** The Bluesky connector object: its credentials schema, capabilities, limits and `connect`. */
import type { Connector } from '../types.js';
import { BlueskyConnection } from './bluesky.connection.js';
import { blueskyCredentialsSchema, type BlueskyCredentials } from './bluesky.credentials.js';
import { BLUESKY_CAPABILITIES, BLUESKY_LIMITS } from './bluesky.limits.js';

export const blueskyConnector: Connector<BlueskyCredentials> = {
  network: 'bluesky',
  credentialsSchema: blueskyCredentialsSchema,
  capabilities: BLUESKY_CAPABILITIES,
  limits: BLUESKY_LIMITS,
  connect: (credentials, context) => new BlueskyConnection(credentials, context),
};
