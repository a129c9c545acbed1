import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to SQLite in ./.hearth on port 3000', () => {
    const config = loadConfig({}, {});
    expect(config.dataDir).toBe(resolve('.hearth'));
    expect(config.database).toEqual({ kind: 'sqlite', path: resolve('.hearth/hearth.db') });
    expect(config.port).toBe(3000);
    expect(config.secretKeySource).toEqual({ kind: 'file', path: resolve('.hearth/secret.key') });
    expect(config.allowPrivateNetworks).toBe(false);
  });

  it('allows private networks only when told to', () => {
    expect(loadConfig({}, { HEARTH_ALLOW_PRIVATE_NETWORKS: 'true' }).allowPrivateNetworks).toBe(true);
    expect(loadConfig({}, { HEARTH_ALLOW_PRIVATE_NETWORKS: '1' }).allowPrivateNetworks).toBe(false);
    expect(loadConfig({ allowPrivateNetworks: true }, {}).allowPrivateNetworks).toBe(true);
    expect(
      loadConfig({ allowPrivateNetworks: false }, { HEARTH_ALLOW_PRIVATE_NETWORKS: 'true' })
        .allowPrivateNetworks,
    ).toBe(false);
  });

  it('prefers flags over the environment', () => {
    const config = loadConfig({ data: '/tmp/flag', port: '4100' }, { HEARTH_DATA_DIR: '/tmp/env', PORT: '4200' });
    expect(config.dataDir).toBe('/tmp/flag');
    expect(config.port).toBe(4100);
  });

  it('reads DATABASE_URL and HEARTH_SECRET_KEY', () => {
    const config = loadConfig({}, { DATABASE_URL: 'postgres://u@127.0.0.1/db', HEARTH_SECRET_KEY: 'k' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@127.0.0.1/db' });
    expect(config.secretKeySource).toEqual({ kind: 'env', value: 'k' });
  });

  it('explains bad values', () => {
    expect(() => loadConfig({ port: 'eighty' }, {})).toThrow(ConfigError);
    expect(() => loadConfig({}, { DATABASE_URL: 'mysql://x' })).toThrow(/postgres/);
  });
});
