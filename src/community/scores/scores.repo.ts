/**
 * The reads and writes of the scores. The facts of every person come from one pass over the
 * workspace's activities before the scoring instant, read in pages of PAGE rows by key (the same
 * statement on both databases, a bounded amount of memory), aggregated in JavaScript per person, per
 * month before the scoring instant and per activity type; plus one read of the identities (followers,
 * and whose identity each activity aims at, for the interactors). Also the batched writes of the
 * cached scores.
 */
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from '../../db/dialects/fts.js';
import { runSql } from '../bulk-sql.js';
import type { Database } from '../../db/schema.js';
import { toNumber } from '../../db/dialects/numbers.js';
import { ACTIVITY_TYPES, type ActivityType, type EngagementLevel } from '../community.tables.js';
import { emptyFacts, MONTH_MS, type PersonFacts } from './compute.js';

const TOPIC_TAGS = ['brand', 'product', 'topic', 'competitor'] as const;
/** Activities read per statement. */
const PAGE = 10_000;
/**
 * The types in byte order of their names: a month's counts are listed in this order (the order the
 * database grouped them in before), so that float sums over them do not depend on the reading order.
 */
const TYPES_IN_ORDER: readonly ActivityType[] = [...ACTIVITY_TYPES].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const TYPE_INDEX = new Map<string, number>(TYPES_IN_ORDER.map((type, index) => [type, index]));
const TYPE_COUNT = TYPES_IN_ORDER.length;

/** Whole scoring months between an activity (ISO) and the scoring instant (ms); 0 when unreadable. */
function monthsBefore(asOfMs: number, occurredAt: string): number {
  const at = Date.parse(occurredAt);
  if (Number.isNaN(at)) {
    return 0;
  }
  return Math.max(0, Math.floor((asOfMs - at) / MONTH_MS));
}

interface Tally {
  facts: PersonFacts;
  /** Non-spam activities per (month × TYPE_COUNT + index of the type in TYPES_IN_ORDER). */
  counts: Map<number, number> | undefined;
  /** Index (in `order`) of the other people whose activities aimed at one of their identities. */
  interactors: Set<number> | undefined;
}

