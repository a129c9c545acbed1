/**
 * From stored mentions to conversations. A mention that addresses one of the workspace's connected
 * accounts (listening's `addressed_to`: a mention of it, a reply to it) becomes a message of a
 * conversation: the conversation of the post it answers when that post is already in one (a reply
 * chain is one conversation: they wrote, we answered, they wrote again), a new one otherwise — so
 * two people answering the same post of ours are two conversations, each with its own owner and
 * clock. Runs inside the transaction that stored the mentions: nothing addressed to us is stored
 * without reaching the inbox. A mention met twice is one message (unique mention_id). A new
 * conversation goes through the workspace's routing rules (routing/routing.service.ts).
 */
import type { Kysely } from 'kysely';
import type { IntentLabel } from '../analysis/types.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import type { MentionInsert } from '../listening/mentions.repo.js';
import { contentPriority } from './priority.js';
import { routeConversation } from './routing/routing.service.js';

interface AccountKey {
  id: string;
  names: Set<string>;
}

/** The conversation list shows this much of the first message. */
const SUBJECT_LENGTH = 280;

export async function threadMentions(trx: Kysely<Database>, rows: readonly MentionInsert[]): Promise<number> {
  const addressed = rows.filter((row) => row.addressed_to !== null && row.addressed_to !== undefined);
  if (addressed.length === 0) {
    return 0;
  }
  const accounts = await accountsByNetwork(trx, addressed[0]!.workspace_id);
  let threaded = 0;
  // Oldest first: a reply in the same batch as the post it answers finds that post's conversation.
  for (const row of [...addressed].sort((a, b) =>
    a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0,
  )) {
    const names = JSON.parse(row.addressed_to ?? '[]') as string[];
    const account = accounts
      .get(row.network)
      ?.find((candidate) => names.some((name) => candidate.names.has(name.toLowerCase())));
    if (account && (await threadOne(trx, row, account.id))) {
      threaded += 1;
    }
  }
  return threaded;
}

async function accountsByNetwork(
  trx: Kysely<Database>,
  workspaceId: string,
): Promise<Map<string, AccountKey[]>> {
  const rows = await trx
    .selectFrom('connected_accounts')
    .select(['id', 'network', 'handle', 'external_id'])
    .where('workspace_id', '=', workspaceId)
    .where('removed_at', 'is', null)
    .execute();
  const byNetwork = new Map<string, AccountKey[]>();
  for (const row of rows) {
    const list = byNetwork.get(row.network) ?? [];
    list.push({
      id: row.id,
      names: new Set([row.handle.toLowerCase().replace(/^@/, ''), row.external_id.toLowerCase()]),
    });
    byNetwork.set(row.network, list);
  }
  return byNetwork;
}

interface StoredAnalysis {
  offensive?: { label: string };
  spam?: { label: string };
}

