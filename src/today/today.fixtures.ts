/**
 * Test factories for Today: rows as the other capabilities leave them (a conversation as threading
 * makes it, an account whose check failed, a post that failed, an alert that fired, a person with a
 * next step). Their own behaviour is tested where they live; Today only reads them.
 */
import type { Kysely } from 'kysely';
import { newId } from '../core/ids.js';
import type { Database, PostStatus, TargetStatus } from '../db/schema.js';
import type { PriorityReason } from '../inbox/priority.js';
import '../community/community.tables.js';
import '../listening/alerts/alerts.tables.js';

export interface ConversationSeed {
  awaitingSince: string | null;
  priority?: number;
  reasons?: PriorityReason[];
  status?: 'open' | 'pending' | 'snoozed' | 'closed';
  snoozedUntil?: string | null;
  spam?: boolean;
  subject?: string;
  authorName?: string | null;
  firstResponseAt?: string | null;
}

export async function seedConversation(
  db: Kysely<Database>,
  workspaceId: string,
  seed: ConversationSeed,
): Promise<string> {
  const id = newId();
  const at = seed.awaitingSince ?? '2026-03-01T00:00:00.000Z';
  const reasons = seed.reasons ?? [];
  await db
    .insertInto('conversations')
    .values({
      id,
      workspace_id: workspaceId,
      account_id: null,
      network: 'bluesky',
      thread_key: `at://thread/${id}`,
      status: seed.status ?? 'open',
      snoozed_until: seed.snoozedUntil ?? null,
      assignee_id: null,
      priority: seed.priority ?? reasons.reduce((sum, reason) => sum + reason.points, 0),
      priority_reasons: JSON.stringify(reasons),
      tags: '[]',
      spam: seed.spam ? 1 : 0,
      subject: seed.subject ?? 'Where is my order?',
      author_handle: 'ana.test',
      author_name: seed.authorName === undefined ? 'Ana Lopez' : seed.authorName,
      author_followers: 12_400,
      last_sentiment: 'negative',
      last_intents: '["complaint"]',
      first_inbound_at: at,
      last_inbound_at: at,
      last_outbound_at: null,
      first_response_at: seed.firstResponseAt ?? null,
      awaiting_since: seed.awaitingSince,
      message_count: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function seedAccount(
  db: Kysely<Database>,
  workspaceId: string,
  seed: { handle: string; health: 'ok' | 'failing' | 'unchecked'; message?: string | null; at: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('connected_accounts')
    .values({
      id,
      workspace_id: workspaceId,
      network: 'bluesky',
      external_id: `did:plc:${id.toLowerCase()}`,
      handle: seed.handle,
      display_name: null,
      url: null,
      followers: 10,
      // Never read by Today: sealed credentials stay sealed.
      credentials: 'sealed',
      voice_override: null,
      health: seed.health,
      health_message: seed.message ?? null,
      checked_at: seed.at,
      created_by: null,
      created_at: seed.at,
      updated_at: seed.at,
      removed_at: null,
    })
    .execute();
  return id;
}

/** A post with one target per account, both in the given statuses (as publishing leaves them). */
export async function seedPost(
  db: Kysely<Database>,
  workspaceId: string,
  seed: {
    text: string;
    status: PostStatus;
    target: TargetStatus;
    accountIds: string[];
    at: string;
    publishAt?: string | null;
    lastError?: string | null;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('posts')
    .values({
      id,
      workspace_id: workspaceId,
      author_id: null,
      status: seed.status,
      text: seed.text,
      language: 'en',
      partnership: 0,
      publish_at: seed.publishAt ?? null,
      version: 1,
      check_verdict: null,
      check_score: null,
      check_findings: null,
      override_reason: null,
      override_by: null,
      review_comment: null,
      reviewed_by: null,
      reviewed_at: null,
      created_at: seed.at,
      updated_at: seed.at,
    })
    .execute();
  for (const accountId of seed.accountIds) {
    await db
      .insertInto('post_targets')
      .values({
        id: newId(),
        post_id: id,
        workspace_id: workspaceId,
        account_id: accountId,
        text_override: null,
        status: seed.target,
        publish_at: seed.publishAt ?? null,
        version: 1,
        attempts: seed.target === 'failed' ? 1 : 0,
        first_attempt_at: null,
        outcome_pending: 0,
        lease_until: null,
        next_attempt_at: null,
        published_version: null,
        published_text: null,
        external_id: null,
        url: null,
        ref: null,
        published_at: null,
        last_error: seed.lastError ?? null,
        metrics: null,
        metrics_at: null,
        created_at: seed.at,
        updated_at: seed.at,
      })
      .execute();
  }
  return id;
}

/** A high-reach alert as alert evaluation stores it. */
export async function seedAlert(
  db: Kysely<Database>,
  workspaceId: string,
  seed: { firedAt: string; readAt?: string | null; author?: string; followers?: number },
): Promise<string> {
  const id = newId();
  const author = seed.author ?? 'famous.test';
  const followers = seed.followers ?? 250_000;
  await db
    .insertInto('alerts')
    .values({
      id,
      workspace_id: workspaceId,
      rule_id: null,
      rule_name: 'Big accounts',
      kind: 'high_reach',
      fire_key: `mention:${id}`,
      window_start: null,
      window_end: null,
      mention_id: null,
      explanation: JSON.stringify({
        kind: 'high_reach',
        followers,
        threshold: 10_000,
        mention: {
          id: `m-${id}`,
          network: 'bluesky',
          author,
          authorName: null,
          followers,
          text: 'Trying the new lamp tonight',
          url: null,
          createdAt: seed.firedAt,
          sentiment: 'positive',
        },
      }),
      fired_at: seed.firedAt,
      read_at: seed.readAt ?? null,
    })
    .execute();
  return id;
}

/** A person of the community CRM with a next step (only the columns Today reads matter). */
export async function seedPerson(
  db: Kysely<Database>,
  workspaceId: string,
  seed: { name: string; nextStep: string | null; due: string | null; mergedInto?: string | null; at: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('people')
    .values({
      id,
      workspace_id: workspaceId,
      display_name: seed.name,
      bio: null,
      links: '[]',
      languages: '[]',
      avatar_url: null,
      tags: '[]',
      owner_id: null,
      stage: 'contacted',
      next_step: seed.nextStep,
      next_step_due: seed.due,
      merged_into_id: seed.mergedInto ?? null,
      first_seen_at: seed.at,
      last_seen_at: seed.at,
      activity_count: 1,
      engagement: 0,
      engagement_level: 'exploring',
      reach: 0,
      ambassador: 0,
      influencer: 0,
      scores: null,
      scored_at: null,
      created_at: seed.at,
      updated_at: seed.at,
    })
    .execute();
  return id;
}
