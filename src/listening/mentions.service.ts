/**
 * Reading the mentions stream: newest first, filtered, searched in full text, and — given a query of
 * the listening language — narrowed by the query's full-text prefilter in the database, then
 * confirmed item by item by the exact evaluator, which also says why each one matched.
 */
import type { Kysely } from 'kysely';
import type { Analysis, IntentLabel, SentimentLabel } from '../analysis/types.js';
import { invalid, notFound } from '../core/errors.js';
import type { FullTextQuery } from '../db/dialects/fts.js';
import type { Database } from '../db/schema.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { matchableOf, whyOf } from './matching.js';
import { mentionsRepo, type MentionFilter, type MentionRow, type StreamPosition } from './mentions.repo.js';
import { queriesRepo } from './queries.repo.js';
import { buildPrefilter, compileQuery, type CompiledQuery, type StructuredFilter } from './query/index.js';
import { fts5String, tsQueryLexeme } from './query/fts.js';
import { words } from './query/text-tokens.js';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;
/** Rows a query may examine per page before answering with what it found (and a cursor). */
export const MAX_SCANNED = 5_000;

export type MentionSearch = MentionSelection & {
  limit?: number;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
};

/** Which mentions (the stream's filters, shared with its statistics). */
export interface MentionSelection {
  /** Words that must all occur (case and accents ignored). */
  text?: string;
  /** A query of the listening language (docs/LISTENING.md). */
  query?: string;
  networks?: string[];
  languages?: string[];
  sentiments?: SentimentLabel[];
  /** Any of these intents. */
  intents?: IntentLabel[];
  sourceId?: string;
  /** Only what this saved query matched; each item says why (as stored when it matched). */
  queryId?: string;
  /** ISO 8601: created at or after. */
  since?: string;
  /** ISO 8601: created before. */
  until?: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface MentionView {
  id: string;
  sourceId: string | null;
  network: string;
  externalId: string;
  url: string | null;
  author: { handle: string | null; name: string | null; followers: number | null };
  text: string;
  language: string;
  createdAt: string;
  ingestedAt: string;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  sentiment: { label: SentimentLabel; scores: Record<SentimentLabel, number> } | null;
  offensive: boolean;
  spam: boolean;
  intents: IntentLabel[];
  hasLink: boolean;
  hasImage: boolean;
  /** With a query: the decisive terms found and the spans of the text to highlight. */
  why?: { highlights: Span[]; terms: { query: string; spans: Span[] }[] };
}

export interface MentionPage {
  items: MentionView[];
  /** Pass it back for the next page; null at the end. */
  nextCursor: string | null;
  /** Rows examined; with a query it may exceed the items returned (candidates the query refused). */
  scanned: number;
}

/** Searches a workspace's mentions as a member. */
export async function searchMentions(db: Kysely<Database>, access: WorkspaceAccess, search: MentionSearch): Promise<MentionPage> {
  authorize(access.role, 'listening.read');
  return findMentionPage(db, access.workspaceId, search);
}

/** Searches without an access check: for the CLI, tasks and benchmarks. */
export async function findMentionPage(db: Kysely<Database>, workspaceId: string, search: MentionSearch): Promise<MentionPage> {
  const limit = Math.min(MAX_PAGE, Math.max(1, search.limit ?? DEFAULT_PAGE));
  const { criteria, compiled } = await resolveSelection(db, workspaceId, search);
  const repo = mentionsRepo(db);
  // Without a query every row fetched is a result: one more than the page tells whether more follow.
  // With one, candidates the evaluator refuses cost another fetch: fetch more each time.
  let chunk = compiled ? Math.max(200, limit * 2) : limit + 1;
  const found: MentionRow[] = [];
  let position = search.cursor === undefined ? undefined : decodeCursor(search.cursor);
  let scanned = 0;
  let exhausted = false;
  scan: for (;;) {
    const rows = await repo.search({ ...criteria, ...(position ? { after: position } : {}), limit: chunk });
    for (const [index, row] of rows.entries()) {
      position = { createdAt: row.created_at, seq: row.seq };
      scanned += 1;
      if (!compiled || compiled.test(matchableOf(row))) {
        found.push(row);
      }
      if (found.length === limit || scanned >= MAX_SCANNED) {
        exhausted = index === rows.length - 1 && rows.length < chunk;
        break scan;
      }
    }
    if (rows.length < chunk) {
      exhausted = true;
      break;
    }
    if (compiled) {
      chunk = Math.min(chunk * 2, 2_000);
    }
  }
  const stored = !compiled && search.queryId !== undefined ? await repo.storedWhy(search.queryId, found.map((row) => row.id)) : new Map<string, string>();
  return {
    items: found.map((row) => presentMention(row, compiled, stored.get(row.id))),
    nextCursor: exhausted || position === undefined ? null : encodeCursor(position),
    scanned,
  };
}

/**
 * A selection as the repository's filter, and its listening query compiled (null without one): the
 * query's prefilter narrows in SQL, the caller confirms each candidate with `compiled.test`. A
 * `queryId` of another workspace (or none) is a 404.
 */
export async function resolveSelection(
  db: Kysely<Database>,
  workspaceId: string,
  search: MentionSelection,
): Promise<{ criteria: MentionFilter; compiled: CompiledQuery | null }> {
  if (search.queryId !== undefined && !(await queriesRepo(db).find(workspaceId, search.queryId))) {
    throw notFound('Saved query');
  }
  const compiled = search.query === undefined || search.query.trim() === '' ? null : compileQuery(search.query);
  const fullText: FullTextQuery[] = [];
  let filters: StructuredFilter[] = [];
  const textMatch = search.text === undefined ? null : wordsQuery(search.text);
  if (textMatch) {
    fullText.push(textMatch);
  }
  if (compiled) {
    const prefilter = buildPrefilter(compiled.query);
    if (prefilter.fts5 !== null && prefilter.tsquery !== null) {
      fullText.push({ fts5: prefilter.fts5, tsquery: prefilter.tsquery });
    }
    filters = prefilter.filters;
  }
  const criteria: MentionFilter = {
    workspaceId,
    fullText,
    filters,
    networks: search.networks,
    languages: search.languages,
    sentiments: search.sentiments,
    intents: search.intents,
    sourceId: search.sourceId,
    queryId: search.queryId,
    since: search.since,
    until: search.until,
  };
  return { criteria, compiled };
}

/** All the words of `text`, each required; null when it has none. */
function wordsQuery(text: string): FullTextQuery | null {
  const list = [...new Set(words(text))];
  if (list.length === 0) {
    return null;
  }
  return { fts5: list.map(fts5String).join(' AND '), tsquery: list.map(tsQueryLexeme).join(' & ') };
}

export function encodeCursor(position: StreamPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.seq])).toString('base64url');
}

