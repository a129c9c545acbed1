/**
 * A workspace's house style, as the guardrails read it: the voice profile, the dictionary of its own
 * words (brand and product names, people, jargon) and the fact register.
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import { notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import type { Fact } from '../guardrails/claims/index.js';
import type { VoiceProfile } from '../guardrails/voice/index.js';
import { recordAudit } from './audit.service.js';
import { houseStyleRepo, type FactRow } from './house-style.repo.js';
import { authorize } from './policy.js';
import type { WorkspaceAccess } from './workspaces.service.js';

export interface HouseStyle {
  voice: VoiceProfile;
  dictionary: string[];
  facts: Fact[];
}

export type FactInput = Omit<Fact, 'id'>;

const toFact = (row: FactRow): Fact => ({
  id: row.id,
  statement: row.statement,
  ...(row.value !== null ? { value: row.value } : {}),
  ...(row.source_url !== null ? { sourceUrl: row.source_url } : {}),
  ...(row.valid_until !== null ? { validUntil: row.valid_until } : {}),
  ...(row.source_date !== null ? { sourceDate: row.source_date } : {}),
});

const factColumns = (fact: FactInput) => ({
  statement: fact.statement,
  value: fact.value ?? null,
  source_url: fact.sourceUrl ?? null,
  valid_until: fact.validUntil ?? null,
  source_date: fact.sourceDate ?? null,
});

export async function getHouseStyle(db: Kysely<Database>, access: WorkspaceAccess): Promise<HouseStyle> {
  authorize(access.role, 'workspace.read');
  const repo = houseStyleRepo(db);
  return {
    voice: JSON.parse((await repo.voiceProfile(access.workspaceId)) ?? '{}') as VoiceProfile,
    dictionary: await repo.words(access.workspaceId),
    facts: (await repo.facts(access.workspaceId)).map(toFact),
  };
}

export async function setVoiceProfile(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, voice: VoiceProfile): Promise<VoiceProfile> {
  authorize(access.role, 'house-style.manage');
  await db.transaction().execute(async (trx) => {
    await houseStyleRepo(trx).setVoiceProfile(access.workspaceId, JSON.stringify(voice), isoNow(clock));
    await recordAudit(trx, clock, { workspaceId: access.workspaceId, actorUserId: access.userId, action: 'voice_profile.changed', details: { voice } });
  });
  return voice;
}

/** Adds words (already there: ignored); returns the whole dictionary. */
export async function addDictionaryWords(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, words: string[]): Promise<string[]> {
  authorize(access.role, 'dictionary.add');
  await db.transaction().execute(async (trx) => {
    await houseStyleRepo(trx).addWords(access.workspaceId, words, access.userId, isoNow(clock));
    await recordAudit(trx, clock, { workspaceId: access.workspaceId, actorUserId: access.userId, action: 'dictionary.words_added', details: { words } });
  });
  return houseStyleRepo(db).words(access.workspaceId);
}

export async function removeDictionaryWord(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, word: string): Promise<void> {
  authorize(access.role, 'house-style.manage');
  await db.transaction().execute(async (trx) => {
    if (!(await houseStyleRepo(trx).removeWord(access.workspaceId, word))) {
      throw notFound('Dictionary word');
    }
    await recordAudit(trx, clock, { workspaceId: access.workspaceId, actorUserId: access.userId, action: 'dictionary.word_removed', details: { word } });
  });
}

export async function createFact(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, fact: FactInput): Promise<Fact> {
  authorize(access.role, 'house-style.manage');
  const now = isoNow(clock);
  const row: FactRow = { id: newId(clock.now().getTime()), workspace_id: access.workspaceId, ...factColumns(fact), created_at: now, updated_at: now };
  await db.transaction().execute(async (trx) => {
    await houseStyleRepo(trx).insertFact(row);
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'fact.created',
      target: { type: 'fact', id: row.id },
      details: { statement: fact.statement },
    });
  });
  return toFact(row);
}

/** Replaces a fact's fields (the register keeps one current version of each statement). */
export async function updateFact(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, id: string, fact: FactInput): Promise<Fact> {
  authorize(access.role, 'house-style.manage');
  await db.transaction().execute(async (trx) => {
    if (!(await houseStyleRepo(trx).updateFact(access.workspaceId, id, { ...factColumns(fact), updated_at: isoNow(clock) }))) {
      throw notFound('Fact');
    }
    await recordAudit(trx, clock, { workspaceId: access.workspaceId, actorUserId: access.userId, action: 'fact.changed', target: { type: 'fact', id }, details: { fact } });
  });
  return { id, ...fact };
}

export async function deleteFact(db: Kysely<Database>, clock: Clock, access: WorkspaceAccess, id: string): Promise<void> {
  authorize(access.role, 'house-style.manage');
  await db.transaction().execute(async (trx) => {
    if (!(await houseStyleRepo(trx).deleteFact(access.workspaceId, id))) {
      throw notFound('Fact');
    }
    await recordAudit(trx, clock, { workspaceId: access.workspaceId, actorUserId: access.userId, action: 'fact.deleted', target: { type: 'fact', id } });
  });
}
