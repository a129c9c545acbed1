import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

interface FailedJobRow {
  id: string;
  name: string;
  data: { payload?: unknown } | null;
  retry_count: number;
  output: unknown;
  completed_on: Date;
}

/** What pg-boss accepts as `db` to run a command on a connection of ours (here: inside a transaction). */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** SQL that reads pg-boss's own tables (schema `schema`), for what its API does not offer. */
export function pgBossRepo(db: Kysely<Database>, schema: string) {
  const table = (name: 'job' | 'archive') => sql.table(`${schema}.${name}`);

  return {
    /** Serialises, until the transaction ends, every enqueue of this task with this singleton key. */
    lockSingleton: async (queue: string, key: string): Promise<void> => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`hearth.jobs.singleton|${queue}|${key}`}, 0))`.execute(
        db,
      );
    },

    /** Whether a job of this queue with this key is created, retrying or active. */
    hasLiveJob: async (queue: string, key: string): Promise<boolean> => {
      const { rows } = await sql<{ found: number }>`
        select 1 as found from ${table('job')}
        where name = ${queue} and singleton_key = ${key} and state < 'completed'
        limit 1`.execute(db);
      return rows.length > 0;
    },

    /** Lets pg-boss's `send` run on this repository's connection (and so inside its transaction). */
    asBossDb: (): BossDb => ({
      executeSql: async (text, values = []) => ({
        rows: (await db.executeQuery(CompiledQuery.raw(text, values))).rows,
      }),
    }),

    /** Failed jobs of our queues (not pg-boss's internal ones), still live or archived, newest first. */
    deadLetters: async (limit: number): Promise<FailedJobRow[]> => {
      const columns = sql`id::text as id, name, data, retry_count, output, completed_on`;
      const { rows } = await sql<FailedJobRow>`
        select ${columns} from ${table('job')}
        where state = 'failed' and position('__pgboss__' in name) <> 1
        union all
        select ${columns} from ${table('archive')}
        where state = 'failed' and position('__pgboss__' in name) <> 1
        order by completed_on desc, id desc
        limit ${limit}`.execute(db);
      return rows;
    },
  };
}
