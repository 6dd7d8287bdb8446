import { defineConfig } from 'vitest/config';
import { isPdfJsInternalRejection } from './src/adapters/readers/pdf/rejections.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Multi-process tests spawn the built CLI many times: `npm run test:process` (run by .ci/run).
    exclude: ['**/node_modules/**', 'test/process/**', 'test/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files share one module graph per worker: the extraction core is pure and the store tests
    // open their own databases, so isolation bought nothing but re-importing everything per file.
    isolate: false,
    env: { TZ: 'Europe/Oslo' },
    // Broken PDFs (the hostile suite) make pdfjs leave rejected promises it never observes; the CLI
    // ignores exactly these too (readers/pdf.ts). Every other unhandled error still fails the run.
    onUnhandledError: (error) => !isPdfJsInternalRejection(error),
  },
});
