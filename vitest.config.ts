import { defineConfig } from 'vitest/config';

/**
 * One runner for the whole suite: unit (pure logic), integration (real git repositories and real sqlite in
 * temp folders) and e2e (web mode driven by Playwright in Debian's Chromium).
 */
export default defineConfig({
  test: {
    env: { ESCROW_VALIDATE_OUTPUT: '1' },
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['test/helpers/build-core-once.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          globalSetup: ['test/helpers/build-app-once.ts'],
        },
      },
    ],
  },
});
