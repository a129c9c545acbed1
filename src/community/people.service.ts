/**
 * The community's people: the list (filters, sorts by the cached scores, keyset pages; or scores as
 * of a date, computed on the fly), a person's page and timeline, what a team records about them
 * (display name, stage, next step, tags, owner, notes), and the pipeline board.
 *
 * Scores as of a date (`asOf`) are computed for the whole workspace by scoreWorkspace, then the
 * list is sorted in memory: at most AS_OF_LIMIT people are considered (the first of the filtered
 * list in the chosen order of the cached scores), and pages are offsets into that sorted list.
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import { AppError, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { recordAudit } from '../workspaces/audit.service.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import {
  RELATIONSHIP_STAGES,
  type PeopleTable,
  type PersonRow,
  type RelationshipStage,
} from './community.tables.js';
import {
  presentActivity,
  presentDetail,
  presentNote,
  presentPeople,
  scoresFromExplanations,
  type ActivityView,
  type NoteView,
  type PersonDetail,
  type PersonScores,
  type PersonSummary,
} from './people.presenter.js';
import { peopleRepo, sortValueOf, type PeopleFilter, type PeopleSort } from './people.repo.js';
import type { PersonChanges } from './people.schemas.js';
import { scoreWorkspace } from './scores/score-people.js';
import type { Updateable } from 'kysely';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;
/** People considered when scores are computed as of a date (sorted in memory). */
export const AS_OF_LIMIT = 20_000;
/** Rows of a CSV export. */
export const CSV_LIMIT = 50_000;
export const TIMELINE_PAGE = 30;
const PIPELINE_PER_STAGE = 100;
const CONVERSATIONS_SHOWN = 50;
/** The pipeline's columns: everyone with a relationship. */
export const PIPELINE_STAGES = RELATIONSHIP_STAGES.filter((stage) => stage !== 'none');

export interface PeopleQuery extends PeopleFilter {
  sort?: PeopleSort | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
  asOf?: Date | undefined;
}

export interface PeoplePage {
  people: PersonSummary[];
  nextCursor: string | null;
}

/** A person merged into another: 404, naming the one they live on in. */
export class PersonMergedError extends AppError {
  constructor(
    readonly mergedIntoId: string,
    name: string | null,
  ) {
    super('not_found', `This person was merged into ${name ?? 'another person'} (${mergedIntoId})`);
  }
}

type Cursor = ['k', number | string, string] | ['o', number];

const encode = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decode(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value)) {
      if (
        value.length === 3 &&
        value[0] === 'k' &&
        (typeof value[1] === 'number' || typeof value[1] === 'string') &&
        typeof value[2] === 'string'
      ) {
        return value as Cursor;
      }
      if (value.length === 2 && value[0] === 'o' && Number.isInteger(value[1]) && (value[1] as number) >= 0) {
        return value as Cursor;
      }
    }
  } catch {
    // falls through to the error below
  }
  throw invalid('cursor', 'is not a cursor this list gave');
}

const pageSize = (limit: number | undefined): number =>
  Math.min(MAX_PAGE, Math.max(1, limit ?? DEFAULT_PAGE));

/** The list of people: filtered, sorted, a page at a time. */
export async function listPeople(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  query: PeopleQuery = {},
): Promise<PeoplePage> {
  authorize(access.role, 'community.read');
  const sort = query.sort ?? 'engagement';
  const limit = pageSize(query.limit);
  const cursor = query.cursor === undefined ? null : decode(query.cursor);
  if (query.asOf) {
    if (cursor && cursor[0] !== 'o') {
      throw invalid('cursor', 'is not a cursor of a list with asOf');
    }
    const offset = cursor ? cursor[1] : 0;
    const all = await peopleAsOf(db, access.workspaceId, query, sort, query.asOf);
    const page = all.slice(offset, offset + limit);
    return {
      people: await presentPeople(
        db,
        page.map((entry) => entry.row),
        new Map(page.map((entry) => [entry.row.id, entry.scores])),
      ),
      nextCursor: offset + limit < all.length ? encode(['o', offset + limit]) : null,
    };
  }
  if (cursor && cursor[0] !== 'k') {
    throw invalid('cursor', 'is a cursor of a list with asOf');
  }
  const after = cursor ? { value: cursor[1], id: cursor[2] } : null;
  const rows = await peopleRepo(db).page(access.workspaceId, query, sort, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    people: await presentPeople(db, page),
    nextCursor: rows.length > limit && last ? encode(['k', sortValueOf(last, sort), last.id]) : null,
  };
}