async function threadOne(trx: Kysely<Database>, row: MentionInsert, accountId: string): Promise<boolean> {
  const analysis = row.analysis ? (JSON.parse(row.analysis) as StoredAnalysis) : {};
  const intents = JSON.parse(row.intents ?? '[]') as IntentLabel[];
  const priority = contentPriority({
    sentiment: row.sentiment ?? null,
    offensive: analysis.offensive?.label === 'offensive',
    intents,
    followers: row.author_followers ?? null,
    answered: false,
  });
  // Spam and offensive messages are sorted out of the main view (the Spam tab), offensive ones tagged so.
  const offensive = analysis.offensive?.label === 'offensive';
  const spam = analysis.spam?.label === 'spam' || offensive ? 1 : 0;
  const answered = row.reply_to ?? null;
  const parent = answered
    ? await trx
        .selectFrom('conversation_messages')
        .innerJoin('conversations', 'conversations.id', 'conversation_messages.conversation_id')
        .select([
          'conversations.id',
          'conversations.awaiting_since',
          'conversations.last_inbound_at',
          'conversations.priority',
        ])
        .where('conversation_messages.workspace_id', '=', row.workspace_id)
        // Bluesky answers name the post's network id; Mastodon's name the status id, kept as its ref.
        .where((eb) =>
          eb.or([
            eb('conversation_messages.external_id', '=', answered),
            eb('conversation_messages.ref', '=', answered),
          ]),
        )
        .where('conversations.network', '=', row.network)
        .executeTakeFirst()
    : undefined;

  let conversationId: string;
  let created = false;
  if (parent) {
    conversationId = parent.id;
  } else {
    conversationId = newId();
    const inserted = await trx
      .insertInto('conversations')
      .values({
        id: conversationId,
        workspace_id: row.workspace_id,
        account_id: accountId,
        network: row.network,
        thread_key: row.external_id,
        status: 'open',
        snoozed_until: null,
        assignee_id: null,
        tags: offensive ? '["offensive"]' : '[]',
        priority: priority.score,
        priority_reasons: JSON.stringify(priority.reasons),
        spam,
        subject: row.text.slice(0, SUBJECT_LENGTH),
        author_handle: row.author_handle ?? null,
        author_name: row.author_name ?? null,
        author_followers: row.author_followers ?? null,
        last_sentiment: row.sentiment ?? null,
        last_intents: JSON.stringify(intents),
        first_inbound_at: row.created_at,
        last_inbound_at: row.created_at,
        last_outbound_at: null,
        first_response_at: null,
        awaiting_since: row.created_at,
        message_count: 0,
        created_at: row.ingested_at,
        updated_at: row.ingested_at,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'network', 'thread_key']).doNothing())
      .executeTakeFirst();
    created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
    if (!created) {
      // Threaded before (the same mention stored under another source): find that conversation.
      const existing = await trx
        .selectFrom('conversations')
        .select('id')
        .where('workspace_id', '=', row.workspace_id)
        .where('network', '=', row.network)
        .where('thread_key', '=', row.external_id)
        .executeTakeFirstOrThrow();
      conversationId = existing.id;
    }
  }

  const message = await trx
    .insertInto('conversation_messages')
    .values({
      id: newId(),
      conversation_id: conversationId,
      workspace_id: row.workspace_id,
      kind: 'inbound',
      mention_id: row.id,
      author_user_id: null,
      author_handle: row.author_handle ?? null,
      text: row.text,
      status: 'received',
      reply_to_message_id: null,
      ref: row.ref ?? null,
      external_id: row.external_id,
      url: row.url ?? null,
      error: null,
      attempts: 0,
      idempotency_key: null,
      created_at: row.created_at,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('mention_id').doNothing())
    .executeTakeFirst();
  if (Number(message.numInsertedOrUpdatedRows ?? 0n) === 0) {
    return false;
  }

  // A new message reopens the conversation, restarts the wait if we had the last word, and
  // rescores it on what was just said (the latest message is what needs handling).
  await trx
    .updateTable('conversations')
    .set((eb) => ({
      status: 'open',
      snoozed_until: null,
      closed_at: null,
      message_count: eb('message_count', '+', 1),
      last_inbound_at:
        parent && parent.last_inbound_at > row.created_at ? parent.last_inbound_at : row.created_at,
      awaiting_since: parent?.awaiting_since ?? row.created_at,
      last_sentiment: row.sentiment ?? null,
      last_intents: JSON.stringify(intents),
      ...(parent ? { priority: priority.score, priority_reasons: JSON.stringify(priority.reasons) } : {}),
      ...(spam ? { spam } : {}),
      updated_at: row.ingested_at,
    }))
    .where('id', '=', conversationId)
    .execute();
  if (created) {
    const matched = await trx
      .selectFrom('mention_matches')
      .select('query_id')
      .where('mention_id', '=', row.id)
      .execute();
    await routeConversation(
      trx,
      conversationId,
      row.workspace_id,
      {
        network: row.network,
        language: row.language,
        sentiment: row.sentiment ?? null,
        intents,
        queryIds: matched.map((match) => match.query_id),
        accountId,
        followers: row.author_followers ?? null,
      },
      row.ingested_at,
    );
  }
  return true;
}
