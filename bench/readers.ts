/**
 * Reader speed: PDF pages per second, and read + extract time of the same letter as .txt, .md, .pdf
 * (plain, and Word-like with ruled tables), .docx and .html. The editions are built from the seed text
 * first (not timed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readDocument } from '../src/adapters/readers/index.js';
import { readPdfPages } from '../src/adapters/readers/pdf.js';
import { extract } from '../src/core/extract/extract.js';
import { makeDocx, makeHtml, makeMarkdown, makePdf, makeWordPdf } from '../test/helpers/make-documents.js';
import type { BenchRow } from './row.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
/** The 2025 letter: prose, assignments and a budget table. */
const LETTER = '003_8d4a857d2773e53a.txt';

async function best(rounds: number, run: () => Promise<unknown>): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

export async function benchReaders(): Promise<BenchRow[]> {
  const text = readFileSync(join(SEEDS, LETTER), 'utf8');
  const lines = text.split('\n');
  const files: Record<'txt' | 'md' | 'pdf' | 'word.pdf' | 'docx' | 'html', Uint8Array> = {
    txt: new TextEncoder().encode(text),
    md: makeMarkdown(lines),
    pdf: await makePdf(lines, { header: 'Tildelingsbrev 2025', maxRowsPerPage: 60 }),
    'word.pdf': await makeWordPdf(lines),
    docx: await makeDocx(lines),
    html: makeHtml(lines),
  };
  // Warm up: pdfjs loads its worker code once per process; that start-up is reported on its own.
  const coldStart = performance.now();
  const pages = (await readPdfPages(files.pdf, 'bench.pdf')).length;
  const cold = performance.now() - coldStart;

  const rows: BenchRow[] = [
    { name: `pdf: first read incl. pdfjs start-up (${pages} pages)`, value: cold, unit: 'ms' },
  ];
  const pdfMs = await best(3, () => readDocument(files.pdf, 'bench.pdf'));
  rows.push({
    name: `pdf: pages per second (${pages} pages, read + layout)`,
    value: pages / (pdfMs / 1000),
    unit: 'pages/s',
  });
  for (const format of ['txt', 'md', 'pdf', 'word.pdf', 'docx', 'html'] as const) {
    const bytes = files[format];
    const name = `bench.${format}`;
    await readDocument(bytes, name);
    const ms = await best(3, async () => extract(await readDocument(bytes, name)));
    rows.push({
      name: `${format}: read + extract ${LETTER.slice(0, 3)} (${(bytes.length / 1024).toFixed(0)} KiB file)`,
      value: ms,
      unit: 'ms',
    });
  }
  return rows;
}
