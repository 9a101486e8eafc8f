import { defineConfig } from 'vitest/config';

// Two projects: "unit" (pure logic beside the code, no database) and "integration"
// (test/: a real Neo4j from the globalSetup, then the server and Chromium where needed).
export default defineConfig({
  test: {
    teardownTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['core/**/*.test.ts', 'app/**/*.test.ts', 'server/**/*.test.ts', 'seed/**/*.test.ts', 'cypher/**/*.test.ts', 'client/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/support/globalSetup.ts'],
          // One Neo4j serves every file, and some files reload the whole dataset: one file at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // expect.poll waits 1 s by default: a search answered in 1.2 s on a machine busy with other test
          // files failed a test about ranking. Polls wait for what a person would see, not for how fast.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
