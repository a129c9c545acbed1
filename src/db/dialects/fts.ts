/**
 * Full-text search, the one place where SQLite and PostgreSQL really differ. A table that wants a
 * full-text index keeps its searchable words in one text column (folded by the app: lower case, no
 * accents, words joined by spaces — `listening/query/text-tokens.ts` `searchText()`), and an integer
 * sequence column; this module builds the index over that column and the condition that searches it:
 *
 *   SQLite      an FTS5 external-content table `<table>_fts(<column>)` whose rowid is the sequence
 *               column (an INTEGER PRIMARY KEY, so VACUUM never renumbers it), kept in step by three
 *               triggers; searched with `seq IN (SELECT rowid FROM <table>_fts WHERE … MATCH ?)`.
 *   PostgreSQL  a stored generated column `search_vector tsvector` = to_tsvector('simple', <column>)
 *               with a GIN index; searched with `search_vector @@ to_tsquery('simple', ?)`.
 *
 * Both sides index the same already-folded words with no stemmer, so "équipe" and "equipe" are one
 * word everywhere and prefixes work; PostgreSQL needs neither `unaccent` (not immutable, and an
 * extension the database user may not be allowed to create) nor a language configuration.
 *
 * The one migration set stays free of dialect `if`s: a migration calls these helpers, which branch
 * here (see `dialectOf`).
 */
import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import type { DialectName } from '../database.js';

