import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../db/database.js';
import { createTestDatabase, isPostgresReachable, TEST_POSTGRES_URL } from '../db/testing.js';
import { createJobQueue } from './create-queue.js';
import { runJobQueueContract } from './queue.contract.js';

// Medium tier: the PostgreSQL of this machine, pg-boss in a schema of its own per run (dropped after).
// pg-boss reads PostgreSQL's clock for run times and retries, so passTime() really waits; pg-boss
// counts retry delays in whole seconds, which makes this file take seconds, not milliseconds.
const reachable = await isPostgresReachable();
const skipReason =
  reachable || process.env.CI === 'true'
    ? undefined
    : `PostgreSQL unreachable at ${TEST_POSTGRES_URL} (these tests fail in CI)`;

runJobQueueContract(
  'pg-boss (PostgreSQL)',
  async () => {
    const db = await createTestDatabase('postgres');
    const bossSchema = `${db.postgresSchema}_boss`;
    const connections: Db[] = [];
    return {
      createQueue: (logger) => {
        const own = openDatabase(
          { kind: 'postgres', url: TEST_POSTGRES_URL },
          { schema: db.postgresSchema, poolSize: 2 },
        );
        connections.push(own);
        return Promise.resolve(createJobQueue(own, { logger, pollIntervalMs: 100, bossSchema }));
      },
      now: () => Date.now(),
      passTime: (ms) => sleep(ms),
      close: async () => {
        await Promise.all(connections.map((connection) => connection.close()));
        await sql`drop schema if exists ${sql.id(bossSchema)} cascade`.execute(db.kysely);
        await db.drop();
      },
    };
  },
  { skipReason },
);