function decodeCursor(cursor: string): StreamPosition {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'string' && Number.isSafeInteger(value[1])) {
      return { createdAt: value[0], seq: value[1] as number };
    }
  } catch {
    // Falls through to the error below.
  }
  throw invalid('cursor', 'Not a cursor from this list: start again without it');
}

/** A row for the API; why from `query`, else from a saved query's stored match (JSON). */
export function presentMention(row: MentionRow, query: CompiledQuery | null, storedWhy?: string): MentionView {
  const analysis = row.analysis ? (JSON.parse(row.analysis) as Partial<Analysis>) : {};
  return {
    id: row.id,
    sourceId: row.source_id,
    network: row.network,
    externalId: row.external_id,
    url: row.url,
    author: { handle: row.author_handle, name: row.author_name, followers: row.author_followers },
    text: row.text,
    language: row.language,
    createdAt: row.created_at,
    ingestedAt: row.ingested_at,
    likes: row.likes,
    reposts: row.reposts,
    replies: row.replies,
    sentiment: analysis.sentiment ?? null,
    offensive: analysis.offensive?.label === 'offensive',
    spam: analysis.spam?.label === 'spam',
    intents: JSON.parse(row.intents) as IntentLabel[],
    hasLink: row.has_link === 1,
    hasImage: row.has_image === 1,
    ...(query ? { why: whyOf(query, matchableOf(row)) } : storedWhy !== undefined ? { why: JSON.parse(storedWhy) as MentionView['why'] } : {}),
  };
}
