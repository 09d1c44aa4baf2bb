import { defineConfig } from 'vitest/config';

// Three projects, one command: `vitest run` runs them all (npm test adds typecheck and lint in front).
//   unit:        *.test.ts            pure functions, in-process
//   integration: *.int.test.ts        real SQLite files, real HTTP servers on 127.0.0.1, real child processes
//   browser:     *.browser.test.ts    a production Next build driven by Debian's Chromium
const ignored = ['node_modules/**', '.next/**', 'data/**', '.tmp/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...ignored, '**/*.int.test.ts', '**/*.browser.test.ts'],
          environment: 'node',
          // Not a speed check (those are benches): a generous bound so a unit test that loads ESLint or TypeScript
          // does not fail on a busy 2-core machine, where the default 5 s was seen to run out.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ignored,
          environment: 'node',
          // One throwaway PostgreSQL cluster for the run: the two-backend tests copy a migrated template from it.
          globalSetup: ['testing/store-backends/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['**/*.browser.test.ts'],
          exclude: ignored,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          globalSetup: ['testing/browser/global-setup.ts'],
        },
      },
    ],
  },
});
