/**
 * Bulk statements for the hot path of recording activities (thousands of rows a second): the SQL
 * text is built directly — names come from this code, values are always bound parameters — because
 * building hundreds of rows through the query builder costs more than running them. The same text
 * runs on both databases; only the placeholders differ (`?` on SQLite, `$n` on PostgreSQL).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { dialectOf } from '../db/dialects/fts.js';
import type { Database } from '../db/schema.js';

/** Runs `text` (with `?` placeholders) with `parameters`; returns the rows it returned. */
export async function runSql<R>(
  db: Kysely<Database>,
  text: string,
  parameters: readonly unknown[],
): Promise<R[]> {
  let n = 0;
  const statement = dialectOf(db) === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text;
  return (await db.executeQuery<R>(CompiledQuery.raw(statement, [...parameters]))).rows;
}

const NAME = /^[a-z_][a-z0-9_]*$/;

function checkNames(names: readonly string[]): void {
  for (const name of names) {
    if (!NAME.test(name)) {
      throw new Error(`Not a plain SQL name: ${name}`);
    }
  }
}

/**
 * `INSERT INTO table (columns) VALUES (…), (…) [ON CONFLICT (keys) DO NOTHING] [RETURNING r]`.
 * Columns left out take their defaults.
 */
export async function insertMany<R = never>(
  db: Kysely<Database>,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: { ignoreConflictOn?: readonly string[]; returning?: readonly string[] } = {},
): Promise<R[]> {
  checkNames([table, ...columns, ...(options.ignoreConflictOn ?? []), ...(options.returning ?? [])]);
  if (rows.length === 0) {
    return [];
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const text =
    `insert into ${table} (${columns.join(', ')}) values ${rows.map(() => tuple).join(', ')}` +
    (options.ignoreConflictOn ? ` on conflict (${options.ignoreConflictOn.join(', ')}) do nothing` : '') +
    (options.returning ? ` returning ${options.returning.join(', ')}` : '');
  return runSql<R>(db, text, rows.flat());
}

/**
 * `WITH v(columns) AS (VALUES …) UPDATE table SET assignments FROM v WHERE table.id = v.id`: one
 * statement updates many rows, each with its own values. `types` casts each column of `v` (PostgreSQL
 * types a VALUES list from its parameters). `assignments` reads `v.<column>` and the row's columns.
 */
export async function updateFromValues(
  db: Kysely<Database>,
  table: string,
  columns: readonly { name: string; type: 'text' | 'integer' }[],
  rows: readonly (readonly unknown[])[],
  assignments: string,
  extra: readonly unknown[] = [],
): Promise<void> {
  checkNames([table, ...columns.map((column) => column.name)]);
  if (rows.length === 0) {
    return;
  }
  const tuple = `(${columns.map((column) => `cast(? as ${column.type})`).join(', ')})`;
  const text =
    `with v (${columns.map((column) => column.name).join(', ')}) as (values ${rows.map(() => tuple).join(', ')}) ` +
    `update ${table} set ${assignments} from v where ${table}.id = v.id`;
  await runSql(db, text, [...rows.flat(), ...extra]);
}
