import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on a 2-core machine one file at a time,
    // with the second core mostly idle while a browser test waits on its page. Two workers keep
    // both busy: the end-to-end files still run one after another (below), beside the rest.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tools/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/renderer/**/*.dom.test.ts'],
          environment: 'node',
          // Stylesheets are read as text by the tests of the app's own styles (vitest empties CSS otherwise).
          css: { include: [/src\/renderer\/(styles|viewers)\/.+\.css/] },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          // The hub server: each file starts its own hub on port 0 in a temp folder, on PGlite and (core suites) real PostgreSQL.
          name: 'hub',
          include: ['tests/hub/**/*.test.ts'],
          globalSetup: ['tests/hub/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts', 'tests/electron/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
