/**
 * Saved queries against stored mentions: the live matching at ingestion (each new mention tested
 * against every saved query of its workspace, the matches kept with why), and the mention as the
 * query language sees it.
 */
import type { ListeningDeps } from './listening.deps.js';
import type { MentionInsert } from './mentions.repo.js';
import { queriesRepo, type MentionMatchRow } from './queries.repo.js';
import { compileQuery, type CompiledQuery, type MatchableItem } from './query/index.js';

export interface SavedQuery {
  id: string;
  query: CompiledQuery;
}

/** Compiled saved queries, by text: a query compiles once per process, not once per batch. */
const compiled = new Map<string, CompiledQuery>();
const COMPILED_LIMIT = 1_000;

/** The workspace's saved queries, compiled. */
export async function savedQueriesOf(deps: Pick<ListeningDeps, 'db' | 'logger'>, workspaceId: string): Promise<SavedQuery[]> {
  const rows = await queriesRepo(deps.db).list(workspaceId);
  const queries: SavedQuery[] = [];
  for (const row of rows) {
    let query = compiled.get(row.query);
    if (!query) {
      try {
        query = compileQuery(row.query);
      } catch (error) {
        // Saved queries are validated when saved; one the language no longer accepts is skipped.
        deps.logger.warn({ queryId: row.id, err: error }, 'saved query no longer compiles');
        continue;
      }
      if (compiled.size >= COMPILED_LIMIT) {
        compiled.delete(compiled.keys().next().value as string);
      }
      compiled.set(row.query, query);
    }
    queries.push({ id: row.id, query });
  }
  return queries;
}

/** The saved queries each stored mention matches, with why (the decisive terms and spans). */
/** The fields of a mention that matching reads. */
export type MatchableRow = Pick<
  MentionInsert,
  'id' | 'workspace_id' | 'created_at' | 'text' | 'language' | 'author_handle' | 'author_followers' | 'network' | 'sentiment' | 'intents' | 'has_link' | 'has_image'
>;

export function matchesOf(queries: readonly SavedQuery[], rows: readonly MatchableRow[], now: string): MentionMatchRow[] {
  if (queries.length === 0) {
    return [];
  }
  const matches: MentionMatchRow[] = [];
  for (const row of rows) {
    const item = matchableOf(row);
    for (const { id, query } of queries) {
      if (query.test(item)) {
        matches.push({
          query_id: id,
          mention_id: row.id,
          workspace_id: row.workspace_id,
          mention_created_at: row.created_at,
          why: JSON.stringify(whyOf(query, item)),
          matched_at: now,
        });
      }
    }
  }
  return matches;
}

/** What "why it matched" keeps: the decisive terms found and the spans to highlight. */
export function whyOf(query: CompiledQuery, item: MatchableItem): { highlights: { start: number; end: number }[]; terms: { query: string; spans: { start: number; end: number }[] }[] } {
  const result = query.match(item);
  return {
    highlights: result.highlights.map(({ start, end }) => ({ start, end })),
    terms: result.terms
      .filter((term) => term.decisive && term.found && !term.negated)
      .map((term) => ({ query: term.query, spans: term.spans.map(({ start, end }) => ({ start, end })) })),
  };
}

/** A stored (or about to be stored) mention as queries see it. */
export function matchableOf(row: Pick<MentionInsert, 'text' | 'language' | 'author_handle' | 'author_followers' | 'network' | 'sentiment' | 'intents' | 'has_link' | 'has_image'>): MatchableItem {
  return {
    text: row.text,
    language: row.language,
    author: { handle: row.author_handle ?? '', followers: row.author_followers ?? null },
    network: row.network,
    sentiment: row.sentiment ?? null,
    intents: row.intents ? (JSON.parse(row.intents) as MatchableItem['intents']) : [],
    hasLink: row.has_link === 1,
    hasImage: row.has_image === 1,
  };
}

