/**
 * An in-repo fake Mastodon server (no Mastodon installs here): Fastify on 127.0.0.1, a free port,
 * speaking Mastodon's documented JSON for exactly the endpoints Hearth uses — apps and accounts
 * verify_credentials, v2 instance, statuses (post with Idempotency-Key, read, delete), an account's
 * statuses, media v2 upload and v1 media read, hashtag timelines and mention notifications (paged
 * by id) — with Bearer tokens, Mastodon's error bodies and fault
 * injection. Tests of the connector, publishing and the inbox share it:
 *
 *   const mastodon = await startFakeMastodon();
 *   const token = mastodon.tokenFor('brand');
 *   mastodon.faults.inject({ kind: 'status', status: 503 }, { times: 2 });
 *   …
 *   await mastodon.close();
 */
import type { AddressInfo } from 'node:net';
import fastify from 'fastify';
import { accountRoutes } from './accounts.routes.js';
import { FaultInjector } from './faults.js';
import { addBodyParsers, fail, type RouteContext } from './http.js';
import { mediaRoutes, type MediaSettings } from './media.routes.js';
import { statusRoutes } from './statuses.routes.js';
import { FakeStore, type FakeNotification, type FakeStatus } from './store.js';
import { timelineRoutes } from './timelines.routes.js';

export type { Fault, FaultMatch } from './faults.js';
export type { FakeNotification, FakeStatus } from './store.js';

export interface FakeMastodonOptions {
  /** configuration.statuses.max_characters (Mastodon's default: 500). */
  maxCharacters?: number;
  maxMediaAttachments?: number;
  imageSizeLimit?: number;
  descriptionLimit?: number;
  /** See MediaSettings.mediaProcessingPolls (default 0). */
  mediaProcessingPolls?: number;
  now?: () => Date;
}

export interface RecordedRequest {
  method: string;
  /** Path and query string. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface FakeMastodon {
  /** The server's origin, e.g. http://127.0.0.1:41234 (what a user gives as the instance URL). */
  url: string;
  /** A new valid access token for this username's account (created on first use). */
  tokenFor(username: string): string;
  /** Invalidates every token of the account (as when the user revokes the app). */
  revokeTokens(username: string): void;
  /** The account id Mastodon would give this username, if it exists. */
  accountId(username: string): string | undefined;
  /** Every live status, oldest first. */
  statuses(): FakeStatus[];
  /** Sets engagement counts on a status, as other people's favourites and boosts would. */
  engage(
    statusId: string,
    counts: Partial<Pick<FakeStatus, 'favouritesCount' | 'reblogsCount' | 'quotesCount'>>,
  ): void;
  /**
   * Posts a public status as this username (created on first use), as another client would: its
   * #hashtags reach the tag timelines and its @mentions of local accounts their notifications.
   */
  publish(
    username: string,
    text: string,
    options?: { language?: string; visibility?: FakeStatus['visibility']; inReplyToId?: string },
  ): FakeStatus;
  /** Every notification, oldest first. */
  notifications(): FakeNotification[];
  /** The usernames `username` has blocked. */
  blockedBy(username: string): string[];
  /** Every request received, oldest first (faulted ones included). */
  requests(): RecordedRequest[];
  faults: FaultInjector;
  close(): Promise<void>;
}

export async function startFakeMastodon(options: FakeMastodonOptions = {}): Promise<FakeMastodon> {
  const now = options.now ?? (() => new Date());
  const settings: MediaSettings = {
    maxCharacters: options.maxCharacters ?? 500,
    maxMediaAttachments: options.maxMediaAttachments ?? 4,
    imageSizeLimit: options.imageSizeLimit ?? 16 * 1_048_576,
    descriptionLimit: options.descriptionLimit ?? 1_500,
    mediaProcessingPolls: options.mediaProcessingPolls ?? 0,
  };
  const store = new FakeStore(now);
  const faults = new FaultInjector();
  const recorded: RecordedRequest[] = [];
  let url = '';
  const context: RouteContext = { store, base: () => url, now };

  const app = fastify({ logger: false, forceCloseConnections: true, bodyLimit: 64 * 1_048_576 });
  app.addHook('onRequest', async (request) => {
    recorded.push({ method: request.method, url: request.url, headers: { ...request.headers } });
  });
  faults.install(app);
  addBodyParsers(app);
  app.setNotFoundHandler(async (_request, reply) => fail(reply, 404, 'Record not found'));
  accountRoutes(app, context, settings);
  statusRoutes(app, context, settings);
  mediaRoutes(app, context, settings);
  timelineRoutes(app, context);

  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  return {
    url,
    tokenFor: (username) => store.tokenFor(username),
    revokeTokens: (username) => store.revokeTokens(username),
    accountId: (username) => store.accountByUsername(username)?.id,
    statuses: () =>
      [...store.statuses.values()]
        .sort((a, b) => (BigInt(a.id) > BigInt(b.id) ? 1 : -1))
        .map((status) => ({ ...status })),
    engage: (statusId, counts) => {
      const status = store.statuses.get(statusId);
      if (status === undefined) {
        throw new Error(`No status ${statusId}`);
      }
      Object.assign(status, counts);
    },
    publish: (username, text, publishOptions = {}) => {
      if (store.accountByUsername(username) === undefined) {
        store.tokenFor(username);
      }
      const account = store.accountByUsername(username) as NonNullable<
        ReturnType<FakeStore['accountByUsername']>
      >;
      const status: FakeStatus = {
        id: store.nextId(),
        accountId: account.id,
        text,
        spoilerText: '',
        visibility: publishOptions.visibility ?? 'public',
        language: publishOptions.language ?? null,
        inReplyToId: publishOptions.inReplyToId ?? null,
        inReplyToAccountId: publishOptions.inReplyToId
          ? (store.statuses.get(publishOptions.inReplyToId)?.accountId ?? null)
          : null,
        mediaIds: [],
        createdAt: now().toISOString(),
        favouritesCount: 0,
        reblogsCount: 0,
        repliesCount: 0,
        quotesCount: 0,
        idempotencyKey: null,
      };
      store.addStatus(status);
      return { ...status };
    },
    notifications: () => [...store.notifications],
    blockedBy: (username) => {
      const blocker = store.accountByUsername(username);
      const ids = blocker ? [...(store.blocks.get(blocker.id) ?? [])] : [];
      return ids.map((id) => store.account(id)?.username ?? id);
    },
    requests: () => [...recorded],
    faults,
    close: () => app.close(),
  };
}
