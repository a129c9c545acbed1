/**
 * People and activities from listening and the inbox: every mention stored since the workspace's
 * cursor becomes an activity of its author's identity (created on first sight, with a person of its
 * own) — a reply when it answers a post, else a mention — with the analysis' sentiment, intents,
 * spam and offensiveness, the engagement it received, the inbox conversation holding it, and as
 * target the author of the post it answers when that post is a stored mention. Batches of
 * `batchSize` mentions, each in one transaction with the cursor: a crash repeats at most a batch,
 * which the dedupe key (`mention:<id>`) makes harmless.
 *
 * PostgreSQL hands out `seq` at insert time, so a transaction still open may commit a lower `seq`
 * after a higher one is visible. The sync stops at the first mention ingested less than `settleMs`
 * ago (30 s on PostgreSQL by default): an ingestion transaction would have to stay open longer than
 * that for one of its mentions to be passed over. SQLite has one writer at a time: no wait there.
 */
import type { Kysely } from 'kysely';
import type { IntentLabel } from '../analysis/types.js';
import type { Clock } from '../core/clock.js';
import { dialectOf } from '../db/dialects/fts.js';
import type { Database } from '../db/schema.js';
import { accountKeyOf, handleOf, identityKey } from './identity-keys.js';
import { recordObservations, type Observation, type ObservedAccount } from './record-activities.js';
import { ownAccountKeys, syncRepo, type SyncMention } from './sync.repo.js';

export const SYNC_BATCH = 500;
const POSTGRES_SETTLE_MS = 30_000;

export interface SyncOptions {
  /** Mentions per transaction (500). */
  batchSize?: number;
  /** Leave mentions ingested less than this long ago for the next run (see above). */
  settleMs?: number;
  /** Stop after this many batches (the next run goes on); unbounded by default. */
  maxBatches?: number;
  /** Stop between batches once aborted (a job's lease running out). */
  signal?: AbortSignal;
}

export interface SyncReport {
  /** Mentions read past the cursor. */
  mentions: number;
  recorded: number;
  duplicates: number;
  forgotten: number;
  /** Mentions with no author handle, or written by the brand's own accounts: no one to record. */
  anonymous: number;
}

interface StoredAnalysis {
  offensive?: { label?: string };
  spam?: { label?: string };
}

const emptyReport = (): SyncReport => ({
  mentions: 0,
  recorded: 0,
  duplicates: 0,
  forgotten: 0,
  anonymous: 0,
});

function add(into: SyncReport, from: SyncReport): void {
  into.mentions += from.mentions;
  into.recorded += from.recorded;
  into.duplicates += from.duplicates;
  into.forgotten += from.forgotten;
  into.anonymous += from.anonymous;
}

function parseCursor(cursor: string | null): number {
  if (cursor === null) {
    return 0;
  }
  try {
    const value = JSON.parse(cursor) as { seq?: unknown };
    return typeof value.seq === 'number' && Number.isFinite(value.seq) ? value.seq : 0;
  } catch {
    return 0;
  }
}

/** Turns the workspace's new mentions into identities, people and activities. */
export async function syncWorkspace(
  db: Kysely<Database>,
  clock: Clock,
  workspaceId: string,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const batchSize = options.batchSize ?? SYNC_BATCH;
  const settleMs = options.settleMs ?? (dialectOf(db) === 'postgres' ? POSTGRES_SETTLE_MS : 0);
  const report = emptyReport();
  let seq = parseCursor(await syncRepo(db).cursorOf(workspaceId));
  for (
    let batch = 0;
    (options.maxBatches === undefined || batch < options.maxBatches) && !options.signal?.aborted;
    batch++
  ) {
    const now = clock.now();
    const settled = new Date(now.getTime() - settleMs).toISOString();
    const read = await syncRepo(db).mentionsAfter(workspaceId, seq, batchSize);
    const cut = settleMs > 0 ? read.findIndex((mention) => mention.ingested_at > settled) : -1;
    const mentions = cut === -1 ? read : read.slice(0, cut);
    if (mentions.length === 0) {
      break;
    }
    const last = mentions.at(-1)!.seq;
    const result = await db.transaction().execute(async (trx) => {
      const observations = await observe(trx, workspaceId, mentions);
      const recorded = await recordObservations(trx, workspaceId, now.toISOString(), observations);
      await syncRepo(trx).saveCursor(workspaceId, JSON.stringify({ seq: last }), now.toISOString());
      return { ...recorded, mentions: mentions.length, anonymous: mentions.length - observations.length };
    });
    add(report, result);
    seq = last;
    if (read.length < batchSize || mentions.length < read.length) {
      break;
    }
  }
  return report;
}

