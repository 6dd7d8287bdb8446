/**
 * A long PDF read on several worker threads (each a range of pages) gives exactly the lines and pages
 * of the serial read: running headers dropped, tables over page breaks joined, page starts marked.
 */
import { describe, expect, it } from 'vitest';
import { readContext, readDocument } from '../../src/adapters/readers/index.js';
import { pageRangeOf } from '../../src/adapters/readers/pdf/parts.js';
import { makePdf, makeWordPdf } from '../helpers/make-documents.js';
import { seedText } from '../helpers/seeds.js';

describe('pageRangeOf', () => {
  it('shares pages in consecutive ranges of at least 16 pages', () => {
    expect([0, 1, 2].map((i) => pageRangeOf(100, i, 3))).toEqual([
      { first: 1, last: 34 },
      { first: 35, last: 68 },
      { first: 69, last: 100 },
    ]);
    expect([0, 1].map((i) => pageRangeOf(20, i, 2))).toEqual([{ first: 1, last: 20 }, null]);
    expect(pageRangeOf(0, 0, 2)).toBeNull();
  });
});

describe('a long PDF read in parts', () => {
  const read = (bytes: Uint8Array, name: string, pdfWorkers?: number) =>
    readDocument(bytes, name, { ...readContext(name), ...(pdfWorkers ? { pdfWorkers } : {}) });

  it('gives the serial lines and pages (prose, running header, page numbers)', async () => {
    const lines = seedText('tb2025').split('\n');
    const bytes = await makePdf(lines, { header: 'Tildelingsbrev 2025', maxRowsPerPage: 60 });
    const serial = await read(bytes, 'brev.pdf');
    expect(new Set(serial.pages).size).toBeGreaterThanOrEqual(40);
    expect(await read(bytes, 'brev.pdf', 3)).toEqual(serial);
  }, 120_000);

  it('gives the serial lines of ruled tables continued over page breaks', async () => {
    const lines = seedText('ar2023').split('\n');
    const bytes = await makeWordPdf(lines, { maxTableRowsPerPage: 12 });
    const serial = await read(bytes, 'rapport.pdf');
    expect(await read(bytes, 'rapport.pdf', 2)).toEqual(serial);
  }, 120_000);

  it('refuses a broken file with the serial error', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nnot really a PDF');
    await expect(read(bytes, 'broken.pdf', 2)).rejects.toMatchObject({ code: 'corrupt_pdf' });
  }, 60_000);
});
