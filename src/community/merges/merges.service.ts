/**
 * Merging two people into one (identities, activities, notes move to the kept person), recorded so
 * that the merge can be undone; and suggestions across networks, which a user confirms or rejects.
 *
 * Undo rule: a merge is undone by moving back the identities it recorded and the activities of those
 * identities. That is exact only while every recorded identity still belongs to the kept person and
 * the kept person is not merged away; otherwise (a later merge moved the kept person into a third
 * one) the undo answers 409 and names the merge to undo first. Later merges INTO the kept person do
 * not block it: their identities are recorded on their own merge and stay put.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import { AppError, conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../workspaces/audit.service.js';
import { authorize } from '../../workspaces/policy.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import type { MergeSuggestionStatus, PersonRow } from '../community.tables.js';
import { domainOfHandle, linksInText, normaliseLink, parseLinks } from './match-keys.js';
import { mergesRepo, type SuggestionRow } from './merges.repo.js';

export interface MergeResult {
  id: string;
  keptPersonId: string;
  mergedPersonId: string;
}

export interface MergeReason {
  code: string;
  detail: string;
}

/** The reason a merge a user asked for carries when no suggestion backs it. */
const MANUAL_REASON: MergeReason = {
  code: 'manual',
  detail: 'Merged by hand: a user judged them the same person',
};

const personNotFound = (id: string): AppError =>
  new AppError('not_found', `Person ${id} not found in this workspace`);

