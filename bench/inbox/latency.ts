/**
 * npm run bench:inbox-latency [-- --mentions N --rate PER_SECOND]
 * From a mention written on the network to the conversation visible through the API. Runs what
 * `hearth demo` runs — a real local Bluesky network (PLC + PDS), Hearth serving with its job queue
 * (the Bluesky source reading the event stream in claimed windows), the demo workspace with its brand
 * account connected — then has the community write N mentions (default 100, at 2 per second) and
 * polls GET /api/v1/workspaces/:id/inbox/conversations (with an API token) every 50 ms. Goal: p99 ≤ 2 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServer } from '../../src/cli/commands/serve.js';
import { openHearth } from '../../src/container.js';
import { loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { startDemoNetwork } from '../../src/demo/demo-network.js';
import { seedDemo } from '../../src/demo/seed.js';
import { createApiToken } from '../../src/workspaces/api-tokens.service.js';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const MENTIONS = argument('--mentions', 100);
const RATE = argument('--rate', 2);

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-inbox-latency-'));
  const config = loadConfig({ data: join(dir, 'data'), port: 0, host: '127.0.0.1', allowPrivateNetworks: true }, { ...process.env, DATABASE_URL: '' });
  const hearth = await openHearth(config, createLogger({ level: 'warn' }));
  const network = await startDemoNetwork({ dir: join(dir, 'network') });
  try {
    const seed = await seedDemo(hearth, network);
    const server = await startServer(hearth, { worker: true });
    const owner = await hearth.db.kysely.selectFrom('users').select('id').where('email', '=', seed.email).executeTakeFirstOrThrow();
    const { secret } = await createApiToken(hearth.db.kysely, hearth.clock, { workspaceId: seed.workspace.id, userId: owner.id, role: 'owner' }, 'bench');
    const list = `${server.url}/api/v1/workspaces/${seed.workspace.id}/inbox/conversations?sort=newest&limit=100`;
    const written = new Map<string, number>();
    const seen = new Map<string, number>();
    let writing = true;

    const poller = (async () => {
      while (writing || seen.size < written.size) {
        const response = await fetch(list, { headers: { authorization: `Bearer ${secret}` } });
        const body = (await response.json()) as { items: { subject: string }[] };
        const now = performance.now();
        for (const { subject } of body.items) {
          const tag = /bench(\d+)/.exec(subject)?.[0];
          if (tag && written.has(tag) && !seen.has(tag)) {
            seen.set(tag, now);
          }
        }
        if (!writing && performance.now() - (Math.max(...written.values()) || 0) > 30_000) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    // Let the first window start (the source reads from the beginning of the stream).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    process.stderr.write(`writing ${MENTIONS} mentions at ${RATE}/s…\n`);
    for (let n = 0; n < MENTIONS; n++) {
      const by = seed.community[n % seed.community.length]!;
      const tag = `bench${n}`;
      const started = performance.now();
      written.set(tag, started);
      await network.post(by, `@${seed.brand.handle} question ${tag}: do you ship to Belgium?`, 'en');
      const wait = 1000 / RATE - (performance.now() - started);
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
    writing = false;
    await poller;
    const delays = [...written].filter(([tag]) => seen.has(tag)).map(([tag, at]) => (seen.get(tag) ?? at) - at).sort((a, b) => a - b);
    console.log(`\nMention written on the local Bluesky network → conversation listed by the API (${MENTIONS} mentions at ${RATE}/s; goal p99 ≤ 2 s)`);
    console.log(`  seen ${delays.length} / ${MENTIONS}`);
    console.log(`  p50 ${(percentile(delays, 50) / 1000).toFixed(2)} s   p95 ${(percentile(delays, 95) / 1000).toFixed(2)} s   p99 ${(percentile(delays, 99) / 1000).toFixed(2)} s   max ${(percentile(delays, 100) / 1000).toFixed(2)} s`);
    await server.close();
  } finally {
    await hearth.close();
    await network.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
