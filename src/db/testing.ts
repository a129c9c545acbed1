/**
 * Test helpers for the medium tier: every repository test runs on SQLite AND on the PostgreSQL of
 * this machine (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), each run in a
 * fresh schema that is dropped afterwards. Without PostgreSQL the PostgreSQL half is skipped locally
 * with a warning, and FAILS when CI=true.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Db, DialectName } from './database.js';
import { openMigratedDatabase } from './open.js';

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends Db {
  /** Closes and deletes the database (SQLite file or PostgreSQL schema). */
  drop(): Promise<void>;
}

let postgresReachable: Promise<boolean> | undefined;

export function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return postgresReachable;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-test-'));
    const { db } = await openMigratedDatabase({ kind: 'sqlite', path: join(dir, 'test.db') });
    return {
      ...db,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!(await isPostgresReachable())) {
    throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL}: start it (see README) to run these tests`);
  }
  const schema = `hearth_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const { db } = await openMigratedDatabase({ kind: 'postgres', url: TEST_POSTGRES_URL }, { schema, poolSize: 5 });
  return {
    ...db,
    drop: async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db.kysely);
      await db.close();
    },
  };
}

/** The dialects this run covers: both, unless PostgreSQL is down outside CI. */
async function dialectsToRun(): Promise<DialectName[]> {
  if (await isPostgresReachable()) {
    return ['sqlite', 'postgres'];
  }
  if (process.env.CI === 'true') {
    return ['sqlite', 'postgres']; // createTestDatabase will throw: PostgreSQL tests fail in CI.
  }
  console.warn(`PostgreSQL unreachable at ${TEST_POSTGRES_URL}: PostgreSQL tests skipped (they fail in CI)`);
  return ['sqlite'];
}

const runnable = await dialectsToRun();

/**
 * Declares `body` once per database. `use()` returns the database of the current block, fresh for
 * the block (created in beforeAll, dropped in afterAll).
 */
export function describeEachDatabase(name: string, body: (use: () => TestDatabase, dialect: DialectName) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const run = runnable.includes(dialect) ? describe : describe.skip;
    run(`${name} [${dialect}]`, () => {
      let db: TestDatabase | undefined;
      beforeAll(async () => {
        db = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await db?.drop();
      });
      body(() => {
        if (!db) {
          throw new Error('Test database not created');
        }
        return db;
      }, dialect);
    });
  }
}
