/**
 * The one interface every network connector implements. Connectors know the network; nothing else
 * does: publishing, inbox and listening talk to a `Connection` and store only what it returns
 * (external ids, URLs and the opaque `ref`). Two-way from day one: publishing now, reading later.
 *
 * Every side effect is idempotent on the caller's key (Bluesky: a record key derived from it;
 * Mastodon: the `Idempotency-Key` header; webhook: the key in the payload and a header), so a retry
 * never publishes twice, and a publish whose outcome is unknown is settled with `findPublished`.
 */
import type { z } from 'zod';

export type NetworkId = 'bluesky' | 'mastodon' | 'webhook';

export const NETWORK_IDS: readonly NetworkId[] = ['bluesky', 'mastodon', 'webhook'];

export interface ConnectorCapabilities {
  publish: boolean;
  reply: boolean;
  delete: boolean;
  /** Several parts published as a chain of replies. */
  threads: boolean;
  images: boolean;
  /** `recentPosts` reads the account's own posts back. */
  readOwnPosts: boolean;
  /** `findPublished` can tell whether a key was published (otherwise a retry with the same key is the answer). */
  readBack: boolean;
  metrics: boolean;
  /** `block` stops an account from interacting with ours. */
  block: boolean;
  /** `hideReply` hides a reply under one of our own posts (Bluesky: the thread gate's hidden replies). */
  hideReplies: boolean;
}

export interface ConnectorLimits {
  /** Maximum text length, counted as `countBy` says (Bluesky: graphemes; Mastodon: characters). */
  maxTextLength: number;
  countBy: 'graphemes' | 'characters';
  maxImages: number;
  maxImageBytes: number;
  maxAltTextLength: number;
}

export interface AccountProfile {
  /** The network's stable id of the account (Bluesky DID, Mastodon account id, webhook URL host). */
  externalId: string;
  handle: string;
  displayName: string | null;
  followers: number | null;
  url: string | null;
}

export interface ImageInput {
  data: Uint8Array;
  mimeType: string;
  /** Required: every image carries a description (accessibility; the guardrails enforce it before). */
  altText: string;
}

export interface PostInput {
  /** Derived from Hearth's own id: the same key never yields two posts. [A-Za-z0-9._~-], ≤ 64 chars. */
  idempotencyKey: string;
  text: string;
  images?: ImageInput[];
  /** Answer to this post (the `ref` of a post this connection published or read). */
  replyTo?: string;
  /** BCP-47 language of the text, when known. */
  language?: string;
}

export interface PublishedPost {
  externalId: string;
  /** A public link to the post, when the network has one. */
  url: string | null;
  /** Opaque to everyone but the connector: what `replyTo`, `delete` and `metrics` need later. */
  ref: string;
  /** ISO-8601, UTC. */
  publishedAt: string;
}

export interface OwnPost extends PublishedPost {
  text: string;
}

export interface PostMetrics {
  ref: string;
  likes: number;
  reposts: number;
  replies: number;
  /** Null where the network does not count quotes. */
  quotes: number | null;
}

export interface Connection {
  readonly network: NetworkId;
  readonly capabilities: ConnectorCapabilities;
  readonly limits: ConnectorLimits;
  /** Checks the credentials against the network and returns the account; throws ConnectorError('auth'). */
  verify(): Promise<AccountProfile>;
  /** Publishes one post (or a reply, with `replyTo`); idempotent on `post.idempotencyKey`. */
  publish(post: PostInput): Promise<PublishedPost>;
  /** What was published under this key, or null when nothing was; only when `capabilities.readBack`. */
  findPublished(idempotencyKey: string): Promise<PublishedPost | null>;
  /** Deletes a post; a post already gone is not an error. */
  delete(ref: string): Promise<void>;
  /** The account's own latest posts, newest first. */
  recentPosts(limit: number): Promise<OwnPost[]>;
  /** Current engagement of published posts (missing posts are left out). */
  metrics(refs: readonly string[]): Promise<PostMetrics[]>;
  /** Blocks an account (its network id or handle); blocking twice is not an error. Only when `capabilities.block`. */
  block(account: string): Promise<void>;
  /** Hides a reply (its `ref`) in a thread one of our posts started. Only when `capabilities.hideReplies`. */
  hideReply(ref: string): Promise<void>;
}

/** What a connector may use from the host: never `globalThis.fetch` directly. */
export interface ConnectorContext {
  /** A fetch that refuses private and loopback addresses unless the operator allowed them. */
  fetch: typeof fetch;
  /** Per request, in milliseconds. */
  timeoutMs: number;
  now: () => Date;
}

export interface Connector<Credentials> {
  readonly network: NetworkId;
  /** Validates what a user gives to connect (handle + app password, instance + token, URL + secret). */
  readonly credentialsSchema: z.ZodType<Credentials>;
  readonly capabilities: ConnectorCapabilities;
  readonly limits: ConnectorLimits;
  connect(credentials: Credentials, context: ConnectorContext): Connection;
}

/**
 * How a call failed, which decides what the scheduler does next:
 * - `auth`: credentials refused — the account needs attention, no retry;
 * - `transient`: timeout, connection reset, 5xx — retry with backoff;
 * - `rate_limited`: 429 — retry after `retryAfterMs` when the network said;
 * - `permanent`: the network refused the content (too long, invalid) — fail with its message;
 * - `unknown_outcome`: the request may have reached the network (timeout after sending) — settle
 *   by reading back (`findPublished`) or by retrying with the same idempotency key, never blindly.
 */
export type ConnectorErrorKind = 'auth' | 'transient' | 'rate_limited' | 'permanent' | 'unknown_outcome';

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

export const isConnectorError = (error: unknown): error is ConnectorError => error instanceof ConnectorError;
