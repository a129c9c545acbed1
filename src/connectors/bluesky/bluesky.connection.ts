/**
 * A connected Bluesky account. Writes and own-post reads go to the account's PDS
 * (com.atproto.repo.*); only `metrics` (app.bsky.feed.getPosts) and the follower count in `verify`
 * need the AppView, which the PDS proxies to.
 *
 * Publishing is idempotent by record key (record-key.ts): the record is looked up first, created
 * under the derived key, and when the create's outcome is unknown (a timeout after sending, a 5xx —
 * the PDS answers 500 when a concurrent publish took the key) it is read back before giving up.
 */
import { AtUri } from '@atproto/api';
import {
  ConnectorError,
  isConnectorError,
  type AccountProfile,
  type Connection,
  type ConnectorContext,
  type OwnPost,
  type PostInput,
  type PostMetrics,
  type PublishedPost,
} from '../types.js';
import type { BlueskyCredentials } from './bluesky.credentials.js';
import { BLUESKY_CAPABILITIES, BLUESKY_LIMITS } from './bluesky.limits.js';
import { BlueskySession } from './bluesky.session.js';
import { checkPost } from './post-checks.js';
import { buildPostRecord, readOwnPost, withoutText } from './post-record.js';
import { decodePostRef, encodePostRef, POST_COLLECTION, postUrl } from './post-ref.js';
import { readProfile } from './profile.js';
import { recordKeyFor } from './record-key.js';
import { getRecordOrNull } from './records.js';
import { blockAccount, hideReply } from './moderation.js';

const LIST_PAGE = 100;
const GET_POSTS_BATCH = 25;

export class BlueskyConnection implements Connection {
  readonly network = 'bluesky' as const;
  readonly capabilities = BLUESKY_CAPABILITIES;
  readonly limits = BLUESKY_LIMITS;
  private readonly session: BlueskySession;

  constructor(
    credentials: BlueskyCredentials,
    private readonly context: ConnectorContext,
  ) {
    this.session = new BlueskySession(credentials, context);
  }

  verify(): Promise<AccountProfile> {
    return this.session.run('safe', readProfile);
  }

  async publish(post: PostInput): Promise<PublishedPost> {
    checkPost(post);
    const parent = post.replyTo === undefined ? undefined : decodePostRef(post.replyTo);
    const rkey = recordKeyFor(post.idempotencyKey);
    const existing = await this.findByRecordKey(rkey);
    if (existing) {
      return existing;
    }
    const record = await this.session.run('safe', ({ agent }) =>
      buildPostRecord(agent, post, parent, this.context.now()),
    );
    try {
      return await this.session.run('create', async ({ agent, did }) => {
        const { data } = await agent.com.atproto.repo.createRecord({
          repo: did,
          collection: POST_COLLECTION,
          rkey,
          record,
        });
        const self = { uri: data.uri, cid: data.cid };
        return {
          externalId: data.uri,
          url: postUrl(data.uri),
          ref: encodePostRef({ ...self, root: parent?.root ?? self }),
          publishedAt: record.createdAt,
        };
      });
    } catch (error) {
      if (isConnectorError(error) && error.kind === 'unknown_outcome') {
        let settled: PublishedPost | null;
        try {
          settled = await this.findByRecordKey(rkey);
        } catch {
          throw error; // The read failed too: still unknown.
        }
        if (settled) {
          return settled;
        }
        // The PDS answered the create with an error and reads show no record: nothing was created
        // (reads after writes are consistent on one PDS), so a retry is safe. A timeout stays unknown.
        if (error.details.status !== undefined) {
          throw new ConnectorError('transient', error.message, error.details);
        }
      }
      throw error;
    }
  }

  findPublished(idempotencyKey: string): Promise<PublishedPost | null> {
    return this.findByRecordKey(recordKeyFor(idempotencyKey));
  }

  async delete(ref: string): Promise<void> {
    const { uri } = decodePostRef(ref);
    const at = new AtUri(uri);
    await this.session.run('safe', async ({ agent, did }) => {
      if (at.host !== did) {
        throw new ConnectorError('permanent', 'This post belongs to another Bluesky account');
      }
      // Deleting a record that is already gone succeeds.
      await agent.com.atproto.repo.deleteRecord({ repo: did, collection: POST_COLLECTION, rkey: at.rkey });
    });
  }

  block(account: string): Promise<void> {
    // A put under a key derived from the account: repeating it rewrites the same block.
    return this.session.run('safe', (session) => blockAccount(session, account, this.context.now()));
  }

  hideReply(ref: string): Promise<void> {
    return this.session.run('safe', (session) => hideReply(session, ref, this.context.now()));
  }

  recentPosts(limit: number): Promise<OwnPost[]> {
    // Records come in record-key order, and a Hearth key carries its draft's time, not the publish
    // time (record-key.ts): read at least a full page, then order by the posts' own time.
    const wanted = Math.max(limit, LIST_PAGE);
    return this.session.run('safe', async ({ agent, did }) => {
      const posts: OwnPost[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await agent.com.atproto.repo.listRecords({
          repo: did,
          collection: POST_COLLECTION,
          limit: Math.min(LIST_PAGE, wanted - posts.length),
          ...(cursor ? { cursor } : {}),
        });
        for (const record of data.records) {
          const post = readOwnPost(record.uri, record.cid, record.value);
          if (post) {
            posts.push(post);
          }
        }
        cursor = data.records.length > 0 ? data.cursor : undefined;
      } while (cursor && posts.length < wanted);
      return posts.sort((a, b) => timeOf(b) - timeOf(a)).slice(0, Math.max(0, limit));
    });
  }

  async metrics(refs: readonly string[]): Promise<PostMetrics[]> {
    const refByUri = new Map(refs.map((ref) => [decodePostRef(ref).uri, ref]));
    const uris = [...refByUri.keys()];
    const metrics: PostMetrics[] = [];
    for (let start = 0; start < uris.length; start += GET_POSTS_BATCH) {
      const { data } = await this.session.run('safe', ({ agent }) =>
        agent.app.bsky.feed.getPosts({ uris: uris.slice(start, start + GET_POSTS_BATCH) }),
      );
      for (const post of data.posts) {
        const ref = refByUri.get(post.uri);
        if (ref !== undefined) {
          metrics.push({
            ref,
            likes: post.likeCount ?? 0,
            reposts: post.repostCount ?? 0,
            replies: post.replyCount ?? 0,
            quotes: post.quoteCount ?? null,
          });
        }
      }
    }
    return metrics;
  }

  private findByRecordKey(rkey: string): Promise<PublishedPost | null> {
    return this.session.run('safe', async ({ agent, did }) => {
      const record = await getRecordOrNull(agent, { repo: did, collection: POST_COLLECTION, rkey });
      const post = record ? readOwnPost(record.uri, record.cid, record.value) : null;
      return post ? withoutText(post) : null;
    });
  }
}

/** A post's time in milliseconds; a record with an unreadable createdAt sorts last. */
function timeOf(post: OwnPost): number {
  return Date.parse(post.publishedAt) || 0;
}
