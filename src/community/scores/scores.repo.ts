/**
 * The SQL of the scores: everything is aggregated in the database per person, per month before the
 * scoring instant and per activity type (one scan of the workspace's activities), plus followers per
 * person and the people who interacted with each person; the few numbers per person come back to
 * JavaScript. Also the batched writes of the cached scores.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { dialectOf } from '../../db/dialects/fts.js';
import { toNumber } from '../../db/dialects/numbers.js';
import { ACTIVITY_TYPES, type ActivityType, type EngagementLevel } from '../community.tables.js';
import { emptyFacts, MONTH_MS, type PersonFacts } from './compute.js';

const TOPIC_TAGS = ['brand', 'product', 'topic', 'competitor'] as const;
const KNOWN_TYPES = new Set<string>(ACTIVITY_TYPES);

/** Whole scoring months between the activity and `asOf` (ISO), computed by the database. */
function monthsAgo(db: Kysely<Database>, asOf: string): RawBuilder<number> {
  if (dialectOf(db) === 'postgres') {
    return sql<number>`floor(extract(epoch from (cast(${asOf} as timestamptz) - cast(activities.occurred_at as timestamptz))) / ${MONTH_MS / 1000})::integer`;
  }
  return sql<number>`cast((julianday(${asOf}) - julianday(activities.occurred_at)) / 30.4375 as integer)`;
}

/** The facts of every person of the workspace who is not merged away, from activities before `asOf`. */
export async function loadFacts(
  db: Kysely<Database>,
  workspaceId: string,
  asOf: Date,
): Promise<Map<string, PersonFacts>> {
  const at = asOf.toISOString();
  const people = await db
    .selectFrom('people')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('merged_into_id', 'is', null)
    .execute();
  const facts = new Map<string, PersonFacts>();
  for (const person of people) {
    facts.set(person.id, emptyFacts());
  }
  if (facts.size === 0) {
    return facts;
  }

  const matched = db
    .selectFrom('mention_matches')
    .innerJoin('saved_queries', 'saved_queries.id', 'mention_matches.query_id')
    .select('mention_matches.mention_id')
    .distinct()
    .where('mention_matches.workspace_id', '=', workspaceId)
    .where('saved_queries.tag', 'in', [...TOPIC_TAGS])
    .as('matched');
  // The join costs a pass over the matches: skipped when the workspace has none (imports, no saved query).
  const anyMatch = await db
    .selectFrom('mention_matches')
    .innerJoin('saved_queries', 'saved_queries.id', 'mention_matches.query_id')
    .select('mention_matches.mention_id')
    .where('mention_matches.workspace_id', '=', workspaceId)
    .where('saved_queries.tag', 'in', [...TOPIC_TAGS])
    .limit(1)
    .executeTakeFirst();
  const scan = db
    .selectFrom('activities')
    .$if(anyMatch !== undefined, (qb) => qb.leftJoin(matched, 'matched.mention_id', 'activities.mention_id'))
    .select([
      'activities.person_id',
      'activities.type',
      'activities.spam',
      'activities.offensive',
      'activities.sentiment',
      'activities.engagement_received',
      (anyMatch === undefined
        ? sql<number>`0`
        : sql<number>`case when matched.mention_id is null then 0 else 1 end`
      ).as('relevant'),
      monthsAgo(db, at).as('month'),
    ])
    .where('activities.workspace_id', '=', workspaceId)
    .where('activities.occurred_at', '<', at)
    .as('a');
  const groups = await db
    .selectFrom(scan)
    .select((eb) => [
      'a.person_id',
      'a.month',
      'a.type',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>('a.spam').as('spam'),
      eb.fn.sum<number | string>('a.offensive').as('offensive'),
      sql<number | string>`sum(case when a.sentiment = 'positive' then 1 else 0 end)`.as('positive'),
      sql<number | string>`sum(case when a.sentiment = 'negative' then 1 else 0 end)`.as('negative'),
      sql<number | string | null>`sum(a.engagement_received)`.as('received'),
      eb.fn.count<number | string>('a.engagement_received').as('received_posts'),
      eb.fn.sum<number | string>('a.relevant').as('relevant'),
    ])
    .groupBy(['a.person_id', 'a.month', 'a.type'])
    .execute();
  for (const group of groups) {
    const person = facts.get(group.person_id);
    if (!person) {
      continue; // Merged away (their activities move to the kept person) or not in this workspace.
    }
    const n = toNumber(group.n);
    const spam = toNumber(group.spam);
    person.total += n;
    person.spam += spam;
    person.offensive += toNumber(group.offensive);
    person.positive += toNumber(group.positive);
    person.negative += toNumber(group.negative);
    person.received += toNumber(group.received);
    person.receivedPosts += toNumber(group.received_posts);
    person.relevant += toNumber(group.relevant);
    const counted = n - spam;
    const month = Math.max(0, toNumber(group.month));
    if (counted > 0 && KNOWN_TYPES.has(group.type)) {
      let byType = person.months.get(month);
      if (!byType) {
        byType = new Map();
        person.months.set(month, byType);
      }
      const type: ActivityType = group.type;
      byType.set(type, (byType.get(type) ?? 0) + counted);
    }
  }

  const followers = await db
    .selectFrom('person_identities')
    .select((eb) => [
      'person_id',
      eb.fn.sum<number | string | null>('followers').as('followers'),
      eb.fn.count<number | string>('followers').as('known'),
    ])
    .where('workspace_id', '=', workspaceId)
    .groupBy('person_id')
    .execute();
  for (const row of followers) {
    const person = facts.get(row.person_id);
    if (person && toNumber(row.known) > 0) {
      person.followers = toNumber(row.followers);
    }
  }

  const interactors = await db
    .selectFrom('activities')
    .innerJoin('person_identities as target', 'target.id', 'activities.target_identity_id')
    .select((eb) => [
      'target.person_id',
      eb.fn.count<number | string>('activities.person_id').distinct().as('people'),
    ])
    .where('activities.workspace_id', '=', workspaceId)
    .where('activities.occurred_at', '<', at)
    .where('activities.spam', '=', 0)
    .whereRef('activities.person_id', '<>', 'target.person_id')
    .groupBy('target.person_id')
    .execute();
  for (const row of interactors) {
    const person = facts.get(row.person_id);
    if (person) {
      person.interactors = toNumber(row.people);
    }
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

/** Writes the cached scores, a transaction per thousand people. */
export async function storeScores(
  db: Kysely<Database>,
  workspaceId: string,
  rows: StoredScores[],
  scoredAt: string,
): Promise<void> {
  for (let from = 0; from < rows.length; from += BATCH) {
    const batch = rows.slice(from, from + BATCH);
    await db.transaction().execute(async (trx) => {
      for (const row of batch) {
        await trx
          .updateTable('people')
          .set({
            engagement: row.engagement,
            engagement_level: row.level,
            reach: row.reach,
            ambassador: row.ambassador,
            influencer: row.influencer,
            scores: row.scores,
            scored_at: scoredAt,
          })
          .where('id', '=', row.personId)
          .where('workspace_id', '=', workspaceId)
          .execute();
      }
    });
  }
}

/** Workspaces that have people to score. */
export async function workspacesWithPeople(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('people').select('workspace_id').distinct().execute();
  return rows.map((row) => row.workspace_id);
}
