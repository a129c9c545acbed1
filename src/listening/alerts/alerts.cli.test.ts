import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../../test/cli-harness.js';
import { fixedClock } from '../../core/clock.js';
import { createLogger } from '../../core/logger.js';
import { createSecretBox } from '../../core/secret-box.js';
import { openMigratedDatabase } from '../../db/open.js';
import { randomBytes } from 'node:crypto';
import { evaluateAlertRules } from './alerts.evaluate.js';
import { hourOf, storeMentions, storeRule } from './alerts.fixtures.js';
import type { AlertView } from './alerts.service.js';

const WEEK = 7 * 24 * 3_600_000;
const WINDOW_END = Date.now() - 3_600_000 - (Date.now() % 3_600_000);
const hourStart = (weeksAgo: number): string =>
  new Date(WINDOW_END - 3_600_000 - weeksAgo * WEEK).toISOString();

describe('hearth alerts', () => {
  let data = '';
  const hearth = (...args: string[]): Promise<CliRun> => runCli(...args, '--data', data);

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'hearth-alerts-'));
    delete process.env.DATABASE_URL;
    await hearth('user', 'create', '--email', 'ana@brand.test', '--name', 'Ana');
    await hearth('workspace', 'create', 'Brand A', '--owner', 'ana@brand.test');
    // A spike in the last closed hour, stored and evaluated straight in the data folder's database.
    const { db } = await openMigratedDatabase({ kind: 'sqlite', path: join(data, 'hearth.db') });
    try {
      const workspace = await db.kysely.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
      await storeMentions(db.kysely, workspace.id, [
        ...[4, 6, 5].flatMap((count, index) => hourOf(hourStart(index + 1), count)),
        ...hourOf(hourStart(0), 12, { text: 'Où est ma lampe ? <script>' }),
      ]);
      await storeRule(
        db.kysely,
        workspace.id,
        { kind: 'volume_spike', name: 'Spike', params: { baselineWeeks: 3, minBaselineWeeks: 2 } },
        new Date(WINDOW_END - 30 * 24 * 3_600_000).toISOString(),
      );
      const clock = fixedClock(new Date(WINDOW_END + 15 * 60_000));
      const deps = {
        db: db.kysely,
        clock,
        logger: createLogger({ level: 'silent' }),
        secrets: createSecretBox(randomBytes(32)),
        mailer: null,
        fetch,
      };
      expect((await evaluateAlertRules(deps, () => Promise.resolve())).fired).toBe(1);
    } finally {
      await db.close();
    }
  });
  afterAll(() => {
    rmSync(data, { recursive: true, force: true });
  });

  it('lists alerts as JSON (the API’s objects) and in words', async () => {
    const json = await hearth('alerts', 'list', '--workspace', 'Brand A', '--unread', '--json');
    expect(json).toMatchObject({ code: 0, err: '' });
    const body = JSON.parse(json.out) as { alerts: AlertView[]; unread: number };
    expect(body.unread).toBe(1);
    expect(body.alerts[0]).toMatchObject({
      ruleName: 'Spike',
      kind: 'volume_spike',
      explanation: { observed: 12, mean: 5, weeksUsed: 3 },
    });

    const words = await hearth('alerts', 'list', '--workspace', 'Brand A', '--limit', '5');
    expect(words.code).toBe(0);
    expect(words.out).toContain('Spike: 12 mentions in 1 h, usually 5 (z = 7)');
    expect(words.out).toContain('Baseline mean 5, standard deviation 1.');
    expect(words.out).toContain('1 unread.');

    expect(await hearth('alerts', 'list', '--workspace', 'Brand A', '--limit', 'lots')).toMatchObject({
      code: 1,
    });
    expect((await hearth('alerts', 'list', '--workspace', 'Nobody')).err).toContain('No workspace "Nobody"');
  });

  it('lists rules and backtests one by name', async () => {
    const rules = await hearth('alerts', 'rules', '--workspace', 'Brand A');
    expect(rules.out).toMatch(
      /Spike {2}volume_spike {2}scope: all mentions {2}windowHours=1 baselineWeeks=3/,
    );
    const backtest = await hearth(
      'alerts',
      'backtest',
      'Spike',
      '--workspace',
      'Brand A',
      '--days',
      '7',
      '--json',
    );
    expect(backtest.code).toBe(0);
    expect(JSON.parse(backtest.out)).toMatchObject({ fired: 1, windows: 7 * 24 });
    const words = await hearth('alerts', 'backtest', 'Spike', '--workspace', 'Brand A', '--days', '7');
    expect(words.out).toMatch(/would have fired 1 time over 168 hourly windows/);
    expect(await hearth('alerts', 'backtest', 'Nope', '--workspace', 'Brand A')).toMatchObject({ code: 1 });
  });
});
