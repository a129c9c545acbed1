/**
 * npm run bench:publish [-- --posts 1000 --accounts 12 --concurrency 8,16,32 --pds process|inline]
 *
 * A burst of posts all due at the same instant (users schedule at round minutes), published by
 * Hearth's real job queue in this process (openHearth on a fresh SQLite data folder, the embedded
 * queue, the real publish service and Bluesky connector) to a REAL local Bluesky network (PLC + PDS
 * from @atproto/dev-env) in a process of its own (`--pds inline`: in this process). First a baseline:
 * the same posts written straight to the PDS by signed-in agents, as many at once as the largest
 * concurrency — the most the PDS can take here. Then one round per concurrency value, each with a
 * fresh Hearth and fresh accounts. Prints, per round:
 * - lateness: published_at of each target (the record's createdAt, taken just before the create)
 *   minus its publish time, p50 / p90 / p99 / max (goal: p99 ≤ 5 s for 1,000 posts);
 * - throughput: posts per second from the publish time to the last post;
 * - duplicates: records on the PDS that are not exactly one per post (must be 0), and failures.
 * The guardrails gate is replaced by a pass (this measures publishing, not checking); posts are
 * spread over several accounts because the local PDS writes ~100 posts/s per account at best.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../../test/bluesky-network.js';
import { startBlueskyNetworkProcess } from './pds-process.js';
import { openHearth, type Hearth } from '../../src/container.js';
import { loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { connectAccount } from '../../src/publishing/accounts.service.js';
import { createDraft } from '../../src/publishing/posts.service.js';
import type { PostGate, PublishingDeps } from '../../src/publishing/publishing.deps.js';
import { schedulePost } from '../../src/publishing/workflow.service.js';
import { runSetup } from '../../src/workspaces/setup.service.js';
import type { WorkspaceAccess } from '../../src/workspaces/workspaces.service.js';

interface Flags {
  posts: number;
  accounts: number;
  concurrency: number[];
  /** Seconds between the end of scheduling and the publish time. */
  leadSeconds: number;
  /** Give up waiting this long after the publish time. */
  timeoutSeconds: number;
  /** Where the PDS runs: its own process (as in production, elsewhere) or this one. */
  pds: 'process' | 'inline';
  baseline: boolean;
}

function parseFlags(argv: string[]): Flags {
  const value = (name: string, fallback: string): string => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
  };
  const whole = (name: string, fallback: string): number => {
    const n = Number(value(name, fallback));
    if (!Number.isInteger(n) || n < 1) {
      console.error(`--${name} must be a whole number ≥ 1`);
      process.exit(2);
    }
    return n;
  };
  const concurrency = value('concurrency', '8,16,32').split(',').map(Number);
  if (concurrency.some((n) => !Number.isInteger(n) || n < 1 || n > 64)) {
    console.error('--concurrency takes whole numbers from 1 to 64, comma-separated');
    process.exit(2);
  }
  return {
    posts: whole('posts', '1000'),
    accounts: whole('accounts', '12'),
    concurrency,
    leadSeconds: whole('lead', '3'),
    timeoutSeconds: whole('timeout', '300'),
    pds: value('pds', 'process') === 'inline' ? 'inline' : 'process',
    baseline: !argv.includes('--no-baseline'),
  };
}

const passGate: PostGate = () => Promise.resolve({ verdict: 'pass', score: 100, language: 'en', findings: [] });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

interface RoundResult {
  concurrency: number;
  published: number;
  failed: number;
  unfinished: number;
  lateness: { p50: number; p90: number; p99: number; max: number };
  postsPerSecond: number;
  drainMs: number;
  records: number;
  duplicates: number;
  missing: number;
  retried: number;
  schedulingMs: number;
  /** Publish jobs the queue ran (the sweep re-dispatches what is due and not yet claimed). */
  jobs: number;
}