/** Parses a JSON array of reasons, keeping only well-formed ones. */
export function parseReasons(json: string): MergeReason[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value)
      ? value.filter(
          (item): item is MergeReason =>
            typeof item === 'object' &&
            item !== null &&
            typeof (item as MergeReason).code === 'string' &&
            typeof (item as MergeReason).detail === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

function parseStrings(json: string): string[] {
  return parseLinks(json);
}

const union = (...lists: string[][]): string[] => [...new Set(lists.flat())];
/** Links of both, the first spelling of each kept (two spellings of one link are one link). */
function unionLinks(...lists: string[][]): string[] {
  const seen = new Set<string>();
  return lists.flat().filter((link) => {
    const key = normaliseLink(link) ?? link;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
const earliest = (...values: (string | null)[]): string =>
  values.filter((value): value is string => value !== null).reduce((a, b) => (a < b ? a : b));
const latest = (...values: (string | null)[]): string =>
  values.filter((value): value is string => value !== null).reduce((a, b) => (a > b ? a : b));

/** Runs `work` in a transaction, or in the caller's when `db` already is one. */
function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

function checkActive(person: PersonRow | undefined, id: string, role: 'kept' | 'merged'): PersonRow {
  if (!person) {
    throw personNotFound(id);
  }
  if (person.merged_into_id !== null) {
    throw conflict(
      role === 'kept'
        ? `Person ${id} is merged into ${person.merged_into_id}: merge into that person instead`
        : `Person ${id} is already merged into ${person.merged_into_id}`,
    );
  }
  return person;
}

/** Merges `otherId` into `keepId` (both in the workspace, neither merged away). */
export async function mergePeople(
  db: Kysely<Database>,
  clock: Clock,
  workspaceId: string,
  keepId: string,
  otherId: string,
  options: { actorId: string | null; reasons?: MergeReason[] },
): Promise<MergeResult> {
  if (keepId === otherId) {
    throw invalid('otherPersonId', 'A person cannot be merged with themselves');
  }
  return inTransaction(db, async (trx) => {
    const repo = mergesRepo(trx);
    const now = clock.now().toISOString();
    const keep = checkActive(await repo.findPerson(workspaceId, keepId), keepId, 'kept');
    const other = checkActive(await repo.findPerson(workspaceId, otherId), otherId, 'merged');
    // Lock both rows in a fixed order; a concurrent merge of either makes this one lose cleanly.
    for (const id of [keepId, otherId].sort()) {
      if (!(await repo.lockActive(workspaceId, id, now))) {
        throw conflict(`Person ${id} was merged meanwhile: reload and try again`);
      }
    }

    const identityIds = await repo.identityIdsOf(otherId);
    await repo.moveIdentities(identityIds, keepId);
    await repo.moveActivities(otherId, keepId);
    const noteIds = await repo.noteIdsOf(otherId);
    await repo.moveNotes(noteIds, keepId);
    const keptTags = parseStrings(keep.tags);
    const addedTags = parseStrings(other.tags).filter((tag) => !keptTags.includes(tag));

    const [a, b] = keepId < otherId ? [keepId, otherId] : [otherId, keepId];
    const suggestion = await repo.findSuggestionForPair(workspaceId, a, b);
    const reasons = options.reasons ?? (suggestion ? parseReasons(suggestion.reasons) : [MANUAL_REASON]);
    if (suggestion?.status === 'pending') {
      await repo.decideSuggestion(suggestion.id, 'confirmed', options.actorId, now);
    }

    const seen = await repo.aggregates(keepId);
    await repo.updatePerson(keepId, {
      first_seen_at: earliest(keep.first_seen_at, other.first_seen_at, seen.first),
      last_seen_at: latest(keep.last_seen_at, other.last_seen_at, seen.last),
      activity_count: seen.count,
      languages: JSON.stringify(union(parseStrings(keep.languages), parseStrings(other.languages))),
      links: JSON.stringify(unionLinks(parseStrings(keep.links), parseStrings(other.links))),
      tags: JSON.stringify(union(keptTags, addedTags)),
      updated_at: now,
    });
    await repo.updatePerson(otherId, { merged_into_id: keepId, updated_at: now });

    const id = newId(clock.now().getTime());
    await repo.insertMerge({
      id,
      workspace_id: workspaceId,
      kept_person_id: keepId,
      merged_person_id: otherId,
      identity_ids: JSON.stringify(identityIds),
      moved_note_ids: JSON.stringify(noteIds),
      added_tags: JSON.stringify(addedTags),
      reasons: JSON.stringify(reasons),
      merged_by: options.actorId,
      created_at: now,
      undone_at: null,
      undone_by: null,
    });
    await recordAudit(trx, clock, {
      workspaceId,
      actorUserId: options.actorId,
      action: 'person.merged',
      target: { type: 'person', id: keepId },
      details: {
        mergeId: id,
        mergedPersonId: otherId,
        identitiesMoved: identityIds.length,
        reasons: reasons.map((reason) => reason.code),
        ...(suggestion ? { suggestionId: suggestion.id } : {}),
      },
    });
    return { id, keptPersonId: keepId, mergedPersonId: otherId };
  });
}

/** Keys of what a person's own identities show: their links, links in their bios, domain handles. */
async function ownLinkKeys(db: Kysely<Database>, personId: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const identity of await mergesRepo(db).identitiesOf(personId)) {
    for (const raw of [...parseLinks(identity.links), ...linksInText(identity.bio)]) {
      const key = normaliseLink(raw);
      if (key) {
        keys.add(key);
      }
    }
    const domain = domainOfHandle(identity.handle);
    if (domain) {
      keys.add(domain);
    }
  }
  return keys;
}

/** Undoes a merge: see the rule at the top of this file. */
export async function undoMerge(
  db: Kysely<Database>,
  clock: Clock,
  workspaceId: string,
  mergeId: string,
  options: { actorId: string | null },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const repo = mergesRepo(trx);
    const now = clock.now().toISOString();
    const merge = await repo.findMerge(workspaceId, mergeId);
    if (!merge) {
      throw notFound('Merge');
    }
    if (merge.undone_at !== null) {
      throw conflict(`This merge was already undone (${merge.undone_at})`);
    }
    const keep = await repo.findPerson(workspaceId, merge.kept_person_id);
    const other = await repo.findPerson(workspaceId, merge.merged_person_id);
    if (!keep || !other) {
      throw conflict('A person of this merge no longer exists: it cannot be undone');
    }
    if (keep.merged_into_id !== null) {
      throw conflict(
        `The kept person was later merged into ${keep.merged_into_id}: undo that merge first, then this one`,
      );
    }
    if (other.merged_into_id !== keep.id) {
      throw conflict('The merged person is no longer merged into the kept one: nothing to undo');
    }
    const recorded = parseStrings(merge.identity_ids);
    const current = new Set(await repo.identityIdsOf(keep.id));
    const gone = recorded.filter((id) => !current.has(id));
    if (gone.length > 0) {
      throw conflict(
        `${gone.length} of the identities this merge moved no longer belong to the kept person: it cannot be undone exactly`,
      );
    }
    if (!(await repo.markUndone(merge.id, now, options.actorId))) {
      throw conflict('This merge was undone meanwhile');
    }

    await repo.moveIdentities(recorded, other.id);
    await repo.moveActivities(keep.id, other.id, recorded);
    await repo.moveNotes(parseStrings(merge.moved_note_ids), other.id);
    const addedTags = new Set(parseStrings(merge.added_tags));

    // The kept person gives back what only the other brought: links and languages its own
    // identities and activities do not show.
    const keptLinks = await ownLinkKeys(trx, keep.id);
    const keptLanguages = new Set(await repo.languagesSeen(keep.id));
    const otherLinks = new Set(parseStrings(other.links).map((link) => normaliseLink(link) ?? link));
    const otherLanguages = new Set(parseStrings(other.languages));
    const keepSeen = await repo.aggregates(keep.id);
    await repo.updatePerson(keep.id, {
      first_seen_at: keepSeen.first ?? keep.first_seen_at,
      last_seen_at: keepSeen.last ?? keep.last_seen_at,
      activity_count: keepSeen.count,
      links: JSON.stringify(
        parseStrings(keep.links).filter((link) => {
          const key = normaliseLink(link) ?? link;
          return !otherLinks.has(key) || keptLinks.has(key);
        }),
      ),
      languages: JSON.stringify(
        parseStrings(keep.languages).filter(
          (language) => !otherLanguages.has(language) || keptLanguages.has(language),
        ),
      ),
      tags: JSON.stringify(parseStrings(keep.tags).filter((tag) => !addedTags.has(tag))),
      updated_at: now,
    });
    const otherSeen = await repo.aggregates(other.id);
    await repo.updatePerson(other.id, {
      merged_into_id: null,
      first_seen_at: earliest(other.first_seen_at, otherSeen.first),
      last_seen_at: latest(other.last_seen_at, otherSeen.last),
      activity_count: otherSeen.count,
      updated_at: now,
    });
    await recordAudit(trx, clock, {
      workspaceId,
      actorUserId: options.actorId,
      action: 'person.merge_undone',
      target: { type: 'person', id: keep.id },
      details: { mergeId: merge.id, mergedPersonId: other.id, identitiesMoved: recorded.length },
    });
  });
}

/** Which of a suggested pair to keep: the one with more history, else the one seen first. */
function keeperOf(a: PersonRow, b: PersonRow): [PersonRow, PersonRow] {
  if (a.activity_count !== b.activity_count) {
    return a.activity_count > b.activity_count ? [a, b] : [b, a];
  }
  return b.first_seen_at < a.first_seen_at ? [b, a] : [a, b];
}

async function findSuggestion(
  db: Kysely<Database>,
  workspaceId: string,
  suggestionId: string,
): Promise<SuggestionRow> {
  const suggestion = await mergesRepo(db).findSuggestion(workspaceId, suggestionId);
  if (!suggestion) {
    throw notFound('Merge suggestion');
  }
  return suggestion;
}

/** Confirms a suggestion: the two people are merged (by default into the one with more history). */
export async function confirmSuggestion(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  suggestionId: string,
  keepPersonId?: string,
): Promise<MergeResult> {
  authorize(access.role, 'community.manage');
  const suggestion = await findSuggestion(db, access.workspaceId, suggestionId);
  if (suggestion.status !== 'pending') {
    throw conflict(`This suggestion was already ${suggestion.status}`);
  }
  const pair = [suggestion.person_a_id, suggestion.person_b_id];
  if (keepPersonId !== undefined && !pair.includes(keepPersonId)) {
    throw invalid('keepPersonId', 'Keep one of the two people of the suggestion');
  }
  const repo = mergesRepo(db);
  const a = checkActive(
    await repo.findPerson(access.workspaceId, suggestion.person_a_id),
    suggestion.person_a_id,
    'merged',
  );
  const b = checkActive(
    await repo.findPerson(access.workspaceId, suggestion.person_b_id),
    suggestion.person_b_id,
    'merged',
  );
  const [keep, other] = keepPersonId === undefined ? keeperOf(a, b) : keepPersonId === a.id ? [a, b] : [b, a];
  return mergePeople(db, clock, access.workspaceId, keep.id, other.id, {
    actorId: access.userId,
    reasons: parseReasons(suggestion.reasons),
  });
}

/** "Not the same": the pair is never suggested again. Rejecting twice is harmless. */
export async function rejectSuggestion(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  suggestionId: string,
): Promise<void> {
  authorize(access.role, 'community.manage');
  await inTransaction(db, async (trx) => {
    const suggestion = await findSuggestion(trx, access.workspaceId, suggestionId);
    if (suggestion.status === 'rejected') {
      return;
    }
    if (
      suggestion.status === 'confirmed' ||
      !(await mergesRepo(trx).decideSuggestion(
        suggestion.id,
        'rejected',
        access.userId,
        clock.now().toISOString(),
      ))
    ) {
      throw conflict('This suggestion was confirmed: undo the merge instead');
    }
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'person.merge_rejected',
      target: { type: 'merge_suggestion', id: suggestion.id },
    });
  });
}

