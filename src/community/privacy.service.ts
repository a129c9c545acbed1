/**
 * A person's privacy rights: export everything held about them (JSON), and forget them — the person
 * (and anyone merged into them), identities, activities, notes, merge suggestions and merges, the
 * mentions they wrote, the inbox conversations they started and the messages they sent, and any
 * trace of them as the target of others' activities. Their identities are kept only as hashes
 * (forgotten_identities) so that the sync and the import never bring them back. Both are audited
 * without personal data.
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import { notFound } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { recordAudit } from '../workspaces/audit.service.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import type { PersonRow } from './community.tables.js';
import { forgottenKeyHash } from './identity-keys.js';
import { explanationsOf, stringsOf } from './people.presenter.js';
import { peopleRepo } from './people.repo.js';
import { PersonMergedError } from './people.service.js';
import { privacyRepo } from './privacy.repo.js';

export interface ForgetReport {
  people: number;
  identities: number;
  activities: number;
  mentions: number;
  messages: number;
  conversations: number;
}

async function personToAct(db: Kysely<Database>, workspaceId: string, personId: string): Promise<PersonRow> {
  const row = await peopleRepo(db).find(workspaceId, personId);
  if (!row) {
    throw notFound('Person');
  }
  if (row.merged_into_id !== null) {
    throw new PersonMergedError(row.merged_into_id, await peopleRepo(db).displayNameOf(row.merged_into_id));
  }
  return row;
}

const parseJson = (text: string | null): unknown => {
  if (text === null) {
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** Everything held about a person, as one JSON document (audited). */
export async function exportPerson(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  personId: string,
): Promise<Record<string, unknown>> {
  authorize(access.role, 'community.privacy');
  const person = await personToAct(db, access.workspaceId, personId);
  const repo = privacyRepo(db);
  const people = await repo.withMergedAway(access.workspaceId, person);
  const ids = people.map((row) => row.id);
  const identities = await repo.identitiesOf(ids);
  const activities = await repo.activitiesOf(ids);
  const mentionIds = new Set(
    activities.flatMap((activity) => (activity.mention_id ? [activity.mention_id] : [])),
  );
  const conversations = [];
  const messages = [];
  for (const identity of identities) {
    for (const id of await repo.mentionIdsBy(access.workspaceId, identity.network, identity.account_key)) {
      mentionIds.add(id);
    }
    conversations.push(
      ...(await repo.conversationsStartedBy(access.workspaceId, identity.network, identity.account_key)),
    );
  }
  for (const identity of identities) {
    messages.push(
      ...(await repo.messagesBy(access.workspaceId, identity.network, identity.account_key, [...mentionIds])),
    );
  }
  const document = {
    exportedAt: isoNow(clock),
    workspaceId: access.workspaceId,
    person: {
      ...person,
      links: stringsOf(person.links),
      languages: stringsOf(person.languages),
      tags: stringsOf(person.tags),
      scores: explanationsOf(person.scores),
    },
    mergedPeople: people
      .slice(1)
      .map((row) => ({ id: row.id, displayName: row.display_name, createdAt: row.created_at })),
    identities: identities.map((identity) => ({
      ...identity,
      links: stringsOf(identity.links),
      verified: identity.verified === 1,
    })),
    activities: activities.map((activity) => ({
      ...activity,
      intents: stringsOf(activity.intents),
      spam: activity.spam === 1,
      offensive: activity.offensive === 1,
    })),
    notes: await repo.notesOf(ids),
    merges: (await repo.mergesOf(ids)).map((merge) => ({
      ...merge,
      identity_ids: parseJson(merge.identity_ids),
      reasons: parseJson(merge.reasons),
    })),
    mergeSuggestions: (await repo.suggestionsOf(ids)).map((suggestion) => ({
      ...suggestion,
      reasons: parseJson(suggestion.reasons),
    })),
    mentions: (await repo.mentions([...mentionIds])).map((mention) => ({
      ...mention,
      intents: stringsOf(mention.intents),
    })),
    conversations: dedupeById(conversations),
    messages: dedupeById(messages),
  };
  await recordAudit(db, clock, {
    workspaceId: access.workspaceId,
    actorUserId: access.userId,
    action: 'person.exported',
    target: { type: 'person', id: person.id },
    details: { identities: identities.length, activities: activities.length, mentions: mentionIds.size },
  });
  return document;
}

function dedupeById<T extends { id: string }>(rows: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const row of rows) {
    seen.set(row.id, row);
  }
  return [...seen.values()];
}

/** Erases a person and what they wrote; their identities are never recorded again (audited). */
export async function forgetPerson(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  personId: string,
): Promise<ForgetReport> {
  authorize(access.role, 'community.privacy');
  return db.transaction().execute(async (trx) => {
    const repo = privacyRepo(trx);
    const person = await personToAct(trx, access.workspaceId, personId);
    const people = await repo.withMergedAway(access.workspaceId, person);
    const ids = people.map((row) => row.id);
    const identities = await repo.identitiesOf(ids);
    const activities = await repo.activitiesOf(ids);
    const mentionIds = new Set(
      activities.flatMap((activity) => (activity.mention_id ? [activity.mention_id] : [])),
    );
    const conversationIds = new Set<string>();
    for (const identity of identities) {
      for (const id of await repo.mentionIdsBy(access.workspaceId, identity.network, identity.account_key)) {
        mentionIds.add(id);
      }
      for (const conversation of await repo.conversationsStartedBy(
        access.workspaceId,
        identity.network,
        identity.account_key,
      )) {
        conversationIds.add(conversation.id);
      }
    }
    const messageIds = new Set<string>();
    for (const identity of identities) {
      for (const message of await repo.messagesBy(
        access.workspaceId,
        identity.network,
        identity.account_key,
        [...mentionIds],
      )) {
        if (!conversationIds.has(message.conversation_id)) {
          messageIds.add(message.id);
        }
      }
    }
    const now = isoNow(clock);
    const conversations = await repo.deleteConversations([...conversationIds]);
    const messages = await repo.deleteMessages([...messageIds]);
    const mentions = await repo.deleteMentions([...mentionIds]);
    await repo.forgetTargets(access.workspaceId, identities);
    const deletedActivities = await repo.deletePeople(ids);
    await repo.recordForgotten(
      dedupeById(
        identities.map((identity) => ({
          id: `${identity.network}\u0000${identity.account_key}`,
          workspace_id: access.workspaceId,
          network: identity.network,
          key_hash: forgottenKeyHash(identity.network, identity.account_key),
          forgotten_by: access.userId,
          forgotten_at: now,
        })),
      ).map(({ id: _id, ...row }) => row),
    );
    const report: ForgetReport = {
      people: ids.length,
      identities: identities.length,
      activities: deletedActivities,
      mentions,
      messages,
      conversations,
    };
    // Counts only: the person's id names a row that no longer exists, and nothing says who they were.
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'person.forgotten',
      target: { type: 'person', id: person.id },
      details: { ...report },
    });
    return report;
  });
}
