/**
 * The connectors Hearth knows, by network, and the one way to open a connection: credentials are
 * validated by the connector's schema, and every connection gets the guarded fetch (no private or
 * loopback addresses unless the operator allowed them).
 */
import { createHash } from 'node:crypto';
import { createSafeFetch } from '../core/safe-fetch.js';
import { blueskyConnector } from './bluesky/index.js';
import { mastodonConnector } from './mastodon/index.js';
import type { Connection, Connector, ConnectorContext, NetworkId } from './types.js';
import { webhookConnector } from './webhook/index.js';

export interface ConnectorRegistry {
  connector(network: NetworkId): Connector<unknown>;
  /**
   * Validates credentials (throws the zod error) and returns a connection. Connections are kept
   * per credentials: a session is reused across posts (Bluesky allows ~30 logins per 5 minutes).
   */
  connect(network: NetworkId, credentials: unknown): Connection;
}

/** Connections kept at most; the oldest is dropped first. */
const MAX_CONNECTIONS = 1_000;

export interface RegistryOptions {
  allowPrivateNetworks: boolean;
  /** Per network request (default 30 s). */
  timeoutMs?: number;
  now?: () => Date;
  /** Replaces the built-in connectors (tests). */
  connectors?: readonly Connector<unknown>[];
}

const BUILT_IN: readonly Connector<unknown>[] = [blueskyConnector, mastodonConnector, webhookConnector] as readonly Connector<unknown>[];

export function createConnectorRegistry(options: RegistryOptions): ConnectorRegistry {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const context: ConnectorContext = {
    fetch: createSafeFetch({ allowPrivateNetworks: options.allowPrivateNetworks, timeoutMs }),
    timeoutMs,
    now: options.now ?? (() => new Date()),
  };
  const byNetwork = new Map((options.connectors ?? BUILT_IN).map((connector) => [connector.network, connector]));
  const connector = (network: NetworkId): Connector<unknown> => {
    const found = byNetwork.get(network);
    if (!found) {
      throw new Error(`No connector for ${network}`);
    }
    return found;
  };
  const open = new Map<string, Connection>();
  return {
    connector,
    connect(network, credentials) {
      const chosen = connector(network);
      const parsed = chosen.credentialsSchema.parse(credentials);
      const key = createHash('sha256').update(network).update('\u0000').update(JSON.stringify(parsed)).digest('hex');
      const cached = open.get(key);
      if (cached) {
        return cached;
      }
      const connection = chosen.connect(parsed, context);
      open.set(key, connection);
      if (open.size > MAX_CONNECTIONS) {
        open.delete(open.keys().next().value!);
      }
      return connection;
    },
  };
}
