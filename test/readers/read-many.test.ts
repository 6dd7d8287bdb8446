/**
 * Reading several files on worker threads gives what reading them one by one gives: the same lines,
 * pages and records, in input order, and each unreadable file a failure with the serial ReadError's
 * code in its place, while the files around it are still read.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReadError } from '../../src/adapters/readers/errors.js';
import { DEFAULT_LIMITS } from '../../src/adapters/readers/limits.js';
import { extractFile, readFileInput } from '../../src/adapters/readers/parallel/jobs.js';
import { extractMany, readMany } from '../../src/adapters/readers/read-many.js';
import { fixtureLines } from '../helpers/fixtures.js';
import { makeDocx, makeImageOnlyPdf, makePdf, makeWordPdf } from '../helpers/make-documents.js';

const LETTER = fixtureLines('kystkultur-2026.txt');

async function serial(file: string): Promise<unknown> {
  try {
    return { ok: true, value: await readFileInput(file, DEFAULT_LIMITS) };
  } catch (err) {
    if (err instanceof ReadError) return { ok: false, code: err.code };
    throw err;
  }
}

describe('readMany', () => {
  let files: string[];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'styr-read-many-'));
    const write = (name: string, bytes: Uint8Array | string): string => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    };
    files = [
      write('brev.pdf', await makePdf(LETTER, { header: 'Tildelingsbrev 2026', maxRowsPerPage: 40 })),
      write('scan.pdf', await makeImageOnlyPdf()),
      write('word.pdf', await makeWordPdf(LETTER, { maxTableRowsPerPage: 3 })),
      join(dir, 'finnes-ikke.pdf'),
      write('brev.txt', LETTER.join('\n')),
      write('brev.docx', await makeDocx(LETTER)),
      write('broken.pdf', '%PDF-1.7\nnot really a PDF'),
    ];
  }, 60_000);

  it('gives the serial result of every file, in input order', async () => {
    const parallel = await readMany(files, DEFAULT_LIMITS, { workers: 2 });
    expect(parallel.map((o) => o.file)).toEqual(files);
    for (const [i, file] of files.entries()) {
      const want = await serial(file);
      const got = parallel[i]!;
      expect(got.ok ? { ok: true, value: got.value } : { ok: false, code: got.code }).toEqual(want);
    }
    expect(parallel.filter((o) => !o.ok).map((o) => !o.ok && o.code)).toEqual([
      'no_text_layer',
      'file_not_found',
      'corrupt_pdf',
    ]);
  }, 120_000);

  it('extracts the same records on one worker as in the main thread', async () => {
    const pdfs = [files[0]!, files[2]!];
    const parallel = await extractMany(pdfs, DEFAULT_LIMITS, { workers: 1 });
    for (const [i, file] of pdfs.entries()) {
      const got = parallel[i]!;
      expect(got.ok && got.value).toEqual(await extractFile(file, DEFAULT_LIMITS));
    }
  }, 120_000);
});
