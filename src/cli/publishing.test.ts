/**
 * Medium tier: `hearth account` and `hearth post`, in-process (runCli), on SQLite, against a REAL local
 * Bluesky network (PLC + PDS from @atproto/dev-env) and the in-repo fake Mastodon (real HTTP). The
 * posts the CLI schedules are published by the real job queue, as `hearth worker` runs it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AtpAgent } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../test/cli-harness.js';
import {
  startBlueskyNetwork,
  type BlueskyTestNetwork,
  type TestAccount,
} from '../../test/bluesky-network.js';
import { startFakeMastodon, type FakeMastodon } from '../../test/fake-mastodon/index.js';
import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { openHearth } from '../container.js';
import type { ConnectedAccount } from '../publishing/accounts.service.js';
import type { Post } from '../publishing/posts.presenter.js';

let network: BlueskyTestNetwork;
let mastodon: FakeMastodon;
let brand: TestAccount;
let data: string;

/** Runs `hearth ...args --data <data>` with `stdin` as standard input. */
async function hearth(args: string[], stdin = ''): Promise<CliRun> {
  const original = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(stdin)]), configurable: true });
  try {
    return await runCli(...args, '--data', data);
  } finally {
    Object.defineProperty(process, 'stdin', original);
  }
}

const json = <T>(run: CliRun): T => {
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as T;
};

const connectBluesky = (appPassword: string, extra: string[] = []): Promise<CliRun> =>
  hearth(
    [
      'account',
      'connect',
      'bluesky',
      '--workspace',
      'Brand',
      '--handle',
      brand.handle,
      '--service',
      network.service,
      '--app-password-stdin',
      ...extra,
    ],
    `${appPassword}\n`,
  );

async function recordsOf(account: TestAccount): Promise<string[]> {
  const agent = new AtpAgent({ service: network.service });
  const { data: page } = await agent.com.atproto.repo.listRecords({
    repo: account.did,
    collection: 'app.bsky.feed.post',
    limit: 100,
  });
  return page.records.map((record) => (record.value as { text: string }).text);
}

