/**
 * The one way into listening's storage. Every source (feeds, the ingest webhook, imports, later the
 * networks' streams) hands its items to `ingestItems`, which validates them, keeps each
 * (workspace, network, external id) once, analyses the new ones, stores them in batches — each batch
 * one transaction with its saved-query matches and its source's counters — and says what happened
 * to every item. A crash loses at most the batch in flight, and running the same items again stores
 * only what is missing: the unique key, not memory, decides.
 *
 * Stored mentions are searchable on commit. The originality index is fed after commit, from the
 * database (`originality-feed.service.ts`: every mention carries `originality_at` until indexed), so
 * a crash between the two loses nothing and ingestion does not wait for the shingling.
 */
import type { Analysis } from '../analysis/types.js';
import { isoNow } from '../core/clock.js';
import { notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { workspacesRepo } from '../workspaces/workspaces.repo.js';
import { claimedId, validateItem, type RejectedItem, type ValidItem } from './items.js';
import type { ListeningDeps } from './listening.deps.js';
import { mentionsRepo, type MentionCounts, type MentionInsert } from './mentions.repo.js';
import { matchesOf, savedQueriesOf } from './matching.js';
import { threadMentions } from '../inbox/threading.service.js';
import { queriesRepo } from './queries.repo.js';
import { searchText } from './query/index.js';
import { sourcesRepo } from './sources.repo.js';

export const DEFAULT_BATCH_SIZE = 500;
const MAX_BATCH_SIZE = 2_000;

export interface IngestResult {
  /** Items handed over. */
  received: number;
  /** New items stored. */
  stored: number;
  /** Items already stored (or twice in what was handed over): not stored again. */
  duplicates: number;
  /** Duplicates whose counts (likes, reposts, replies, followers) changed and were updated. */
  updated: number;
  rejected: RejectedItem[];
}

export interface IngestOptions {
  /** Items per transaction (default 500). */
  batchSize?: number;
}

interface Candidate {
  index: number;
  item: ValidItem;
  network: string;
}

const keyOf = (network: string, externalId: string): string => `${network}\u0000${externalId}`;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Stores the items of one source. `items` are in the import format (listening/items.ts); invalid
 * ones are rejected with their index and the reason, the others stored once. Throws only for an
 * unknown source or a database failure (then the batches already committed stay, and a retry with
 * the same items completes the rest without duplicates).
 */
export async function ingestItems(
  deps: ListeningDeps,
  workspaceId: string,
  sourceId: string,
  items: readonly unknown[],
  options: IngestOptions = {},
): Promise<IngestResult> {
  // Independent reads: concurrent on PostgreSQL's pool (one round trip instead of four).
  const [source, analyzer, named, queries] = await Promise.all([
    sourcesRepo(deps.db).find(workspaceId, sourceId),
    deps.analyzer(),
    namedThingsOf(deps, workspaceId),
    savedQueriesOf(deps, workspaceId),
  ]);
  if (!source) {
    throw notFound('Listening source');
  }
  const result: IngestResult = { received: items.length, stored: 0, duplicates: 0, updated: 0, rejected: [] };
  if (items.length === 0) {
    return result;
  }
  const seen = new Set<string>();
  const batchSize = Math.min(MAX_BATCH_SIZE, Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE));

  for (let start = 0; start < items.length; start += batchSize) {
    const candidates: Candidate[] = [];
    for (let index = start; index < Math.min(items.length, start + batchSize); index++) {
      const checked = validateItem(items[index]);
      if (!checked.ok) {
        result.rejected.push({ index, id: claimedId(items[index]), reason: checked.reason });
        continue;
      }
      const network = checked.item.network ?? source.kind;
      const key = keyOf(network, checked.item.id);
      if (seen.has(key)) {
        result.duplicates += 1;
        continue;
      }
      seen.add(key);
      candidates.push({ index, item: checked.item, network });
    }
    if (candidates.length === 0) {
      continue;
    }

    const stored = new Map(
      (await mentionsRepo(deps.db).findStored(workspaceId, candidates.map((c) => ({ network: c.network, externalId: c.item.id })))).map((row) => [
        keyOf(row.network, row.external_id),
        row,
      ]),
    );
    const now = isoNow(deps.clock);
    const fresh: MentionInsert[] = [];
    const changed: { network: string; externalId: string; counts: MentionCounts }[] = [];
    for (const candidate of candidates) {
      const existing = stored.get(keyOf(candidate.network, candidate.item.id));
      if (existing) {
        const counts = newerCounts(existing, candidate.item);
        if (counts) {
          changed.push({ network: candidate.network, externalId: candidate.item.id, counts });
        }
        continue;
      }
      const analysis = analyzer.analyze(candidate.item.text, { named, ...(candidate.item.language ? { language: candidate.item.language } : {}) });
      fresh.push(toRow(workspaceId, sourceId, candidate, analysis, now));
    }

    // One order for everyone: two concurrent calls sharing items then wait on each other, never deadlock.
    fresh.sort((a, b) => (a.network === b.network ? compare(a.external_id, b.external_id) : compare(a.network, b.network)));
    changed.sort((a, b) => (a.network === b.network ? compare(a.externalId, b.externalId) : compare(a.network, b.network)));
    if (fresh.length === 0 && changed.length === 0) {
      result.duplicates += candidates.length;
      continue;
    }
    const inserted = await deps.db.transaction().execute(async (trx) => {
      const repo = mentionsRepo(trx);
      const rows = await repo.insertNew(fresh);
      for (const update of changed) {
        await repo.updateCounts(workspaceId, update.network, update.externalId, update.counts, now);
      }
      const insertedKeys = new Set(rows.map((row) => keyOf(row.network, row.external_id)));
      const kept = fresh.filter((row) => insertedKeys.has(keyOf(row.network, row.external_id)));
      if (kept.length > 0) {
        await sourcesRepo(trx).addStored(sourceId, kept.length, now);
        await queriesRepo(trx).insertMatches(matchesOf(queries, kept, now));
        // In the same transaction: a stored mention that addresses us is in the inbox, or neither is.
        await threadMentions(trx, kept);
      }
      return kept.length;
    });
    result.stored += inserted;
    // Present when looked up but inserted meanwhile by another process: a duplicate all the same.
    result.duplicates += candidates.length - inserted;
    result.updated += changed.length;
  }
  return result;
}

