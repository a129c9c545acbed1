import { defineConfig } from 'vitest/config';

// Small and medium tiers. Medium tests use real SQLite and the PostgreSQL of this machine
// (see src/db/testing.ts); e2e tests have their own config in test/e2e.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['test/setup-env.ts'],
  },
});