/** Runs the job queue of this data folder, as `hearth worker` would, until `done` holds. */
async function runWorkerUntil(done: () => Promise<boolean>): Promise<void> {
  const running = await openHearth(
    loadConfig({ data }),
    createLogger({ level: 'warn', destination: process.stderr }),
  );
  try {
    await running.queue.start({ concurrency: 2 });
    const deadline = Date.now() + 20_000;
    while (!(await done())) {
      if (Date.now() > deadline) {
        throw new Error('the worker did not publish in time');
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await running.close();
  }
}

beforeAll(async () => {
  process.env.HEARTH_ALLOW_PRIVATE_NETWORKS = 'true';
  delete process.env.DATABASE_URL;
  [network, mastodon] = await Promise.all([startBlueskyNetwork(), startFakeMastodon()]);
  brand = await network.createAccount();
  data = mkdtempSync(join(tmpdir(), 'hearth-cli-publishing-'));
  expect((await hearth(['user', 'create', '--email', 'ana@brand.test'])).code).toBe(0);
  expect((await hearth(['user', 'create', '--email', 'eve@other.test'])).code).toBe(0);
  expect((await hearth(['workspace', 'create', 'Brand', '--owner', 'ana@brand.test'])).code).toBe(0);
}, 60_000);

afterAll(async () => {
  delete process.env.HEARTH_ALLOW_PRIVATE_NETWORKS;
  await Promise.all([network?.close(), mastodon?.close()]);
});

describe('hearth account (real local Bluesky, fake Mastodon)', () => {
  it('takes the app password from stdin only, and says what is wrong with bad credentials', async () => {
    const noFlag = await hearth([
      'account',
      'connect',
      'bluesky',
      '--workspace',
      'Brand',
      '--handle',
      brand.handle,
      '--service',
      network.service,
    ]);
    expect(noFlag.code).toBe(1);
    expect(noFlag.err).toMatch(/--app-password-stdin/);

    const malformed = await connectBluesky('my-account-password');
    expect(malformed.code).toBe(1);
    expect(malformed.err).toMatch(/app password \(stdin\): an app password/);

    const refused = await connectBluesky('aaaa-bbbb-cccc-dddd');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Bluesky refused the credentials/);
    expect(refused.err).not.toMatch(/\n\s+at /);

    process.env.HEARTH_ALLOW_PRIVATE_NETWORKS = 'false';
    try {
      const guarded = await connectBluesky(brand.appPassword);
      expect(guarded.code).toBe(1);
      expect(guarded.err).toMatch(/loopback|private/i);
      // The flag lets one command through without changing the environment.
      expect((await connectBluesky(brand.appPassword, ['--allow-private-networks'])).code).toBe(0);
    } finally {
      process.env.HEARTH_ALLOW_PRIVATE_NETWORKS = 'true';
    }
  });

  it('connects Bluesky and Mastodon accounts, reconnects without duplicating, and lists them without secrets', async () => {
    const again = await connectBluesky(brand.appPassword);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(
      new RegExp(
        `^Reconnected to "Brand" as ana@brand\\.test: bluesky account ${brand.handle.replace('.', '\\.')} \\(id \\S+, health ok\\)`,
      ),
    );

    const token = mastodon.tokenFor('maison');
    const connected = json<ConnectedAccount>(
      await hearth(
        [
          'account',
          'connect',
          'mastodon',
          '--workspace',
          'Brand',
          '--instance',
          mastodon.url,
          '--token-stdin',
          '--json',
        ],
        token,
      ),
    );
    expect(connected).toMatchObject({
      network: 'mastodon',
      handle: `maison@${new URL(mastodon.url).host}`,
      health: 'ok',
    });
    const noToken = await hearth(
      ['account', 'connect', 'mastodon', '--workspace', 'Brand', '--instance', mastodon.url, '--token-stdin'],
      '',
    );
    expect(noToken.err).toMatch(/No access token on standard input/);

    const listed = await hearth(['account', 'list', '--workspace', 'Brand', '--json']);
    const accounts = json<ConnectedAccount[]>(listed);
    expect(accounts.map((a) => a.network).sort()).toEqual(['bluesky', 'mastodon']);
    expect(listed.out).not.toContain(brand.appPassword);
    expect(listed.out).not.toContain(token);
    const table = await hearth(['account', 'list', '--workspace', 'Brand']);
    expect(table.out).toMatch(new RegExp(`bluesky\\s+${brand.handle.replace('.', '\\.')}\\s+ok`));
  });

  it('refuses non-members and unknown workspaces', async () => {
    const stranger = await hearth(['account', 'list', '--workspace', 'Brand', '--as', 'eve@other.test']);
    expect(stranger.code).toBe(1);
    expect(stranger.err).toMatch(/eve@other\.test is not a member of "Brand"/);
    expect((await hearth(['account', 'list', '--workspace', 'Nope'])).err).toMatch(/No workspace "Nope"/);
    expect(
      (await hearth(['account', 'list', '--workspace', 'Brand', '--as', 'ghost@brand.test'])).err,
    ).toMatch(/No user ghost@brand\.test/);
  });
});

describe('hearth post', () => {
  it('schedules a post for two networks, which the job queue then publishes exactly once', async () => {
    const text = `Our Lyon workshop opens its doors on Saturday morning. ${Date.now()}`;
    const mastodonHandle = `maison@${new URL(mastodon.url).host}`;
    const created = json<Post>(
      await hearth([
        'post',
        'create',
        '--workspace',
        'Brand',
        '--account',
        `@${brand.handle}`,
        '--account',
        mastodonHandle,
        '--text',
        text,
        '--at',
        'now',
        '--json',
      ]),
    );
    expect(created).toMatchObject({
      status: 'scheduled',
      text,
      check: { verdict: expect.stringMatching(/^(pass|warn)$/) as unknown },
    });
    expect(created.targets.map((t) => t.status)).toEqual(['scheduled', 'scheduled']);
    // The CLI only schedules: nothing is out before a worker runs.
    expect(await recordsOf(brand)).not.toContain(text);

    const status = async (): Promise<string> =>
      json<Post[]>(await hearth(['post', 'list', '--workspace', 'Brand', '--json'])).find(
        (p) => p.id === created.id,
      )!.status;
    await runWorkerUntil(async () => (await status()) === 'published');

    expect((await recordsOf(brand)).filter((t) => t === text)).toHaveLength(1);
    expect(mastodon.statuses().filter((s) => s.text === text)).toHaveLength(1);
    const published = json<Post[]>(
      await hearth(['post', 'list', '--workspace', 'Brand', '--status', 'published,failed', '--json']),
    );
    expect(published.map((p) => p.id)).toEqual([created.id]);
    expect(published[0]!.targets.every((t) => t.url !== null && t.status === 'published')).toBe(true);
    const table = await hearth(['post', 'list', '--workspace', 'Brand']);
    expect(table.out).toMatch(new RegExp(`^${created.id}\\s+published\\s+`, 'm'));
  });

  it('stops a post the guardrails block, lists the findings and leaves nothing behind; a manager overrides with an audited reason', async () => {
    const before = json<Post[]>(await hearth(['post', 'list', '--workspace', 'Brand', '--json'])).length;
    const long = 'Our lamps are assembled by hand in Lyon, one at a time, by people who love light. '.repeat(
      5,
    );
    const blocked = await hearth([
      'post',
      'create',
      '--workspace',
      'Brand',
      '--account',
      brand.handle,
      '--text',
      long,
    ]);
    expect(blocked.code).toBe(1);
    expect(blocked.err).toMatch(
      /The guardrails block this post \(1 error\); nothing was scheduled:\n {2}- network\.too-long: /,
    );
    expect(blocked.err).toMatch(/--override-reason/);
    expect(json<Post[]>(await hearth(['post', 'list', '--workspace', 'Brand', '--json']))).toHaveLength(
      before,
    );

    const shortReason = await hearth([
      'post',
      'create',
      '--workspace',
      'Brand',
      '--account',
      brand.handle,
      '--text',
      long,
      '--override-reason',
      'because',
    ]);
    expect(shortReason.err).toMatch(/--override-reason: give a reason of at least 10 characters/);

    const at = new Date(Date.now() + 86_400_000).toISOString();
    const reason = 'A thread opener, split by hand before it goes out';
    const overridden = await hearth([
      'post',
      'create',
      '--workspace',
      'Brand',
      '--account',
      brand.handle,
      '--text',
      long,
      '--at',
      at,
      '--override-reason',
      reason,
    ]);
    expect(overridden.code, overridden.err).toBe(0);
    expect(overridden.out).toMatch(
      /^Post (\S+): scheduled, .+ \(guardrails block, score \d+\)\.\n {2}error {2}network\.too-long: /,
    );
    expect(overridden.out).toMatch(/despite the guardrails’ block/);
    const id = /^Post (\S+):/.exec(overridden.out)![1]!;

    const opened = await openHearth(
      loadConfig({ data }),
      createLogger({ level: 'warn', destination: process.stderr }),
    );
    try {
      const audit = await opened.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'post.guardrails_overridden')
        .where('target_id', '=', id)
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.details)).toMatchObject({ reason, rules: ['network.too-long'] });
    } finally {
      await opened.close();
    }

    // Cancel finds the post's workspace by itself.
    const cancelled = await hearth(['post', 'cancel', id]);
    expect(cancelled.code, cancelled.err).toBe(0);
    expect(cancelled.out).toMatch(new RegExp(`^Post ${id}: cancelled`));
    const twice = await hearth(['post', 'cancel', id, '--workspace', 'Brand']);
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/already cancelled/);
    expect((await hearth(['post', 'cancel', 'nope'])).err).toMatch(/No post nope/);
  });

  it('refuses bad input with a message and a non-zero exit code', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['post', 'create', '--workspace', 'Brand', '--account', 'nobody.test', '--text', 'Hello'],
        /--account: no connected account "nobody\.test" in this workspace \(connected: /,
      ],
      [
        [
          'post',
          'create',
          '--workspace',
          'Brand',
          '--account',
          brand.handle,
          '--text',
          'Hello',
          '--at',
          'tomorrow',
        ],
        /--at: an ISO-8601 time with its offset/,
      ],
      [
        [
          'post',
          'create',
          '--workspace',
          'Brand',
          '--account',
          brand.handle,
          '--text',
          'Hello',
          '--at',
          '2020-01-01T09:00:00Z',
        ],
        /in the past.*nothing was scheduled/,
      ],
      [
        ['post', 'create', '--workspace', 'Brand', '--account', brand.handle, '--text', '   '],
        /--text: Write something first/,
      ],
      [
        [
          'post',
          'create',
          '--workspace',
          'Brand',
          '--account',
          brand.handle,
          '--text',
          'Hello',
          '--language',
          'de',
        ],
        /--language: fr or en/,
      ],
      [
        [
          'post',
          'create',
          '--workspace',
          'Brand',
          '--account',
          brand.handle,
          '--text',
          'Hello',
          '--as',
          'eve@other.test',
        ],
        /not a member of "Brand"/,
      ],
      [['post', 'list', '--workspace', 'Brand', '--status', 'sent'], /--status: /],
    ];
    const before = json<Post[]>(await hearth(['post', 'list', '--workspace', 'Brand', '--json'])).length;
    for (const [args, message] of cases) {
      const result = await hearth(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.err, args.join(' ')).toMatch(message);
      expect(result.err).not.toMatch(/\n\s+at /);
    }
    expect(json<Post[]>(await hearth(['post', 'list', '--workspace', 'Brand', '--json']))).toHaveLength(
      before,
    );
  });

  it('reads the text from stdin with --text -', async () => {
    const text = `Bonjour de l’atelier de Lyon. ${Date.now()}`;
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const created = json<Post>(
      await hearth(
        [
          'post',
          'create',
          '--workspace',
          'Brand',
          '--account',
          brand.handle,
          '--text',
          '-',
          '--at',
          at,
          '--language',
          'fr',
          '--json',
        ],
        `${text}\n`,
      ),
    );
    expect(created).toMatchObject({ text, language: 'fr', status: 'scheduled', publishAt: at });
    expect(json<Post>(await hearth(['post', 'cancel', created.id, '--json'])).status).toBe('cancelled');
    // The guardrails load the French dictionary (seconds, more on a busy machine).
  }, 60_000);
});