/** The dialect a Kysely instance (or a migration's `db`) speaks. */
export function dialectOf<T>(db: Kysely<T>): DialectName {
  // The adapter is the dialect's own object: the only dialect-neutral way to tell them apart.
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A table's full-text index: which column holds the folded words, which integer column keys rows. */
export interface FullTextSpec {
  table: string;
  /** The text column of folded words (searchText()). */
  column: string;
  /** An integer column unique per row (SQLite: the INTEGER PRIMARY KEY). */
  sequence: string;
}

/** What to search for: the same query in each full-text language (values to bind, never SQL). */
export interface FullTextQuery {
  /** An FTS5 MATCH expression. */
  fts5: string;
  /** A `to_tsquery('simple', …)` expression. */
  tsquery: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checkSpec(spec: FullTextSpec): void {
  for (const name of [spec.table, spec.column, spec.sequence]) {
    if (!IDENTIFIER.test(name)) {
      throw new Error(`Invalid identifier for a full-text index: ${name}`);
    }
  }
}

/**
 * The type and definition of a sequence column that keys a full-text index: SQLite's INTEGER
 * PRIMARY KEY (the rowid itself, assigned on insert), PostgreSQL's bigint identity primary key.
 * On PostgreSQL the value reads back as a string (bigint): read it with `toNumber`.
 */
export function sequenceColumn(db: Kysely<unknown>): {
  type: 'integer' | 'bigint';
  build: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
} {
  return dialectOf(db) === 'postgres'
    ? { type: 'bigint', build: (column) => column.generatedAlwaysAsIdentity().primaryKey() }
    : { type: 'integer', build: (column) => column.primaryKey() };
}

/** Creates the full-text index of `spec` (after the table). */
export async function createFullTextIndex(db: Kysely<unknown>, spec: FullTextSpec): Promise<void> {
  checkSpec(spec);
  const table = sql.id(spec.table);
  const column = sql.id(spec.column);
  const sequence = sql.id(spec.sequence);
  if (dialectOf(db) === 'postgres') {
    await sql`alter table ${table} add column search_vector tsvector generated always as (to_tsvector('simple'::regconfig, ${column})) stored`.execute(
      db,
    );
    await sql`create index ${sql.id(`${spec.table}_search_idx`)} on ${table} using gin (search_vector)`.execute(
      db,
    );
    return;
  }
  const fts = sql.id(`${spec.table}_fts`);
  // Identifiers inside the FTS5 options are string literals: checked above, so safe to inline.
  await sql`create virtual table ${fts} using fts5(${column}, content=${sql.lit(spec.table)}, content_rowid=${sql.lit(spec.sequence)}, tokenize='unicode61 remove_diacritics 2')`.execute(
    db,
  );
  await sql`create trigger ${sql.id(`${spec.table}_fts_insert`)} after insert on ${table} begin
    insert into ${fts}(rowid, ${column}) values (new.${sequence}, new.${column});
  end`.execute(db);
  await sql`create trigger ${sql.id(`${spec.table}_fts_delete`)} after delete on ${table} begin
    insert into ${fts}(${fts}, rowid, ${column}) values ('delete', old.${sequence}, old.${column});
  end`.execute(db);
  // Only when the words change: updating counts on a row must not rewrite its index entry.
  await sql`create trigger ${sql.id(`${spec.table}_fts_update`)} after update of ${column} on ${table} begin
    insert into ${fts}(${fts}, rowid, ${column}) values ('delete', old.${sequence}, old.${column});
    insert into ${fts}(rowid, ${column}) values (new.${sequence}, new.${column});
  end`.execute(db);
}

/** Drops what `createFullTextIndex` made (before the table). */
export async function dropFullTextIndex(db: Kysely<unknown>, spec: FullTextSpec): Promise<void> {
  checkSpec(spec);
  if (dialectOf(db) === 'postgres') {
    await sql`drop index if exists ${sql.id(`${spec.table}_search_idx`)}`.execute(db);
    await sql`alter table ${sql.id(spec.table)} drop column if exists search_vector`.execute(db);
    return;
  }
  for (const suffix of ['insert', 'delete', 'update']) {
    await sql`drop trigger if exists ${sql.id(`${spec.table}_fts_${suffix}`)}`.execute(db);
  }
  await sql`drop table if exists ${sql.id(`${spec.table}_fts`)}`.execute(db);
}

/** One query meaning "every one of these" (each must match). */
export function allOfFullText(queries: readonly FullTextQuery[]): FullTextQuery {
  if (queries.length === 1) {
    return queries[0] as FullTextQuery;
  }
  return {
    fts5: queries.map((q) => `(${q.fts5})`).join(' AND '),
    tsquery: queries.map((q) => `(${q.tsquery})`).join(' & '),
  };
}

/**
 * Whether `query` matches at most `few` rows of the whole table, so that the search should be driven
 * by the full-text index (its matches looked up by row key, then sorted) rather than by the table's
 * own index in sort order (each row tested against the matches: fast when matches are many, a walk
 * of the whole table when they are few). SQLite's planner, without statistics, always takes the
 * latter; counting up to `few` matches in the FTS index alone costs well under a millisecond.
 * PostgreSQL's planner chooses by itself from its statistics: always false there.
 */
export async function fullTextIsSelective<T>(
  db: Kysely<T>,
  spec: FullTextSpec,
  query: FullTextQuery,
  few = 1_000,
): Promise<boolean> {
  checkSpec(spec);
  if (dialectOf(db) === 'postgres') {
    return false;
  }
  const fts = sql.id(`${spec.table}_fts`);
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from (select rowid from ${fts} where ${fts} match ${query.fts5} limit ${few + 1})`.execute(
    db,
  );
  return (rows[0]?.n ?? 0) <= few;
}

/**
 * A column the planner must not use an index for (SQLite: `+column`), so that a selective full-text
 * condition drives the query (see fullTextIsSelective). The column itself elsewhere.
 */
export function withoutIndex(dialect: DialectName, column: string): RawBuilder<unknown> {
  return dialect === 'sqlite' ? sql`+${sql.ref(column)}` : sql`${sql.ref(column)}`;
}

/**
 * The WHERE condition "this row's words match `query`", for a query over `spec.table` (qualified by
 * `alias` when the query names the table differently).
 */
export function fullTextCondition(
  dialect: DialectName,
  spec: FullTextSpec,
  query: FullTextQuery,
  alias = spec.table,
): RawBuilder<SqlBool> {
  checkSpec(spec);
  if (dialect === 'postgres') {
    return sql<SqlBool>`${sql.ref(`${alias}.search_vector`)} @@ to_tsquery('simple'::regconfig, ${query.tsquery})`;
  }
  const fts = sql.id(`${spec.table}_fts`);
  return sql<SqlBool>`${sql.ref(`${alias}.${spec.sequence}`)} in (select rowid from ${fts} where ${fts} match ${query.fts5})`;
}

/**
 * "This row is among the newest `limit` rows whose words match `query`" (SQLite: the full-text index
 * read backwards by row key, which FTS5 does without sorting), for searches whose matches are too many
 * to gather whole. PostgreSQL plans the full condition well by itself: there it is `fullTextCondition`.
 */
export function fullTextNewestCondition(
  dialect: DialectName,
  spec: FullTextSpec,
  query: FullTextQuery,
  limit: number,
  alias = spec.table,
): RawBuilder<SqlBool> {
  checkSpec(spec);
  if (dialect === 'postgres') {
    return fullTextCondition(dialect, spec, query, alias);
  }
  const fts = sql.id(`${spec.table}_fts`);
  return sql<SqlBool>`${sql.ref(`${alias}.${spec.sequence}`)} in (select rowid from ${fts} where ${fts} match ${query.fts5} order by rowid desc limit ${limit})`;
}
