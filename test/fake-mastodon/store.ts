/**
 * The fake Mastodon's memory: accounts and their tokens, statuses, media and idempotency keys. No
 * HTTP here; the routes call these functions and present the records as Mastodon's JSON.
 */
import { randomBytes } from 'node:crypto';

export interface FakeAccount {
  id: string;
  username: string;
  displayName: string;
  createdAt: string;
  followersCount: number;
}

export interface FakeMedia {
  id: string;
  accountId: string;
  mimeType: string;
  bytes: number;
  description: string | null;
  /** GET /api/v1/media/:id answers 206 this many more times before the file is processed. */
  pendingPolls: number;
  statusId: string | null;
}

export interface FakeStatus {
  id: string;
  accountId: string;
  text: string;
  spoilerText: string;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  language: string | null;
  inReplyToId: string | null;
  inReplyToAccountId: string | null;
  mediaIds: string[];
  createdAt: string;
  favouritesCount: number;
  reblogsCount: number;
  repliesCount: number;
  quotesCount: number;
  /** The Idempotency-Key it was created with, if any. */
  idempotencyKey: string | null;
}

export interface FakeNotification {
  id: string;
  type: 'mention';
  /** Whose notification it is (the mentioned account). */
  accountId: string;
  /** Who mentioned them. */
  fromAccountId: string;
  statusId: string;
  createdAt: string;
}

const HASHTAG = /(?:^|[^\p{L}\p{N}_])#([\p{L}\p{N}_]+)/gu;
const LOCAL_MENTION = /(?:^|[^\p{L}\p{N}_@])@([a-z0-9_]+)(?![a-z0-9_]*@)/giu;

/** The hashtags of a status's text, lower case, as Mastodon's Tag records normalise them. */
export function hashtagsOf(text: string): string[] {
  return [...new Set([...text.matchAll(HASHTAG)].map((m) => (m[1] as string).toLowerCase()))];
}

export class FakeStore {
  private readonly accounts = new Map<string, FakeAccount>();
  private readonly tokens = new Map<string, string>();
  private readonly byUsername = new Map<string, string>();
  readonly statuses = new Map<string, FakeStatus>();
  readonly media = new Map<string, FakeMedia>();
  readonly notifications: FakeNotification[] = [];
  /** Who blocked whom: blocker account id → blocked account ids. */
  readonly blocks = new Map<string, Set<string>>();
  /** `${accountId}:${key}` → status id, as Mastodon keeps it (per account, in Redis). */
  private readonly idempotency = new Map<string, string>();
  private lastId = 110_000_000_000_000_000n;

  constructor(private readonly now: () => Date) {}

  /** Mastodon ids are snowflake-like decimal strings that grow with time. */
  nextId(): string {
    this.lastId += 1n;
    return this.lastId.toString();
  }

  /** The account of this username (created on first use) and a fresh access token for it. */
  tokenFor(username: string): string {
    let accountId = this.byUsername.get(username);
    if (accountId === undefined) {
      accountId = this.nextId();
      this.accounts.set(accountId, {
        id: accountId,
        username,
        displayName: username.charAt(0).toUpperCase() + username.slice(1),
        createdAt: `${this.now().toISOString().slice(0, 10)}T00:00:00.000Z`,
        followersCount: 0,
      });
      this.byUsername.set(username, accountId);
    }
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, accountId);
    return token;
  }

  accountByToken(token: string): FakeAccount | undefined {
    const id = this.tokens.get(token);
    return id === undefined ? undefined : this.accounts.get(id);
  }

  account(id: string): FakeAccount | undefined {
    return this.accounts.get(id);
  }

  accountByUsername(username: string): FakeAccount | undefined {
    const id = this.byUsername.get(username);
    return id === undefined ? undefined : this.accounts.get(id);
  }

  revokeTokens(username: string): void {
    const id = this.byUsername.get(username);
    for (const [token, accountId] of this.tokens) {
      if (accountId === id) {
        this.tokens.delete(token);
      }
    }
  }

  statusesOf(accountId: string): FakeStatus[] {
    return [...this.statuses.values()].filter((status) => status.accountId === accountId);
  }

  /** The live status created earlier with this key by this account (a deleted one does not count). */
  duplicateOf(accountId: string, key: string): FakeStatus | undefined {
    const id = this.idempotency.get(`${accountId}:${key}`);
    return id === undefined ? undefined : this.statuses.get(id);
  }

  addStatus(status: FakeStatus): void {
    this.statuses.set(status.id, status);
    if (status.idempotencyKey !== null) {
      this.idempotency.set(`${status.accountId}:${status.idempotencyKey}`, status.id);
    }
    for (const mediaId of status.mediaIds) {
      const media = this.media.get(mediaId);
      if (media !== undefined) {
        media.statusId = status.id;
      }
    }
    const parent = status.inReplyToId === null ? undefined : this.statuses.get(status.inReplyToId);
    if (parent !== undefined) {
      parent.repliesCount += 1;
    }
    for (const mentioned of this.mentionsOf(status)) {
      if (mentioned.id !== status.accountId) {
        this.notifications.push({
          id: this.nextId(),
          type: 'mention',
          accountId: mentioned.id,
          fromAccountId: status.accountId,
          statusId: status.id,
          createdAt: status.createdAt,
        });
      }
    }
  }

  /** The local accounts a status mentions (`@username`). */
  mentionsOf(status: FakeStatus): FakeAccount[] {
    return [...status.text.matchAll(LOCAL_MENTION)].flatMap((m) => {
      const account = this.accountByUsername((m[1] as string).toLowerCase());
      return account === undefined ? [] : [account];
    });
  }

  removeStatus(id: string): void {
    const status = this.statuses.get(id);
    this.statuses.delete(id);
    const parent = status?.inReplyToId ? this.statuses.get(status.inReplyToId) : undefined;
    if (parent !== undefined) {
      parent.repliesCount -= 1;
    }
  }
}
