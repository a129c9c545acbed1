import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index.js';

/**
 * `schema`: the PostgreSQL schema Hearth lives in, when not the default. Kysely otherwise looks for
 * its migration tables in every schema of the database and can find another schema's (parallel test
 * runs, two installations side by side), skip creating its own, then fail.
 */
function migrator<T>(db: Kysely<T>, schema?: string): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) }, ...(schema ? { migrationTableSchema: schema } : {}) });
}

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date; throws with the failing migration's name if one fails. */
export async function migrateToLatest<T>(db: Kysely<T>, schema?: string): Promise<MigrationReport> {
  const result: MigrationResultSet = await migrator(db, schema).migrateToLatest();
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`Migration ${failed} failed: ${reason}`, { cause: result.error });
  }
  return { applied };
}

/** Names of migrations known to the code but not applied to the database. */
export async function pendingMigrations<T>(db: Kysely<T>, schema?: string): Promise<string[]> {
  const all = await migrator(db, schema).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
