/**
 * A connected Mastodon account. Publishing sends the caller's key as Mastodon's `Idempotency-Key`
 * header: the server answers a key it saw from this account within the last hour with the status it
 * created then, so a retry never publishes twice. There is no way to look a key up, hence
 * `readBack: false` and `findPublished` refusing: an unknown outcome is settled by publishing again
 * with the same key, within the hour.
 *
 * The `ref` of a post is its status id.
 */
import { z } from 'zod';
import {
  ConnectorError,
  type AccountProfile,
  type Connection,
  type ConnectorContext,
  type ConnectorLimits,
  type OwnPost,
  type PostInput,
  type PostMetrics,
  type PublishedPost,
} from '../types.js';
import { textFromHtml } from './html-text.js';
import { MastodonClient } from './mastodon.client.js';
import type { MastodonCredentials } from './mastodon.credentials.js';
import { limitsFromInstance, MASTODON_CAPABILITIES, MASTODON_LIMITS } from './mastodon.limits.js';
import { accountSchema, instanceSchema, statusSchema, type StatusJson } from './mastodon.schemas.js';
import { uploadImage } from './media.js';
import { checkPost, decodeStatusRef, languageTag } from './post-checks.js';

const PAGE = 40;
const visibilitySchema = z.object({ visibility: z.string().optional() });
const METRICS_CONCURRENCY = 4;

export class MastodonConnection implements Connection {
  readonly network = 'mastodon' as const;
  readonly capabilities = MASTODON_CAPABILITIES;
  private readonly client: MastodonClient;
  private instanceLimits: ConnectorLimits = MASTODON_LIMITS;
  private accountId: string | undefined;

  constructor(
    private readonly credentials: MastodonCredentials,
    context: ConnectorContext,
  ) {
    this.client = new MastodonClient(credentials.instanceUrl, credentials.accessToken, context);
  }

  /** Mastodon's defaults until `verify()` has read the instance's own limits. */
  get limits(): ConnectorLimits {
    return this.instanceLimits;
  }

  async verify(): Promise<AccountProfile> {
    const { data: account } = await this.client.call(
      'GET',
      '/api/v1/accounts/verify_credentials',
      accountSchema,
    );
    this.accountId = account.id;
    const domain = await this.readInstance();
    return {
      externalId: account.id,
      handle: account.acct.includes('@') ? account.acct : `${account.username}@${domain}`,
      displayName: account.display_name?.trim() || null,
      followers: account.followers_count ?? null,
      url: account.url ?? null,
    };
  }

  async publish(post: PostInput): Promise<PublishedPost> {
    checkPost(post, this.limits);
    const inReplyToId = post.replyTo === undefined ? undefined : decodeStatusRef(post.replyTo);
    const mediaIds: string[] = [];
    for (const image of post.images ?? []) {
      mediaIds.push(await uploadImage(this.client, image));
    }
    const language = post.language === undefined ? undefined : languageTag(post.language);
    const visibility = inReplyToId === undefined ? undefined : await this.replyVisibility(inReplyToId);
    const { data } = await this.client.call('POST', '/api/v1/statuses', statusSchema, {
      json: {
        status: post.text,
        ...(visibility === undefined ? {} : { visibility }),
        ...(mediaIds.length > 0 ? { media_ids: mediaIds } : {}),
        ...(inReplyToId === undefined ? {} : { in_reply_to_id: inReplyToId }),
        ...(language === undefined ? {} : { language }),
      },
      headers: { 'idempotency-key': post.idempotencyKey },
      effect: 'create',
    });
    return published(data);
  }

  findPublished(): Promise<PublishedPost | null> {
    return Promise.reject(
      new ConnectorError(
        'permanent',
        'Mastodon cannot look a post up by its idempotency key: publish again with the same key (within an hour) to settle',
      ),
    );
  }

  async delete(ref: string): Promise<void> {
    // Already gone (404) is success. Mastodon limits deletions to 30 per 30 minutes per account.
    await this.client.call('DELETE', `/api/v1/statuses/${decodeStatusRef(ref)}`, z.unknown(), {}, true);
  }

