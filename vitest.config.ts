import { defineConfig } from 'vitest/config';

/**
 * One runner for the whole suite: unit (pure logic), integration (real git repositories and real sqlite in
 * temp folders) and e2e (web mode driven by Playwright in Debian's Chromium).
 */
export default defineConfig({
  test: {
    // Key files made by tests use few KDF rounds (the count is stored in each file; real keys use 600,000).
    env: { ESCROW_VALIDATE_OUTPUT: '1', ESCROW_KDF_ITERATIONS: '1000' },
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
