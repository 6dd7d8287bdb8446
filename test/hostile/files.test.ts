/**
 * Hostile files on disk: only regular files are read, within the size limit, and every file-system
 * failure (loop, device, FIFO, missing, unreadable) is a ReadError with a Norwegian message naming the
 * file, never a raw errno text, a hang or a crash.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFiles } from '../../src/adapters/cli/extract-command.js';
import { ReadError } from '../../src/adapters/readers/errors.js';
import { DEFAULT_LIMITS, limitsFromEnv } from '../../src/adapters/readers/limits.js';
import { fileError, readInputFile } from '../../src/adapters/readers/read-file.js';
import { LETTER_TEXT } from './generate.js';

const dir = mkdtempSync(join(tmpdir(), 'styr-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failureOf(path: string, limits = DEFAULT_LIMITS): Promise<ReadError> {
  try {
    await readInputFile(path, limits);
  } catch (err) {
    if (err instanceof ReadError) return err;
    throw err;
  }
  throw new Error(`${path} was read`);
}

describe('files that are not ordinary documents', () => {
  it('a FIFO is refused at once instead of blocking for ever', async () => {
    const fifo = join(dir, 'rør.txt');
    execFileSync('mkfifo', [fifo]);
    const err = await failureOf(fifo);
    expect(err.code).toBe('not_regular_file');
    expect(err.message).toMatch(/rør\.txt: er en navngitt rør \(FIFO\), ikke en vanlig fil/);
  });

  it('/dev/zero is refused without reading a byte', async () => {
    const err = await failureOf('/dev/zero');
    expect(err.code).toBe('not_regular_file');
    expect(err.message).toContain('/dev/zero: er en enhet');
  });

  it('a symlink loop is a Norwegian message, not a raw ELOOP', async () => {
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    symlinkSync(b, a);
    symlinkSync(a, b);
    const err = await failureOf(a);
    expect(err.code).toBe('symlink_loop');
    expect(err.message).toContain('lenkeløkke');
    expect(err.message).not.toMatch(/ELOOP/);
  });

  it('a folder, a missing file and a path through a file are each named', async () => {
    mkdirSync(join(dir, 'mappe.txt'));
    expect((await failureOf(join(dir, 'mappe.txt'))).code).toBe('not_regular_file');
    expect((await failureOf(join(dir, 'finnes-ikke.txt'))).code).toBe('file_not_found');
    writeFileSync(join(dir, 'fil.txt'), 'x');
    expect((await failureOf(join(dir, 'fil.txt', 'under.txt'))).message).toMatch(/ikke en mappe/);
  });

  it('an unreadable file is explained (root reads everything, so the mapping is tested directly)', () => {
    const err = fileError(
      '/hemmelig.txt',
      Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }),
    );
    expect(err.code).toBe('unreadable_file');
    expect(err.message).toBe('/hemmelig.txt: ingen lesetilgang til filen.');
  });

  it('a 700 MB text file is refused from its size, without reading it (sparse file)', async () => {
    const big = join(dir, 'stor.txt');
    writeFileSync(big, LETTER_TEXT);
    truncateSync(big, 700 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const { results, failures } = await extractFiles([big]);
    expect(results).toEqual([]);
    expect(failures[0]?.code).toBe('file_too_large');
    expect(failures[0]?.error).toMatch(
      /stor\.txt: filen er større enn grensen på 50 MB \(STYR_MAX_FILE_MB\)/,
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('a file growing past the limit while read is cut off at the limit', async () => {
    const f = join(dir, 'vokser.txt');
    writeFileSync(f, 'x'.repeat(5000));
    const err = await failureOf(f, { ...DEFAULT_LIMITS, maxFileBytes: 4096 });
    expect(err.code).toBe('file_too_large');
  });

  it('an empty file is refused and not stored', async () => {
    const f = join(dir, 'tom.txt');
    writeFileSync(f, '');
    const { results, failures } = await extractFiles([f]);
    expect(results).toEqual([]);
    expect(failures[0]?.code).toBe('empty_document');
    expect(failures[0]?.error).toContain('tom.txt: filen er tom');
  });
});

describe('limits from the environment', () => {
  it('reads each variable in its unit', () => {
    const l = limitsFromEnv({
      STYR_MAX_FILE_MB: '10',
      STYR_MAX_INFLATED_MB: '20',
      STYR_MAX_PAGES: '30',
      STYR_MAX_HTML_DEPTH: '40',
      STYR_MAX_HTML_ELEMENTS: '50',
      STYR_TIME_LIMIT_S: '6',
    });
    expect(l).toEqual({
      maxFileBytes: 10 * 1024 * 1024,
      maxInflatedBytes: 20 * 1024 * 1024,
      maxPdfPages: 30,
      maxHtmlDepth: 40,
      maxHtmlElements: 50,
      timeBudgetMs: 6000,
    });
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
  });

  it.each(['abc', '-1', '0', '1.5', '99999999999999999999'])('refuses STYR_MAX_FILE_MB=%s', (v) => {
    expect(() => limitsFromEnv({ STYR_MAX_FILE_MB: v })).toThrow(/Ugyldig verdi for STYR_MAX_FILE_MB/);
  });

  it('a spent time budget stops the read with a message naming the file and the limit', async () => {
    const { TimeBudget } = await import('../../src/adapters/readers/limits.js');
    const budget = new TimeBudget('treg.html', 1000, Date.now() - 5000);
    expect(() => budget.check()).toThrow(/treg\.html: lesingen tok lengre enn tidsgrensen på 1 sekund /);
  });
});
