/**
 * The search backfill of a Bluesky source: what the event stream cannot give (posts from before the
 * source was added, or from while Hearth was stopped longer than the relay keeps events) is asked of
 * an AppView's `app.bsky.feed.searchPosts`, newest first, a few pages per term at most, through the
 * SSRF-guarded fetch. The posts found go through the same filter as the stream's.
 */
import { z } from 'zod';
import { didOfUri, parsePost, type BlueskyPost } from './bluesky-post.js';

export const SEARCH_PAGE_SIZE = 100;
export const SEARCH_MAX_PAGES = 3;
export const SEARCH_MAX_TERMS = 10;
const TIMEOUT_MS = 15_000;
/** The whole search, all terms and pages: it runs inside a stream window's claim. */
export const SEARCH_BUDGET_MS = 30_000;

const searchAnswer = z.object({
  cursor: z.string().optional(),
  posts: z.array(
    z.object({
      uri: z.string(),
      cid: z.string().optional(),
      author: z.object({ did: z.string(), handle: z.string() }),
      record: z.unknown(),
      likeCount: z.number().int().min(0).optional(),
      repostCount: z.number().int().min(0).optional(),
      replyCount: z.number().int().min(0).optional(),
    }),
  ),
});

export interface FoundPost {
  post: BlueskyPost;
  handle: string;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
}

export class SearchError extends Error {
  override name = 'SearchError';
}

/** The terms worth searching: the keywords, and saved queries that are only plain words. */
export function searchTerms(keywords: readonly string[], queries: readonly string[]): string[] {
  const plain = queries
    .map((q) => q.trim())
    .filter((q) => /^[\p{L}\p{N}]+( [\p{L}\p{N}]+){0,4}$/u.test(q) && !/\b(AND|OR|NOT|NEAR)\b/.test(q));
  return [...new Set([...keywords, ...plain].map((term) => term.toLowerCase()))].slice(0, SEARCH_MAX_TERMS);
}

/** Searches each term (newest first, since `since` when given); stops a term at a page with nothing new. */
export async function searchPosts(
  fetcher: typeof fetch,
  appViewUrl: string,
  terms: readonly string[],
  since: string | null,
  budgetMs = SEARCH_BUDGET_MS,
): Promise<FoundPost[]> {
  const found = new Map<string, FoundPost>();
  const deadline = Date.now() + budgetMs;
  for (const term of terms) {
    let cursor: string | undefined;
    for (let page = 0; page < SEARCH_MAX_PAGES; page++) {
      if (Date.now() >= deadline) {
        // Out of time: what was found is kept; the next search overlaps this one.
        return [...found.values()];
      }
      const url = new URL('/xrpc/app.bsky.feed.searchPosts', appViewUrl);
      url.searchParams.set('q', term);
      url.searchParams.set('sort', 'latest');
      url.searchParams.set('limit', String(SEARCH_PAGE_SIZE));
      if (since) {
        url.searchParams.set('since', since);
      }
      if (cursor) {
        url.searchParams.set('cursor', cursor);
      }
      const answer = await getPage(fetcher, url, Math.min(TIMEOUT_MS, deadline - Date.now()));
      for (const view of answer.posts) {
        const did = didOfUri(view.uri) ?? view.author.did;
        const rkey = view.uri.split('/').at(-1) ?? '';
        const post = parsePost(view.uri, did, rkey, view.cid ?? null, view.record);
        if (post && !found.has(post.uri)) {
          found.set(post.uri, {
            post,
            handle: view.author.handle,
            likes: view.likeCount ?? null,
            reposts: view.repostCount ?? null,
            replies: view.replyCount ?? null,
          });
        }
      }
      cursor = answer.cursor;
      if (!cursor || answer.posts.length < SEARCH_PAGE_SIZE) {
        break;
      }
    }
  }
  return [...found.values()];
}

async function getPage(
  fetcher: typeof fetch,
  url: URL,
  timeoutMs: number,
): Promise<z.output<typeof searchAnswer>> {
  let response: Response;
  try {
    response = await fetcher(url.href, {
      signal: AbortSignal.timeout(Math.max(1, timeoutMs)),
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'BlockedAddressError') {
      throw new SearchError(error.message);
    }
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new SearchError(`The AppView ${url.host} did not answer in time`);
    }
    throw new SearchError(`The AppView ${url.host} could not be reached`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new SearchError(`The AppView ${url.host} answered ${response.status} to a search`);
  }
  const parsed = searchAnswer.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    throw new SearchError(
      `The AppView ${url.host} answered a search with something that is not a list of posts`,
    );
  }
  return parsed.data;
}
