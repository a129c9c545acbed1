/**
 * Today's reads that no other capability's service offers in the shape it needs: the conversations
 * that may be due, relationship next steps, and this week's questions. Read-only, one workspace.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ConversationRow } from '../inbox/conversations.presenter.js';
import '../community/community.tables.js';

/** The oldest waits first: past this many, the rest cannot be more overdue than these. */
const WAITING_SCAN = 500;
const HIGH_PRIORITY_SCAN = 200;
const QUESTION_JSON = '%"question"%';

export interface NextStepRow {
  id: string;
  display_name: string | null;
  next_step: string;
  next_step_due: string;
}

export function todayRepo(db: Kysely<Database>) {
  const activeConversations = (workspaceId: string, now: string) =>
    db
      .selectFrom('conversations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('spam', '=', 0)
      .where('status', 'in', ['open', 'pending'])
      .where('awaiting_since', 'is not', null)
      .where((eb) => eb.or([eb('snoozed_until', 'is', null), eb('snoozed_until', '<=', now)]));

  return {
    /**
     * Conversations where they wait for us (open or pending, not spam, not snoozed): the longest
     * waiting and the highest stored priority, without duplicates.
     */
    async waitingConversations(
      workspaceId: string,
      now: string,
      minStoredPriority: number,
    ): Promise<ConversationRow[]> {
      const [oldest, highest] = await Promise.all([
        activeConversations(workspaceId, now)
          .orderBy('awaiting_since', 'asc')
          .orderBy('id')
          .limit(WAITING_SCAN)
          .execute(),
        activeConversations(workspaceId, now)
          .where('priority', '>=', minStoredPriority)
          .orderBy('priority', 'desc')
          .orderBy('id')
          .limit(HIGH_PRIORITY_SCAN)
          .execute(),
      ]);
      const byId = new Map<string, ConversationRow>();
      for (const row of [...oldest, ...highest]) {
        byId.set(row.id, row);
      }
      return [...byId.values()];
    },

    /** People (not merged away) whose next step is due by `until`. */
    dueNextSteps: (workspaceId: string, until: string, limit: number): Promise<NextStepRow[]> =>
      db
        .selectFrom('people')
        .select(['id', 'display_name', 'next_step', 'next_step_due'])
        .where('workspace_id', '=', workspaceId)
        .where('merged_into_id', 'is', null)
        .where('next_step', 'is not', null)
        .where('next_step', '!=', '')
        .where('next_step_due', 'is not', null)
        .where('next_step_due', '<=', until)
        .orderBy('next_step_due', 'asc')
        .orderBy('id')
        .limit(limit)
        .execute() as Promise<NextStepRow[]>,

    /** The newest mentions the analyzer read as questions in [since, until). */
    questionMentions: (workspaceId: string, since: string, until: string, limit: number) =>
      db
        .selectFrom('mentions')
        .select(['id', 'text'])
        .where('workspace_id', '=', workspaceId)
        .where('created_at', '>=', since)
        .where('created_at', '<', until)
        .where('intents', 'like', QUESTION_JSON)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute(),

    /** Per saved query, how many of its matches in [since, until) were questions. */
    async questionsByQuery(
      workspaceId: string,
      since: string,
      until: string,
    ): Promise<{ queryId: string; name: string; count: number }[]> {
      const rows = await db
        .selectFrom('mention_matches')
        .innerJoin('mentions', 'mentions.id', 'mention_matches.mention_id')
        .innerJoin('saved_queries', 'saved_queries.id', 'mention_matches.query_id')
        .select(['saved_queries.id as queryId', 'saved_queries.name as name'])
        .select((eb) => eb.fn.count<number | string>('mention_matches.mention_id').distinct().as('count'))
        .where('mention_matches.workspace_id', '=', workspaceId)
        .where('mention_matches.mention_created_at', '>=', since)
        .where('mention_matches.mention_created_at', '<', until)
        .where('mentions.intents', 'like', QUESTION_JSON)
        .groupBy(['saved_queries.id', 'saved_queries.name'])
        .execute();
      return rows.map((row) => ({ queryId: row.queryId, name: row.name, count: Number(row.count) }));
    },
  };
}