/** Every person of the list (at most CSV_LIMIT), for the CSV export. */
export async function allPeople(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  query: PeopleQuery = {},
): Promise<PersonSummary[]> {
  authorize(access.role, 'community.read');
  const sort = query.sort ?? 'engagement';
  if (query.asOf) {
    const all = (await peopleAsOf(db, access.workspaceId, query, sort, query.asOf)).slice(0, CSV_LIMIT);
    return presentPeople(
      db,
      all.map((entry) => entry.row),
      new Map(all.map((entry) => [entry.row.id, entry.scores])),
    );
  }
  return presentPeople(db, await peopleRepo(db).all(access.workspaceId, query, sort, CSV_LIMIT));
}

/** The filtered people with their scores as of `asOf`, sorted by them. */
async function peopleAsOf(
  db: Kysely<Database>,
  workspaceId: string,
  filter: PeopleFilter,
  sort: PeopleSort,
  asOf: Date,
): Promise<{ row: PersonRow; scores: PersonScores }[]> {
  const explained = await scoreWorkspace(db, workspaceId, { asOf });
  const at = asOf.toISOString();
  // The level filter is about the scores as of that date, not the cached ones.
  const { level, ...rest } = filter;
  const rows = (await peopleRepo(db).all(workspaceId, rest, sort, AS_OF_LIMIT)).filter(
    (row) => row.first_seen_at < at,
  );
  const entries = rows
    .map((row) => ({ row, scores: scoresFromExplanations(explained.get(row.id)) }))
    .filter((entry) => level === undefined || entry.scores.engagementLevel === level);
  if (sort === 'engagement' || sort === 'reach' || sort === 'ambassador' || sort === 'influencer') {
    // Stable: ties keep the database order (then id).
    entries.sort((a, b) => b.scores[sort] - a.scores[sort]);
  }
  return entries;
}

/** The workspace of a person (any workspace), or null when there is no such person. */
export async function workspaceOfPerson(db: Kysely<Database>, personId: string): Promise<string | null> {
  return peopleRepo(db).workspaceOf(personId);
}

/** A person of the workspace that is not merged away (404 otherwise, naming where they went). */
async function livePerson(db: Kysely<Database>, workspaceId: string, personId: string): Promise<PersonRow> {
  const row = await peopleRepo(db).find(workspaceId, personId);
  if (!row) {
    throw notFound('Person');
  }
  if (row.merged_into_id !== null) {
    throw new PersonMergedError(row.merged_into_id, await peopleRepo(db).displayNameOf(row.merged_into_id));
  }
  return row;
}

async function detailOf(db: Kysely<Database>, row: PersonRow): Promise<PersonDetail> {
  const repo = peopleRepo(db);
  return presentDetail(
    row,
    await repo.identitiesOf([row.id]),
    await repo.notesOf(row.id),
    await repo.mergesOf(row.id),
    await repo.conversationsOf(row.id, CONVERSATIONS_SHOWN),
  );
}

export async function getPerson(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  personId: string,
): Promise<PersonDetail> {
  authorize(access.role, 'community.read');
  return detailOf(db, await livePerson(db, access.workspaceId, personId));
}

/** A page of the person's timeline, newest first; `before` is an ISO instant or the nextCursor of the previous page. */
export async function listActivities(
  db: Kysely<Database>,
  access: WorkspaceAccess,
  personId: string,
  options: { before?: string | undefined; limit?: number | undefined } = {},
): Promise<{ activities: ActivityView[]; nextCursor: string | null }> {
  authorize(access.role, 'community.read');
  const person = await livePerson(db, access.workspaceId, personId);
  const limit = Math.min(MAX_PAGE, Math.max(1, options.limit ?? TIMELINE_PAGE));
  const before = options.before === undefined ? null : beforeOf(options.before);
  const rows = await peopleRepo(db).timeline(person.id, before, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    activities: page.map(presentActivity),
    nextCursor: rows.length > limit && last ? `${last.occurred_at}~${last.id}` : null,
  };
}

