/** People as the merge queue shows them: the CRM's PersonSummary (people.presenter.ts), by id. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { presentPeople, type PersonSummary } from '../people.presenter.js';
import { mergesRepo } from './merges.repo.js';

/** The people with these ids, presented, by id (two queries for all). */
export async function presentPeopleById(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, PersonSummary>> {
  const rows = await mergesRepo(db).peopleByIds([...new Set(ids)]);
  return new Map((await presentPeople(db, rows)).map((person) => [person.id, person]));
}
