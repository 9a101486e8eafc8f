// `npm run test:soak`: the slow half of issue 8 (sustained load, a real Neo4j stopped and restarted,
// seeds killed mid-load or run side by side). Not part of `npm test`; files end in .soak.ts so the
// integration project's test/**/*.test.ts never picks them up.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: resolve(import.meta.dirname, '../..'),
    include: ['test/soak/**/*.soak.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    // One Neo4j serves every file and the files rewrite the whole graph: one file at a time.
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