async function namedThingsOf(deps: ListeningDeps, workspaceId: string): Promise<{ brand?: string[]; products?: string[]; competitors?: string[] }> {
  const workspace = await workspacesRepo(deps.db).findById(workspaceId);
  if (!workspace) {
    throw notFound('Workspace');
  }
  return JSON.parse(workspace.named_things) as { brand?: string[]; products?: string[]; competitors?: string[] };
}

/** The counts to write when a duplicate brings different ones; null when nothing changed. */
function newerCounts(existing: MentionCounts, item: ValidItem): MentionCounts | null {
  const next: MentionCounts = {
    likes: item.likes ?? existing.likes,
    reposts: item.reposts ?? existing.reposts,
    replies: item.replies ?? existing.replies,
    author_followers: item.followers ?? existing.author_followers,
  };
  const same =
    next.likes === existing.likes &&
    next.reposts === existing.reposts &&
    next.replies === existing.replies &&
    next.author_followers === existing.author_followers;
  return same ? null : next;
}

function toRow(workspaceId: string, sourceId: string, candidate: Candidate, analysis: Analysis, now: string): MentionInsert {
  const { item, network } = candidate;
  // A time in the future (a clock off, a feed's scheduled post) would pin the item to the top.
  const createdAt = item.createdAt && item.createdAt <= now ? item.createdAt : now;
  return {
    id: newId(),
    workspace_id: workspaceId,
    source_id: sourceId,
    network,
    external_id: item.id,
    url: item.url ?? null,
    author_handle: item.author || null,
    author_name: item.authorName || null,
    author_followers: item.followers ?? null,
    text: item.text,
    search_text: searchText(item.text),
    language: analysis.language,
    sentiment: analysis.sentiment.label,
    intents: JSON.stringify(analysis.intents.map((intent) => intent.label)),
    analysis: JSON.stringify(storedAnalysis(analysis)),
    has_link: item.hasLink === true || analysis.urls.length > 0 ? 1 : 0,
    has_image: item.hasImage === true ? 1 : 0,
    // The analyzer's lists come from findMentions / findHashtags, as the query evaluator's has:… do.
    has_mention: analysis.mentions.length > 0 ? 1 : 0,
    has_hashtag: analysis.hashtags.length > 0 ? 1 : 0,
    likes: item.likes ?? null,
    reposts: item.reposts ?? null,
    replies: item.replies ?? null,
    reply_to: item.replyTo ?? null,
    thread_root: item.threadRoot ?? null,
    ref: item.ref ?? null,
    addressed_to: item.addressedTo && item.addressedTo.length > 0 ? JSON.stringify(item.addressedTo) : null,
    created_at: createdAt,
    ingested_at: now,
    updated_at: now,
    originality_at: null,
  };
}

/** What is stored of the analysis: the verdicts (language has its column; the extractions are cheap to redo). */
export type StoredAnalysis = Pick<Analysis, 'languageConfidence' | 'sentiment' | 'offensive' | 'spam' | 'intents' | 'named' | 'modelVersion'>;

function storedAnalysis(analysis: Analysis): StoredAnalysis {
  const { languageConfidence, sentiment, offensive, spam, intents, named, modelVersion } = analysis;
  return { languageConfidence, sentiment, offensive, spam, intents, named, modelVersion };
}