/** What each mention tells: who acted, how, about whom. */
async function observe(
  db: Kysely<Database>,
  workspaceId: string,
  mentions: readonly SyncMention[],
): Promise<Observation[]> {
  const repo = syncRepo(db);
  const conversations = await repo.conversationsOf(mentions.map((mention) => mention.id));
  // The brand's own connected accounts are not members of its community.
  const own = await ownAccountKeys(db, workspaceId);
  const isOwn = (network: string, account: ObservedAccount | null): boolean =>
    account !== null && own.has(identityKey(network, account.accountKey));
  // The authors of the posts these mentions answer, when we stored those posts.
  const answered = new Map<string, ObservedAccount>();
  const byNetwork = new Map<string, string[]>();
  for (const mention of mentions) {
    if (mention.reply_to) {
      byNetwork.set(mention.network, [...(byNetwork.get(mention.network) ?? []), mention.reply_to]);
    }
  }
  for (const [network, externalIds] of byNetwork) {
    for (const post of await repo.authorsOf(workspaceId, network, externalIds)) {
      const account = accountOf(network, post.author_handle, post.author_name, null);
      if (account) {
        answered.set(`${network}\u0000${post.external_id}`, account);
      }
    }
  }

  const observations: Observation[] = [];
  for (const mention of mentions) {
    const author = accountOf(
      mention.network,
      mention.author_handle,
      mention.author_name,
      mention.author_followers,
    );
    if (!author || isOwn(mention.network, author)) {
      continue;
    }
    const analysis = parseAnalysis(mention.analysis);
    const conversationId = conversations.get(mention.id) ?? null;
    const answeredAuthor = mention.reply_to
      ? (answered.get(`${mention.network}\u0000${mention.reply_to}`) ?? null)
      : null;
    const target = isOwn(mention.network, answeredAuthor) ? null : answeredAuthor;
    const counts = [mention.likes, mention.reposts, mention.replies];
    observations.push({
      author,
      // Answering oneself (a thread) is no interaction with anybody.
      target: target && target.accountKey !== author.accountKey ? target : null,
      type: mention.reply_to ? 'reply' : 'mention',
      occurredAt: mention.created_at,
      text: mention.text,
      dedupeKey: `mention:${mention.id}`,
      mentionId: mention.id,
      conversationId,
      sentiment: mention.sentiment,
      intents: parseIntents(mention.intents),
      spam: analysis.spam?.label === 'spam',
      offensive: analysis.offensive?.label === 'offensive',
      engagementReceived: counts.every((count) => count === null)
        ? null
        : counts.reduce<number>((sum, count) => sum + (count ?? 0), 0),
      origin: conversationId ? 'inbox' : 'listening',
      language: mention.language,
    });
  }
  return observations;
}

function accountOf(
  network: string,
  handle: string | null,
  name: string | null,
  followers: number | null,
): ObservedAccount | null {
  const accountKey = accountKeyOf(handle);
  if (accountKey === null || handle === null) {
    return null;
  }
  return { network, accountKey, handle: handleOf(handle), displayName: name?.trim() || null, followers };
}

function parseAnalysis(json: string | null): StoredAnalysis {
  if (json === null) {
    return {};
  }
  try {
    const value = JSON.parse(json) as unknown;
    return value !== null && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

function parseIntents(json: string): IntentLabel[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((item): item is IntentLabel => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
