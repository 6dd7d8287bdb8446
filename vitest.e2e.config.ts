import { defineConfig } from 'vitest/config';

/** Browser tests: the built web app in Debian's Chromium (`npm run test:e2e`, run by .ci/run). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 400_000,
    fileParallelism: false,
    env: { TZ: 'Europe/Oslo' },
  },
});
