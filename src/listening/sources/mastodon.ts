/**
 * A Mastodon source's poll: the new statuses of each followed hashtag (`GET /api/v1/timelines/tag/:tag`
 * with `min_id`, page after page) and, when an account is linked, its mentions (`GET
 * /api/v1/notifications?types[]=mention`, with its token), as items of the import format, and the new
 * cursor (the newest id seen, per timeline). Mastodon's documented JSON, through the SSRF-guarded
 * fetch, no redirects followed with a token. Failures are `MastodonError`s in words, never crashes.
 */
import { z } from 'zod';
import type { IncomingItem } from '../items.js';
import { textFromHtml } from './html-text.js';
import { parseRetryAfter } from './polling.js';
import type { MastodonCursor, MastodonSettings } from './source-settings.js';

export const MASTODON_PAGE_SIZE = 40;
/** Pages per timeline and poll: what is left is read at the next poll (the cursor keeps the place). */
export const MASTODON_MAX_PAGES = 5;
export const DEFAULT_MASTODON_TIMEOUT_MS = 20_000;

export class MastodonError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'MastodonError';
  }
}

const account = z.object({
  acct: z.string(),
  display_name: z.string().nullish(),
  followers_count: z.number().int().min(0).nullish(),
});
const status = z.object({
  id: z.string(),
  uri: z.string(),
  url: z.string().nullish(),
  in_reply_to_id: z.string().nullish(),
  created_at: z.string(),
  content: z.string(),
  spoiler_text: z.string().nullish(),
  language: z.string().nullish(),
  account,
  reblog: z.unknown().nullish(),
  favourites_count: z.number().int().min(0).nullish(),
  reblogs_count: z.number().int().min(0).nullish(),
  replies_count: z.number().int().min(0).nullish(),
  media_attachments: z.array(z.object({ type: z.string() })).nullish(),
  card: z.unknown().nullish(),
});
const notification = z.object({ id: z.string(), type: z.string(), status: status.nullish() });
type Status = z.output<typeof status>;

export interface MastodonPoll {
  settings: MastodonSettings;
  cursor: MastodonCursor;
  /** The linked account's instance and token, when its mentions are read. */
  account: { instanceUrl: string; accessToken: string; accountId: string } | null;
}

export interface MastodonPollResult {
  items: IncomingItem[];
  cursor: MastodonCursor;
}

export async function pollMastodon(
  fetcher: typeof fetch,
  poll: MastodonPoll,
  options: { timeoutMs?: number; now?: Date } = {},
): Promise<MastodonPollResult> {
  const get = getter(fetcher, options.timeoutMs ?? DEFAULT_MASTODON_TIMEOUT_MS, options.now ?? new Date());
  const items: IncomingItem[] = [];
  const tags: Record<string, string> = {};
  for (const tag of poll.settings.hashtags) {
    const key = tag.toLowerCase();
    const path = `/api/v1/timelines/tag/${encodeURIComponent(tag)}`;
    const read = await readTimeline(
      poll.settings.instanceUrl,
      path,
      {},
      poll.cursor.tags[key] ?? null,
      (url) => get(url, null, z.array(status)),
    );
    items.push(...read.entries.flatMap((entry) => itemOf(entry, poll.settings.instanceUrl)));
    if (read.newest !== null) {
      tags[key] = read.newest;
    }
  }
  let notifications = poll.cursor.notifications;
  if (poll.account) {
    const { instanceUrl, accessToken } = poll.account;
    const read = await readTimeline(
      instanceUrl,
      '/api/v1/notifications',
      { 'types[]': 'mention' },
      notifications,
      (url) => get(url, accessToken, z.array(notification)),
    );
    items.push(
      ...read.entries.flatMap((entry) =>
        entry.type === 'mention' && entry.status
          ? itemOf(entry.status, instanceUrl, poll.account?.accountId)
          : [],
      ),
    );
    notifications = read.newest ?? notifications;
  }
  return { items, cursor: { tags, notifications } };
}

/**
 * Newest first, as Mastodon pages: without a cursor one page (the latest); with one, `min_id` pages
 * that walk forward from it until a short page.
 */
