/**
 * Bluesky: a handle and an app password on a PDS (bsky.social by default), spoken to with
 * @atproto/api through the host's fetch. See docs/CONNECTORS.md#bluesky for what is idempotent and
 * what needs the AppView.
 */
export { blueskyConnector } from './bluesky.connector.js';
export { blueskyCredentialsSchema, type BlueskyCredentials } from './bluesky.credentials.js';
