/**
 * Mastodon (and servers speaking its API): an instance address and an access token, spoken to over
 * the host's fetch in Mastodon's documented JSON. See docs/CONNECTORS.md#mastodon for idempotency
 * (the Idempotency-Key header, one hour) and how an unknown outcome is settled.
 */
export { mastodonConnector } from './mastodon.connector.js';
export { mastodonCredentialsSchema, type MastodonCredentials } from './mastodon.credentials.js';
