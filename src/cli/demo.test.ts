// `hearth demo` refusals, in-process (the demo itself runs as a process in test/e2e/demo.e2e.test.ts).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-harness.js';

describe('hearth demo (refusals)', () => {
  let data: string;
  beforeEach(() => {
    data = mkdtempSync(join(tmpdir(), 'hearth-cli-demo-'));
    delete process.env.DATABASE_URL;
  });

  it('keeps out of a data folder that holds a real installation', async () => {
    expect((await runCli('user', 'create', '--email', 'ana@brand.test', '--data', data)).code).toBe(0);
    const refused = await runCli('demo', '--port', '0', '--data', data);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already has users and no demo@hearth\.test/);
    expect(existsSync(join(data, 'demo-network'))).toBe(false);
  });

  it('needs a PostgreSQL URL for the AppView', async () => {
    const refused = await runCli('demo', '--port', '0', '--data', data, '--with-appview');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/--with-appview runs the AppView on PostgreSQL/);
    expect((await runCli('demo', '--data', data, '--with-appview', 'mysql://x')).err).toMatch(
      /--with-appview/,
    );
  });
});
