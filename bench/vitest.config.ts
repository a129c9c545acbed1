import { defineConfig } from 'vitest/config';

// Benchmarks (never part of `npm test`): `npm run bench:http`. They print figures; nothing asserts time.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: [],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    pool: 'forks',
  },
});