function beforeOf(text: string): { at: string; id: string | null } {
  const [at, id] = text.split('~');
  if (
    at !== undefined &&
    /^\d{4}-\d{2}-\d{2}T/.test(at) &&
    !Number.isNaN(Date.parse(at)) &&
    (id === undefined || /^[0-9a-z]{1,64}$/.test(id))
  ) {
    // A full instant compares as stored (UTC, milliseconds); a cursor is given back as it was.
    return { at: id === undefined ? new Date(at).toISOString() : at, id: id ?? null };
  }
  throw invalid('before', 'must be an ISO-8601 instant or the nextCursor of the previous page');
}

/** Changes what the team records about a person; returns the person's page. */
export async function updatePerson(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  personId: string,
  changes: PersonChanges,
): Promise<PersonDetail> {
  authorize(access.role, 'community.manage');
  return db.transaction().execute(async (trx) => {
    const repo = peopleRepo(trx);
    const row = await livePerson(trx, access.workspaceId, personId);
    if (
      changes.ownerId !== undefined &&
      changes.ownerId !== null &&
      !(await repo.isMember(access.workspaceId, changes.ownerId))
    ) {
      throw invalid('ownerId', 'is not a member of this workspace');
    }
    const set: Updateable<PeopleTable> = { updated_at: isoNow(clock) };
    if (changes.displayName !== undefined) {
      set.display_name = changes.displayName;
    }
    if (changes.stage !== undefined) {
      set.stage = changes.stage;
    }
    if (changes.nextStep !== undefined) {
      set.next_step = changes.nextStep === '' ? null : changes.nextStep;
    }
    if (changes.nextStepDue !== undefined) {
      set.next_step_due = changes.nextStepDue === null ? null : new Date(changes.nextStepDue).toISOString();
    }
    if (changes.tags !== undefined) {
      set.tags = JSON.stringify(
        [...new Set(changes.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))].sort(),
      );
    }
    if (changes.ownerId !== undefined) {
      set.owner_id = changes.ownerId;
    }
    await repo.update(row.id, set);
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'person.updated',
      target: { type: 'person', id: row.id },
      // Which fields changed, and the stage (a workflow fact); never the texts themselves.
      details: {
        fields: Object.keys(changes).sort(),
        ...(changes.stage !== undefined ? { stage: changes.stage } : {}),
      },
    });
    return detailOf(trx, (await repo.find(access.workspaceId, row.id))!);
  });
}

export async function addNote(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  personId: string,
  text: string,
): Promise<NoteView> {
  authorize(access.role, 'community.manage');
  return db.transaction().execute(async (trx) => {
    const person = await livePerson(trx, access.workspaceId, personId);
    const id = newId(clock.now().getTime());
    await peopleRepo(trx).insertNote({
      id,
      workspace_id: access.workspaceId,
      person_id: person.id,
      author_id: access.userId,
      text,
      created_at: isoNow(clock),
    });
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'person.note_added',
      target: { type: 'person', id: person.id },
      details: { noteId: id },
    });
    return presentNote((await peopleRepo(trx).note(id))!);
  });
}

export async function deleteNote(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  personId: string,
  noteId: string,
): Promise<void> {
  authorize(access.role, 'community.manage');
  await db.transaction().execute(async (trx) => {
    const person = await livePerson(trx, access.workspaceId, personId);
    if (!(await peopleRepo(trx).deleteNote(person.id, noteId))) {
      throw notFound('Note');
    }
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'person.note_deleted',
      target: { type: 'person', id: person.id },
      details: { noteId },
    });
  });
}

/** The pipeline board: each stage from identified to ambassador, next steps due soonest first. */
export async function pipeline(
  db: Kysely<Database>,
  access: WorkspaceAccess,
): Promise<{ stages: { stage: RelationshipStage; people: PersonSummary[] }[] }> {
  authorize(access.role, 'community.read');
  const stages: { stage: RelationshipStage; people: PersonSummary[] }[] = [];
  for (const stage of PIPELINE_STAGES) {
    stages.push({
      stage,
      people: await presentPeople(
        db,
        await peopleRepo(db).atStage(access.workspaceId, stage, PIPELINE_PER_STAGE),
      ),
    });
  }
  return { stages };
}
