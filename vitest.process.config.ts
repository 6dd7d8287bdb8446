import { defineConfig } from 'vitest/config';

/** Tests with real concurrent processes on one data folder (bin/styr.js → dist/, built by `npm ci`). */
export default defineConfig({
  test: {
    include: ['test/process/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 60_000,
    env: { TZ: 'Europe/Oslo' },
  },
});
