import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../core/config.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the Kysely instance, which dialect it speaks, and how to close it. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** The PostgreSQL connection string (pg-boss opens its own pool), when on PostgreSQL. */
  postgresUrl?: string;
  /** The PostgreSQL schema Hearth's tables live in (tests use a fresh one per run). */
  postgresSchema?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (created if missing) instead of `public`. */
  schema?: string;
  poolSize?: number;
}

export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Db {
  return target.kind === 'sqlite' ? openSqlite(target.path) : openPostgres(target.url, options);
}

function openSqlite(path: string): Db {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
  }
  const database = new BetterSqlite3(path);
  // WAL lets readers (and `hearth backup`) run beside the writer; NORMAL is durable across app crashes.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

function openPostgres(url: string, options: OpenOptions): Db {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`Invalid PostgreSQL schema name "${schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    postgresUrl: url,
    ...(schema ? { postgresSchema: schema } : {}),
    close: () => kysely.destroy(),
  };
}