  /** By account id, or by handle (`user` on this instance, `user@domain` elsewhere), looked up first. */
  async block(account: string): Promise<void> {
    const id = /^\d+$/.test(account)
      ? account
      : (
          await this.client.call('GET', '/api/v1/accounts/lookup', accountSchema, {
            query: { acct: account.replace(/^@/, '') },
          })
        ).data.id;
    // Blocking an account already blocked answers the same relationship: idempotent by nature.
    await this.client.call('POST', `/api/v1/accounts/${encodeURIComponent(id)}/block`, z.unknown());
  }

  hideReply(): Promise<void> {
    return Promise.reject(
      new ConnectorError('permanent', 'Mastodon does not let an account hide the replies to its posts'),
    );
  }

  async recentPosts(limit: number): Promise<OwnPost[]> {
    const accountId =
      this.accountId ??
      (await this.client.call('GET', '/api/v1/accounts/verify_credentials', accountSchema)).data.id;
    this.accountId = accountId;
    const posts: OwnPost[] = [];
    let maxId: string | undefined;
    while (posts.length < limit) {
      const { data } = await this.client.call(
        'GET',
        `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`,
        z.array(statusSchema),
        {
          query: { limit: Math.min(PAGE, limit - posts.length), max_id: maxId, exclude_reblogs: true },
        },
      );
      for (const status of data) {
        if (status.reblog === null || status.reblog === undefined) {
          posts.push({ ...published(status), text: textFromHtml(status.content) });
        }
      }
      maxId = data.at(-1)?.id;
      if (maxId === undefined) {
        break;
      }
    }
    return posts.slice(0, limit);
  }

  async metrics(refs: readonly string[]): Promise<PostMetrics[]> {
    const results: (PostMetrics | null)[] = new Array<PostMetrics | null>(refs.length).fill(null);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let index = next++; index < refs.length; index = next++) {
        const ref = refs[index] ?? '';
        const { data } = await this.client.call(
          'GET',
          `/api/v1/statuses/${decodeStatusRef(ref)}`,
          statusSchema,
          {},
          true,
        );
        results[index] =
          data === null
            ? null
            : {
                ref,
                likes: data.favourites_count ?? 0,
                reposts: data.reblogs_count ?? 0,
                replies: data.replies_count ?? 0,
                quotes: data.quotes_count ?? null,
              };
      }
    };
    await Promise.all(Array.from({ length: Math.min(METRICS_CONCURRENCY, refs.length) }, worker));
    return results.filter((metric): metric is PostMetrics => metric !== null);
  }

  /**
   * A reply is never more public than what it answers: an answer to a direct message stays direct,
   * to a followers-only post followers-only (Mastodon's own apps do the same). Public: the account's default.
   */
  private async replyVisibility(statusId: string): Promise<'unlisted' | 'private' | 'direct' | undefined> {
    const { data } = await this.client.call(
      'GET',
      `/api/v1/statuses/${encodeURIComponent(statusId)}`,
      visibilitySchema,
      {},
      true,
    );
    const visibility = data?.visibility;
    return visibility === 'unlisted' || visibility === 'private' || visibility === 'direct'
      ? visibility
      : undefined;
  }

  /** Adopts the instance's limits; returns its domain (the one in handles). Old servers keep the defaults. */
  private async readInstance(): Promise<string> {
    const fallback = new URL(this.credentials.instanceUrl).host;
    const { data } = await this.client.call('GET', '/api/v2/instance', instanceSchema, {}, true);
    if (data === null) {
      return fallback;
    }
    this.instanceLimits = limitsFromInstance(data);
    return data.domain ?? fallback;
  }
}

function published(status: StatusJson): PublishedPost {
  return {
    externalId: status.id,
    url: status.url ?? status.uri,
    ref: status.id,
    publishedAt: new Date(status.created_at).toISOString(),
  };
}