/** A merge the user asks for, suggested or not (two accounts on one network included). */
export function mergeManually(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  keepId: string,
  otherId: string,
): Promise<MergeResult> {
  authorize(access.role, 'community.manage');
  return mergePeople(db, clock, access.workspaceId, keepId, otherId, { actorId: access.userId });
}

/** Undoes a merge, for a member who may manage the community. */
export function undoMergeAs(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  mergeId: string,
): Promise<void> {
  authorize(access.role, 'community.manage');
  return undoMerge(db, clock, access.workspaceId, mergeId, { actorId: access.userId });
}

export interface SuggestionView {
  id: string;
  personAId: string;
  personBId: string;
  reasons: MergeReason[];
  strength: number;
  status: MergeSuggestionStatus;
  createdAt: string;
}

/** The suggestions with a status, strongest first (pending: only while both people are active). */
export async function listSuggestions(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  status: MergeSuggestionStatus,
  limit: number,
): Promise<SuggestionView[]> {
  authorize(access.role, 'community.read');
  const rows = await mergesRepo(db).listSuggestions(access.workspaceId, status, limit);
  return rows.map((row) => ({
    id: row.id,
    personAId: row.person_a_id,
    personBId: row.person_b_id,
    reasons: parseReasons(row.reasons),
    strength: row.strength,
    status: row.status,
    createdAt: row.created_at,
  }));
}

export { refreshSuggestions, refreshAllSuggestions } from './suggestions.service.js';
