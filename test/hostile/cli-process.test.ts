/**
 * The real process: `styr extract` on a FIFO and on a broken PDF whose pdfjs internals leave a rejected
 * promise unobserved. Node ends a process on an unhandled rejection; styr must instead report both
 * files in Norwegian and exit with code 2. Needs the build that `npm ci` runs (prepare).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { pdfInput } from './fuzz-cases.js';

const dir = mkdtempSync(join(tmpdir(), 'styr-cli-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('reports a FIFO and a pdfjs-breaking PDF and exits 2, without a crash or a stack trace', () => {
  const fifo = join(dir, 'rør.txt');
  execFileSync('mkfifo', [fifo]);
  // The third case of this seed is a PDF whose XRef breaks inside pdfjs after page 1 was read.
  const pdf = join(dir, 'brutt.pdf');
  writeFileSync(pdf, fc.sample(pdfInput, { numRuns: 3, seed: 20261204 })[2]?.bytes ?? new Uint8Array());
  // The installed command (bin/styr.js → dist/, built by `npm ci`), as in register/bin-errors.test.ts.
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'styr.js');
  const r = spawnSync(process.execPath, [bin, 'extract', fifo, pdf], { encoding: 'utf8', timeout: 110_000 });
  expect(r.stderr).toContain('rør.txt: er en navngitt rør (FIFO), ikke en vanlig fil');
  expect(r.stderr).toMatch(/brutt\.pdf: .*PDF-filen/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.status).toBe(2);
}, 120_000);
