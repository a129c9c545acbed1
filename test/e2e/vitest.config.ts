import { defineConfig } from 'vitest/config';

// The e2e tier: the BUILT app (npm run build) served on loopback by `hearth serve`, driven in
// Debian's Chromium through playwright-core. Run with `npm run test:e2e`.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    setupFiles: ['test/setup-env.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
