import { sql } from 'kysely';
import type { DatabaseTarget } from '../core/config.js';
import { openDatabase, type Db, type OpenOptions } from './database.js';
import { migrateToLatest, type MigrationReport } from './migrator.js';

/** Opens the database, creates the PostgreSQL schema if one was asked for, and migrates to latest. */
export async function openMigratedDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<{ db: Db; migrations: MigrationReport }> {
  const db = openDatabase(target, options);
  try {
    if (db.postgresSchema) {
      await sql`create schema if not exists ${sql.id(db.postgresSchema)}`.execute(db.kysely);
    }
    const migrations = await migrateToLatest(db.kysely, db.postgresSchema);
    return { db, migrations };
  } catch (error) {
    await db.close();
    throw error;
  }
}
