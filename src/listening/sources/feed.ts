/**
 * RSS, Atom, RDF and JSON Feed sources: one conditional GET through the SSRF-guarded fetch
 * (If-None-Match / If-Modified-Since; 304 means nothing new), the body read up to a size limit and
 * decoded in its declared charset, parsed with feedsmith, and each entry turned into an item of the
 * import format (listening/items.ts). Every failure is a FeedError whose message is written for the
 * person looking at the source's status; none of them is fatal to anything else.
 */
import { createHash } from 'node:crypto';
import { parseFeed, type AnyFeed } from 'feedsmith';
import { UnsafeRequestError } from '../../core/safe-fetch.js';
import { MAX_EXTERNAL_ID_LENGTH, MAX_TEXT_LENGTH, type IncomingItem } from '../items.js';
import { textFromHtml } from './html-text.js';
import { parseRetryAfter } from './polling.js';

export const DEFAULT_FEED_TIMEOUT_MS = 20_000;
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
/** Entries taken from one fetch: a feed is a window on the latest, not an archive. */
export const MAX_FEED_ITEMS = 1_000;

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export class FeedError extends Error {
  constructor(
    message: string,
    /** Seconds the server asked us to wait (429, 503). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

export interface FeedRequest {
  url: string;
  etag: string | null;
  lastModified: string | null;
}

export type FeedResponse =
  | { status: 'not-modified'; etag: string | null; lastModified: string | null }
  | { status: 'ok'; etag: string | null; lastModified: string | null; format: AnyFeed['format']; title: string | null; items: IncomingItem[] };

export interface FeedFetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  now?: Date;
}

/** Fetches a feed once; throws FeedError with a readable reason when it cannot give its items. */
export async function fetchFeed(fetcher: typeof fetch, request: FeedRequest, options: FeedFetchOptions = {}): Promise<FeedResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': 'Hearth feed reader (self-hosted listening)' };
  if (request.etag) {
    headers['if-none-match'] = request.etag;
  }
  if (request.lastModified) {
    headers['if-modified-since'] = request.lastModified;
  }
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetcher(request.url, { headers, signal, redirect: 'follow' });
  } catch (error) {
    throw describeFetchError(error, request.url, timeoutMs);
  }
  const etag = response.headers.get('etag') ?? request.etag;
  const lastModified = response.headers.get('last-modified') ?? request.lastModified;
  if (response.status === 304) {
    return { status: 'not-modified', etag, lastModified };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const retryAfter = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after'), options.now ?? new Date()) : null;
    throw new FeedError(`The feed answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, retryAfter);
  }
  let body: string;
  try {
    body = await readText(response, options.maxBytes ?? MAX_FEED_BYTES);
  } catch (error) {
    throw error instanceof FeedError ? error : describeFetchError(error, request.url, timeoutMs);
  }
  const parsed = parseFeedItems(body, response.url || request.url);
  return { status: 'ok', etag, lastModified, ...parsed };
}

function describeFetchError(error: unknown, url: string, timeoutMs: number): FeedError {
  const host = hostOf(url);
  if (error instanceof UnsafeRequestError) {
    return new FeedError(error.message);
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new FeedError(`${host} did not answer within ${Math.round(timeoutMs / 100) / 10} s`);
  }
  const cause = error instanceof Error && error.cause instanceof Error ? (error.cause as NodeJS.ErrnoException) : undefined;
  const code = cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new FeedError(`${host} could not be found (DNS)`);
  }
  if (code !== undefined) {
    return new FeedError(`Could not reach ${host} (${code})`);
  }
  return new FeedError(`Could not fetch the feed from ${host}: ${error instanceof Error ? error.message : String(error)}`);
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return 'the feed';
  }
};

/** The body as text, refusing more than `maxBytes`, in the charset the response or the XML declares. */
async function readText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FeedError(`The feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new FeedError(`The feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
      }
      chunks.push(chunk);
    }
  }
  const bytes = Buffer.concat(chunks);
  return decode(bytes, charsetOf(response.headers.get('content-type'), bytes));
}

function charsetOf(contentType: string | null, bytes: Buffer): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) {
    return fromHeader;
  }
  const head = bytes.subarray(0, 200).toString('latin1');
  return /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? 'utf-8';
}

function decode(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // An unknown label: UTF-8 is the likeliest truth.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** The items of a feed document (RSS, Atom, RDF or JSON Feed); throws FeedError when it is none. */
export function parseFeedItems(body: string, feedUrl: string): { format: AnyFeed['format']; title: string | null; items: IncomingItem[] } {
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(body.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FeedError(`Not a feed Hearth can read (RSS, Atom, RDF or JSON Feed): ${reason}`);
  }
  const base = safeUrl(feedUrl);
  switch (parsed.format) {
    case 'rss':
    case 'rdf': {
      const feed = parsed.feed;
      const language = languageOf(parsed.format === 'rss' ? parsed.feed.language : parsed.feed.dc?.languages?.[0]);
      const items = (feed.items ?? []).slice(0, MAX_FEED_ITEMS).map((entry) => {
        const rss = entry as RssLikeItem;
        const link = absolute(rss.link, base);
        const guid = rss.guid?.value?.trim();
        return item({
          base,
          id: guid ?? link ?? null,
          title: rss.title,
          html: rss.content?.encoded ?? rss.description,
          url: link,
          authorName: rss.authors?.[0]?.name ?? rss.dc?.creators?.[0] ?? rss.authors?.[0]?.email ?? null,
          date: rss.pubDate ?? rss.dc?.dates?.[0] ?? null,
          language,
          hasImage: (rss.enclosures ?? []).some((enclosure) => enclosure.type?.startsWith('image/') === true),
        });
      });
      return { format: parsed.format, title: feed.title ?? null, items: compact(items) };
    }
    case 'atom': {
      const feed = parsed.feed;
      const items = (feed.entries ?? []).slice(0, MAX_FEED_ITEMS).map((entry) => {
        const links = entry.links ?? [];
        const alternate = links.find((link) => link.rel === undefined || link.rel === 'alternate') ?? links[0];
        const link = absolute(alternate?.href, base);
        // Atom text constructs are plain text unless typed html or xhtml (RFC 4287 §3.1).
        const textOf = (text: { value?: string; type?: string } | undefined): string | undefined =>
          text?.value === undefined ? undefined : text.type === 'html' || text.type === 'xhtml' ? text.value : escapeHtml(text.value);
        return item({
          base,
          id: entry.id?.trim() || link || null,
          title: textOf(entry.title),
          html: textOf(entry.content) ?? textOf(entry.summary),
          url: link,
          authorName: entry.authors?.[0]?.name ?? feed.authors?.[0]?.name ?? null,
          date: entry.published ?? entry.updated ?? null,
          language: null,
          hasImage: links.some((l) => l.rel === 'enclosure' && l.type?.startsWith('image/') === true),
        });
      });
      return { format: 'atom', title: feed.title?.value ?? null, items: compact(items) };
    }
    case 'json': {
      const feed = parsed.feed;
      const language = languageOf(feed.language);
      const items = (feed.items ?? []).slice(0, MAX_FEED_ITEMS).map((entry) => {
        const link = absolute(entry.url ?? entry.external_url, base);
        return item({
          base,
          id: entry.id === undefined ? (link ?? null) : String(entry.id).trim() || link || null,
          title: entry.title,
          html: entry.content_html ?? (entry.content_text === undefined ? entry.summary : escapeHtml(entry.content_text)),
          url: link,
          authorName: entry.authors?.[0]?.name ?? feed.authors?.[0]?.name ?? null,
          date: entry.date_published ?? entry.date_modified ?? null,
          language: languageOf(entry.language) ?? language,
          hasImage: entry.image !== undefined || (entry.attachments ?? []).some((a) => a.mime_type?.startsWith('image/') === true),
        });
      });
      return { format: 'json', title: feed.title ?? null, items: compact(items) };
    }
  }
}

/** The RSS/RDF entry fields read here (RDF items carry a subset). */
interface RssLikeItem {
  title?: string;
  link?: string;
  description?: string;
  guid?: { value?: string };
  pubDate?: string;
  authors?: { name?: string; email?: string }[];
  enclosures?: { type?: string }[];
  content?: { encoded?: string };
  dc?: { creators?: string[]; dates?: string[] };
}

interface EntryParts {
  base: URL | null;
  id: string | null;
  title: string | undefined;
  html: string | undefined;
  url: string | null;
  authorName: string | null;
  date: string | null;
  language: string | null;
  hasImage: boolean;
}

/** One entry in the import format; null when it has no text at all. */
function item(parts: EntryParts): IncomingItem | null {
  const title = parts.title === undefined ? '' : textFromHtml(parts.title);
  const body = parts.html === undefined ? '' : textFromHtml(parts.html);
  const text = truncate(body.startsWith(title) ? body : [title, body].filter((part) => part !== '').join('\n\n'));
  if (text === '') {
    return null;
  }
  return {
    id: externalId(parts, text),
    network: 'rss',
    // The site is the author a listening tool counts; the person who wrote it is the author name.
    author: hostOfUrl(parts.url) ?? parts.base?.host ?? null,
    authorName: parts.authorName?.trim() || null,
    text,
    createdAt: isoDate(parts.date),
    url: parts.url,
    language: parts.language,
    hasImage: parts.hasImage,
  };
}

/**
 * An entry's identity: its guid / id when it is globally unique (a URL or a URN), else the guid
 * scoped to the feed's address (feeds that number their posts 1, 2, 3…), else its link, else a hash
 * of its text.
 */
function externalId(parts: EntryParts, text: string): string {
  let id = parts.id;
  if (id !== null && !id.includes(':') && parts.base) {
    id = `${parts.base.href}#${id}`;
  }
  id ??= `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
  return id.length <= MAX_EXTERNAL_ID_LENGTH ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
}

function truncate(text: string): string {
  if (text.length <= MAX_TEXT_LENGTH) {
    return text;
  }
  const cut = text.slice(0, MAX_TEXT_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_TEXT_LENGTH - 200 ? cut.slice(0, space) : cut}…`;
}

/** A feed date (RFC 822 or ISO 8601) as ISO UTC; undefined when missing or unreadable. */
function isoDate(value: string | null): string | undefined {
  if (value === null) {
    return undefined;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** `fr-FR` → `fr`. */
function languageOf(value: string | undefined): string | null {
  const code = value?.trim().slice(0, 2).toLowerCase();
  return code !== undefined && /^[a-z]{2}$/.test(code) ? code : null;
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** An http(s) address, resolved against the feed's; null for anything else. */
function absolute(href: string | undefined, base: URL | null): string | null {
  if (href === undefined || href.trim() === '') {
    return null;
  }
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= 2_000 ? url.href : null;
  } catch {
    return null;
  }
}

function hostOfUrl(url: string | null): string | null {
  return url === null ? null : (safeUrl(url)?.host ?? null);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function compact<T>(list: (T | null)[]): T[] {
  return list.filter((value): value is T => value !== null);
}
