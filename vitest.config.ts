import { defineConfig } from 'vitest/config'

/** One run, three rooms: plain Node unit tests, tests inside workerd, and browser e2e. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', '**/*.worker.test.ts', '**/*.e2e.test.ts'],
          testTimeout: 20_000,
        },
      },
      './packages/worker/vitest.config.ts',
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts', 'packages/*/test/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
