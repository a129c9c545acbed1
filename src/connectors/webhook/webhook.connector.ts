/** The webhook connector object: its credentials schema, capabilities, limits and `connect`. */
import type { Connector } from '../types.js';
import { WebhookConnection } from './webhook.connection.js';
import { webhookCredentialsSchema, type WebhookCredentials } from './webhook.credentials.js';
import { WEBHOOK_CAPABILITIES, WEBHOOK_LIMITS } from './webhook.limits.js';

export const webhookConnector: Connector<WebhookCredentials> = {
  network: 'webhook',
  credentialsSchema: webhookCredentialsSchema,
  capabilities: WEBHOOK_CAPABILITIES,
  limits: WEBHOOK_LIMITS,
  connect: (credentials, context) => new WebhookConnection(credentials, context),
};
