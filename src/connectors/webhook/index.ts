/**
 * Webhook: publishing to any HTTP receiver (a CMS, a chat bridge, an automation) as signed JSON.
 * Publish only. See docs/CONNECTORS.md#webhook for the payload and the signature check.
 */
export { webhookConnector } from './webhook.connector.js';
export { webhookCredentialsSchema, type WebhookCredentials } from './webhook.credentials.js';
export { signatureFor } from './signature.js';