/** The facts of every person of the workspace who is not merged away, from activities before `asOf`. */
export async function loadFacts(
  db: Kysely<Database>,
  workspaceId: string,
  asOf: Date,
): Promise<Map<string, PersonFacts>> {
  const at = asOf.toISOString();
  const asOfMs = asOf.getTime();
  const people = await db
    .selectFrom('people')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('merged_into_id', 'is', null)
    .execute();
  const facts = new Map<string, PersonFacts>();
  if (people.length === 0) {
    return facts;
  }
  // Every person id met gets an index (people of the workspace first); tallies only for the former.
  const indexOf = new Map<string, number>();
  const tallies: Tally[] = [];
  for (const person of people) {
    if (!indexOf.has(person.id)) {
      indexOf.set(person.id, tallies.length);
      tallies.push({ facts: emptyFacts(), counts: undefined, interactors: undefined });
    }
  }
  const index = (personId: string): number => {
    let found = indexOf.get(personId);
    if (found === undefined) {
      found = indexOf.size;
      indexOf.set(personId, found);
    }
    return found;
  };

  // Followers per person (summed over identities with a known count), and who owns each identity.
  const ownerOf = new Map<string, string>();
  const identities = await db
    .selectFrom('person_identities')
    .select(['id', 'person_id', 'followers'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  for (const identity of identities) {
    ownerOf.set(identity.id, identity.person_id);
    const tally = tallies[indexOf.get(identity.person_id) ?? -1];
    if (tally && identity.followers !== null) {
      tally.facts.followers = (tally.facts.followers ?? 0) + toNumber(identity.followers);
    }
  }

  // Whether an activity's mention matched a topic query: only looked up when the workspace has any.
  const anyMatch = await db
    .selectFrom('mention_matches')
    .innerJoin('saved_queries', 'saved_queries.id', 'mention_matches.query_id')
    .select('mention_matches.mention_id')
    .where('mention_matches.workspace_id', '=', workspaceId)
    .where('saved_queries.tag', 'in', [...TOPIC_TAGS])
    .limit(1)
    .executeTakeFirst();
  // The key pages are read by: SQLite's rowid (the table's own order, no index lookups), or the id.
  const key: RawBuilder<string | number> =
    dialectOf(db) === 'postgres' ? sql<string>`activities.id` : sql<number>`activities.rowid`;
  const page = (after: string | number | null) =>
    db
      .selectFrom('activities')
      .select((eb) => {
        const relevant: Expression<number> =
          anyMatch === undefined
            ? sql<number>`0`
            : eb
                .case()
                .when(
                  eb.exists(
                    eb
                      .selectFrom('mention_matches')
                      .innerJoin('saved_queries', 'saved_queries.id', 'mention_matches.query_id')
                      .select(sql<number>`1`.as('one'))
                      .whereRef('mention_matches.mention_id', '=', 'activities.mention_id')
                      .where('mention_matches.workspace_id', '=', workspaceId)
                      .where('saved_queries.tag', 'in', [...TOPIC_TAGS]),
                  ),
                )
                .then(sql<number>`1`)
                .else(sql<number>`0`)
                .end();
        return [
          key.as('page_key'),
          'activities.person_id',
          'activities.type',
          'activities.occurred_at',
          'activities.spam',
          'activities.offensive',
          'activities.sentiment',
          'activities.engagement_received',
          'activities.target_identity_id',
          sql<number>`${relevant}`.as('relevant'),
        ];
      })
      .where('activities.workspace_id', '=', workspaceId)
      .where('activities.occurred_at', '<', at)
      .$if(after !== null, (qb) => qb.where(key, '>', after))
      .orderBy(key)
      .limit(PAGE)
      .execute();

  let after: string | number | null = null;
  for (;;) {
    const rows = await page(after);
    for (const row of rows) {
      const spam = toNumber(row.spam);
      if (row.target_identity_id !== null && spam === 0) {
        const owner = ownerOf.get(row.target_identity_id);
        if (owner !== undefined && owner !== row.person_id) {
          const target = tallies[indexOf.get(owner) ?? -1];
          if (target) {
            target.interactors ??= new Set();
            target.interactors.add(index(row.person_id));
          }
        }
      }
      const tally = tallies[indexOf.get(row.person_id) ?? -1];
      if (!tally) {
        continue; // Merged away (their activities move to the kept person) or not in this workspace.
      }
      const person = tally.facts;
      person.total += 1;
      person.spam += spam;
      person.offensive += toNumber(row.offensive);
      if (row.sentiment === 'positive') {
        person.positive += 1;
      } else if (row.sentiment === 'negative') {
        person.negative += 1;
      }
      if (row.engagement_received !== null) {
        person.received += toNumber(row.engagement_received);
        person.receivedPosts += 1;
      }
      person.relevant += toNumber(row.relevant);
      const type = TYPE_INDEX.get(row.type);
      if (type !== undefined) {
        const key = monthsBefore(asOfMs, row.occurred_at) * TYPE_COUNT + type;
        tally.counts ??= new Map();
        tally.counts.set(key, (tally.counts.get(key) ?? 0) + 1 - spam);
      }
    }
    const last = rows[rows.length - 1];
    if (rows.length < PAGE || last === undefined) {
      break;
    }
    after = last.page_key;
  }

  for (const [personId, at] of indexOf) {
    const tally = tallies[at];
    if (!tally) {
      break; // The people met only as the authors of activities come after the workspace's.
    }
    const person = tally.facts;
    person.interactors = tally.interactors?.size ?? 0;
    if (tally.counts) {
      // Months in increasing order, types in TYPES_IN_ORDER within a month.
      for (const key of [...tally.counts.keys()].sort((a, b) => a - b)) {
        const counted = tally.counts.get(key) ?? 0;
        if (counted <= 0) {
          continue;
        }
        const month = Math.floor(key / TYPE_COUNT);
        let byType = person.months.get(month);
        if (!byType) {
          byType = new Map();
          person.months.set(month, byType);
        }
        byType.set(TYPES_IN_ORDER[key % TYPE_COUNT] ?? 'like', counted);
      }
    }
    facts.set(personId, person);
  }
  return facts;
}

export interface StoredScores {
  personId: string;
  engagement: number;
  level: EngagementLevel;
  reach: number;
  ambassador: number;
  influencer: number;
  scores: string;
}

const BATCH = 1000;
const ASSIGNMENTS =
  'engagement = v.engagement, engagement_level = v.engagement_level, reach = v.reach, ambassador = v.ambassador, ' +
  'influencer = v.influencer, scores = v.scores, scored_at = ?';
/** A row of the VALUES list: the person, then the cached columns (cast: PostgreSQL types a VALUES list from its parameters). */
const TUPLE =
  '(cast(? as text), cast(? as real), cast(? as text), cast(? as real), cast(? as real), cast(? as real), cast(? as text))';
/**
 * SQLite: one statement per person (its primary key; SQLite's planner would scan the workspace's
 * people for an UPDATE … FROM a long VALUES list), a transaction per batch.
 */
const UPDATE_ONE =
  'update people set engagement = ?, engagement_level = ?, reach = ?, ambassador = ?, influencer = ?, scores = ?, scored_at = ? ' +
  'where id = ? and workspace_id = ?';

/**
 * Writes the cached scores, a thousand people at a time, each batch atomic: on PostgreSQL one
 * `UPDATE … FROM (VALUES …)` per batch, on SQLite a transaction of one-row updates (bound parameters
 * on both, no query building per row).
 */
export async function storeScores(
  db: Kysely<Database>,
  workspaceId: string,
  rows: StoredScores[],
  scoredAt: string,
): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  for (let from = 0; from < rows.length; from += BATCH) {
    const batch = rows.slice(from, from + BATCH);
    if (!postgres) {
      await db.transaction().execute(async (trx) => {
        for (const row of batch) {
          await runSql(trx, UPDATE_ONE, [
            row.engagement,
            row.level,
            row.reach,
            row.ambassador,
            row.influencer,
            row.scores,
            scoredAt,
            row.personId,
            workspaceId,
          ]);
        }
      });
      continue;
    }
    const parameters: (string | number)[] = [];
    for (const row of batch) {
      parameters.push(row.personId, row.engagement, row.level, row.reach, row.ambassador, row.influencer, row.scores);
    }
    parameters.push(scoredAt, workspaceId);
    await runSql(
      db,
      `with v (id, engagement, engagement_level, reach, ambassador, influencer, scores) as (values ${batch.map(() => TUPLE).join(', ')}) ` +
        `update people set ${ASSIGNMENTS} from v where people.id = v.id and people.workspace_id = ?`,
      parameters,
    );
  }
}

/** Workspaces that have people to score. */
export async function workspacesWithPeople(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('people').select('workspace_id').distinct().execute();
  return rows.map((row) => row.workspace_id);
}