async function readTimeline<T extends { id: string }>(
  instanceUrl: string,
  path: string,
  params: Record<string, string>,
  since: string | null,
  getPage: (url: URL) => Promise<T[]>,
): Promise<{ entries: T[]; newest: string | null }> {
  const entries: T[] = [];
  let newest = since;
  for (let page = 0; page < (since === null ? 1 : MASTODON_MAX_PAGES); page++) {
    const url = new URL(path, instanceUrl);
    for (const [name, value] of Object.entries(params)) {
      url.searchParams.append(name, value);
    }
    url.searchParams.set('limit', String(MASTODON_PAGE_SIZE));
    if (newest !== null) {
      url.searchParams.set('min_id', newest);
    }
    const results = await getPage(url);
    entries.push(...results);
    // With min_id, a page is the statuses just after it, newest first: its first is the next min_id.
    newest = results[0]?.id ?? newest;
    if (results.length < MASTODON_PAGE_SIZE) {
      break;
    }
  }
  return { entries, newest };
}

function getter(fetcher: typeof fetch, timeoutMs: number, now: Date) {
  return async <T>(url: URL, token: string | null, schema: z.ZodType<T>): Promise<T> => {
    const what = `${url.host}${url.pathname.startsWith('/api/v1/notifications') ? ' (notifications)' : ''}`;
    let response: Response;
    try {
      response = await fetcher(url.href, {
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'BlockedAddressError') {
        throw new MastodonError(error.message);
      }
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new MastodonError(`${url.host} did not answer within ${Math.round(timeoutMs / 1000)} s`);
      }
      throw new MastodonError(`${url.host} could not be reached`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now);
      if (response.status === 401 || response.status === 403) {
        throw new MastodonError(
          `${what} refused the linked account's token (${response.status}): connect the account again`,
        );
      }
      if (response.status >= 300 && response.status < 400) {
        throw new MastodonError(
          `${what} redirects elsewhere (${response.status}): the instance may have moved; check its address`,
        );
      }
      if (response.status === 429) {
        throw new MastodonError(`${what} asks Hearth to slow down (429 Too Many Requests)`, retryAfter);
      }
      throw new MastodonError(
        `${what} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        retryAfter,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new MastodonError(`${what} answered something that is not JSON: is it a Mastodon server?`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new MastodonError(
        `${what} answered JSON that is not Mastodon's (${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message ?? 'unexpected'})`,
      );
    }
    return parsed.data;
  };
}

/**
 * `addressedTo`: the linked account, for what its notifications bring (read on its own instance, so
 * the status id is what answering it needs: the ref, and the id its reply points to).
 */
function itemOf(entry: Status, instanceUrl: string, addressedTo?: string): IncomingItem[] {
  if (entry.reblog) {
    return [];
  }
  const body = textFromHtml(entry.content);
  const text = entry.spoiler_text ? `${entry.spoiler_text}\n\n${body}` : body;
  if (text.trim() === '') {
    return [];
  }
  const host = new URL(instanceUrl).host;
  const language = entry.language?.toLowerCase() ?? null;
  return [
    {
      // The ActivityPub id: the same status seen through two instances is one mention.
      id: entry.uri,
      network: 'mastodon',
      text,
      author: entry.account.acct.includes('@') ? entry.account.acct : `${entry.account.acct}@${host}`,
      authorName: entry.account.display_name || null,
      followers: entry.account.followers_count ?? null,
      createdAt: entry.created_at,
      url: entry.url ?? (/^https?:\/\//.test(entry.uri) ? entry.uri : null),
      language: language !== null && /^[a-z]{2}$/.test(language) ? language : null,
      likes: entry.favourites_count ?? null,
      reposts: entry.reblogs_count ?? null,
      replies: entry.replies_count ?? null,
      hasImage: (entry.media_attachments ?? []).some(
        (media) => media.type === 'image' || media.type === 'gifv',
      ),
      hasLink: entry.card !== null && entry.card !== undefined,
      ...(addressedTo
        ? { addressedTo: [addressedTo], ref: entry.id, replyTo: entry.in_reply_to_id ?? null }
        : {}),
    },
  ];
}