async function countRecords(accounts: readonly TestAccount[]): Promise<Map<string, number>> {
  const byText = new Map<string, number>();
  for (const account of accounts) {
    let cursor: string | undefined;
    do {
      const { data } = await account.agent.com.atproto.repo.listRecords({ repo: account.did, collection: 'app.bsky.feed.post', limit: 100, ...(cursor ? { cursor } : {}) });
      for (const record of data.records) {
        const text = String((record.value as { text?: unknown }).text);
        byText.set(text, (byText.get(text) ?? 0) + 1);
      }
      cursor = data.records.length > 0 ? data.cursor : undefined;
    } while (cursor);
  }
  return byText;
}

/** Runs `count` tasks, `concurrency` at a time. */
async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < count; index = next++) {
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** The PDS's own ceiling here: the same number of posts written straight by signed-in agents. */
async function baseline(network: BlueskyTestNetwork, flags: Flags, concurrency: number): Promise<number> {
  const accounts: TestAccount[] = [];
  for (let i = 0; i < flags.accounts; i += 1) {
    accounts.push(await network.createAccount());
  }
  const started = Date.now();
  await pool(flags.posts, concurrency, async (i) => {
    await accounts[i % accounts.length]!.agent.post({ text: `Baseline post ${i + 1} of ${flags.posts}.` });
  });
  return flags.posts / ((Date.now() - started) / 1000);
}

async function round(network: BlueskyTestNetwork, flags: Flags, concurrency: number, index: number): Promise<RoundResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-publish-'));
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
  let hearth: Hearth | undefined;
  try {
    hearth = await openHearth(loadConfig({ data: dataDir, allowPrivateNetworks: true }, {}), logger);
    const { user, workspace } = await runSetup(hearth.db.kysely, hearth.clock, {
      owner: { email: 'bench@brand.test', name: 'Bench', password: 'a bench password' },
      workspace: { name: 'Bench', timeZone: 'UTC', languages: ['en'] },
    });
    const access: WorkspaceAccess = { workspaceId: workspace.id, userId: user.id, role: 'owner' };
    const deps: PublishingDeps = { ...hearth.publishing, gate: passGate };

    const accounts: TestAccount[] = [];
    const accountIds: string[] = [];
    for (let i = 0; i < flags.accounts; i += 1) {
      const account = await network.createAccount();
      accounts.push(account);
      const connected = await connectAccount(deps, access, 'bluesky', { handle: account.handle, appPassword: account.appPassword, service: network.service });
      accountIds.push(connected.id);
    }

    // Drafts first, then every post scheduled for one instant a few seconds after scheduling ends.
    const drafts: string[] = [];
    for (let i = 0; i < flags.posts; i += 1) {
      const text = `Bench round ${index + 1}: post ${i + 1} of ${flags.posts}.`;
      drafts.push((await createDraft(deps, access, { text, accountIds: [accountIds[i % accountIds.length]!] })).id);
    }
    const estimate = Date.now();
    await schedulePost(deps, access, drafts[0]!, { publishAt: new Date(estimate + 60_000).toISOString() });
    const perPost = Date.now() - estimate;
    const publishAt = new Date(Math.ceil((Date.now() + perPost * flags.posts * 1.5 + flags.leadSeconds * 1000) / 1000) * 1000);
    const scheduling = Date.now();
    for (const id of drafts) {
      await schedulePost(deps, access, id, { publishAt: publishAt.toISOString() });
    }
    const schedulingMs = Date.now() - scheduling;
    if (Date.now() >= publishAt.getTime()) {
      console.warn(`  scheduling ended ${seconds(Date.now() - publishAt.getTime())} after the publish time: lateness is overstated`);
    }

    await hearth.installSchedules();
    await hearth.queue.start({ concurrency });

    const db = hearth.db.kysely;
    const deadline = publishAt.getTime() + flags.timeoutSeconds * 1000;
    for (;;) {
      const open = await db.selectFrom('post_targets').select((eb) => eb.fn.countAll().as('n')).where('status', 'in', ['pending', 'scheduled', 'publishing']).executeTakeFirst();
      if (Number(open?.n ?? 0) === 0 || Date.now() > deadline) {
        break;
      }
      await sleep(200);
    }
    await hearth.queue.stop({ timeoutMs: 10_000 });

    const jobs = await db.selectFrom('jobs').select((eb) => eb.fn.countAll().as('n')).where('task', '=', 'publishing.publish-target').executeTakeFirst();
    const targets = await db.selectFrom('post_targets').select(['status', 'publish_at', 'published_at', 'attempts', 'published_text']).execute();
    const published = targets.filter((t) => t.status === 'published' && t.published_at !== null);
    const lateness = published.map((t) => Date.parse(t.published_at!) - Date.parse(t.publish_at!)).sort((a, b) => a - b);
    const last = Math.max(...published.map((t) => Date.parse(t.published_at!)));
    const drainMs = last - publishAt.getTime();

    const records = await countRecords(accounts);
    let total = 0;
    let duplicates = 0;
    for (const count of records.values()) {
      total += count;
      duplicates += count - 1;
    }
    const missing = published.filter((t) => !records.has(t.published_text ?? '')).length;
    return {
      concurrency,
      published: published.length,
      failed: targets.filter((t) => t.status === 'failed' || t.status === 'unconfirmed').length,
      unfinished: targets.filter((t) => t.status === 'scheduled' || t.status === 'publishing').length,
      lateness: { p50: percentile(lateness, 50), p90: percentile(lateness, 90), p99: percentile(lateness, 99), max: lateness.at(-1) ?? Number.NaN },
      postsPerSecond: published.length / Math.max(drainMs / 1000, 0.001),
      drainMs,
      records: total,
      duplicates,
      missing,
      retried: targets.filter((t) => t.attempts > 1).length,
      schedulingMs,
      jobs: Number(jobs?.n ?? 0),
    };
  } finally {
    await hearth?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  console.log(
    `# Hearth publishing benchmark\n\n${flags.posts} posts due at the same instant on ${flags.accounts} Bluesky accounts ` +
      `(local PDS, ${flags.pds === 'process' ? 'its own process' : 'this process'}); embedded queue on SQLite; node ${process.version}, ${availableParallelism()} CPUs\n`,
  );
  const network = flags.pds === 'process' ? await startBlueskyNetworkProcess() : await startBlueskyNetwork();
  const results: RoundResult[] = [];
  try {
    if (flags.baseline) {
      const most = Math.max(...flags.concurrency);
      const ceiling = await baseline(network, flags, most);
      console.log(`baseline: the PDS alone takes ${ceiling.toFixed(1)} posts/s here (${flags.posts} posts by agents, ${most} at once; load average ${loadavg()[0]!.toFixed(1)})`);
    }
    for (const [index, concurrency] of flags.concurrency.entries()) {
      console.log(`round ${index + 1}: concurrency ${concurrency}…`);
      const result = await round(network, flags, concurrency, index);
      results.push(result);
      console.log(
        `  published ${result.published}/${flags.posts} (failed ${result.failed}, unfinished ${result.unfinished}, retried ${result.retried}); ` +
          `lateness p50 ${seconds(result.lateness.p50)}, p90 ${seconds(result.lateness.p90)}, p99 ${seconds(result.lateness.p99)}, max ${seconds(result.lateness.max)}; ` +
          `${result.postsPerSecond.toFixed(1)} posts/s; records ${result.records}, duplicates ${result.duplicates}, missing ${result.missing}; ` +
          `${result.jobs} publish jobs; load average ${loadavg()[0]!.toFixed(1)}`,
      );
    }
  } finally {
    await network.close();
  }
  console.log('\n| concurrency | published | p50 | p99 | max | posts/s | duplicates | failed | publish jobs |\n|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.concurrency} | ${r.published}/${flags.posts} | ${seconds(r.lateness.p50)} | ${seconds(r.lateness.p99)} | ${seconds(r.lateness.max)} | ${r.postsPerSecond.toFixed(1)} | ${r.duplicates} | ${r.failed} | ${r.jobs} |`,
    );
  }
  const bad = results.filter((r) => r.duplicates > 0 || r.missing > 0 || r.failed > 0 || r.unfinished > 0);
  if (bad.length > 0) {
    console.error('\nFAILED: duplicates, missing records, failures or unfinished posts (see above)');
    process.exitCode = 1;
  }
}

await main();
