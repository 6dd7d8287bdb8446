/**
 * PDF reader: pdfjs-dist gives positioned text runs per page; pdf/layout.ts rebuilds lines in reading
 * order. Everything pdfjs could fetch (standard fonts, CMaps) is read from the installed package, never
 * from the network. A PDF without text (a scan) or with a password is an error that says what to do.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { causeText, ReadError } from './errors.js';
import { hasText, layoutPages, type PageText } from './pdf/layout.js';
import { pageRangeOf } from './pdf/parts.js';
import { loadPdfJs, type PdfJs } from './pdf/pdfjs.js';
import { readPdfInParts } from './parallel/pdf-parts.js';
import { isPdfJsInternalRejection } from './pdf/rejections.js';
import type { TextRun } from './pdf/rows.js';
import { readRules } from './pdf/rules.js';
import { readContext, type ReadContext, type ReadLines } from './read-document.js';

let handlerInstalled = false;
/** pdfjs, loaded on first use (pdf/pdfjs.ts), with the handler for its stray rejections installed. */
function pdfJs(): Promise<PdfJs> {
  if (!handlerInstalled) {
    process.on('unhandledRejection', ignorePdfJsRejection);
    handlerInstalled = true;
  }
  return loadPdfJs();
}

/**
 * pdfjs leaves some internal promises of a broken file unobserved (an XRef or parser error it has
 * already reported to us through the failing call), and Node would end the process on them. Those are
 * ignored; every other unhandled rejection is rethrown, which ends the process as it would have.
 */
function ignorePdfJsRejection(reason: unknown): void {
  if (!isPdfJsInternalRejection(reason)) throw reason;
}

function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

interface RawItem {
  str: string;
  transform: number[];
  width: number;
}

function isTextItem(item: unknown): item is RawItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** Viewport transform [a b c d e f] applied to a point. */
function apply(m: readonly number[], x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
}

/**
 * pdfjs items → runs in top-down page coordinates. Text that does not run left to right on the page
 * (a reference number printed up the margin) is not part of the reading text and is left out.
 */
function toRuns(items: readonly unknown[], vt: readonly number[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (!isTextItem(item) || item.str === '') continue;
    const t = item.transform;
    const dx = vt[0]! * t[0]! + vt[2]! * t[1]!;
    const dy = vt[1]! * t[0]! + vt[3]! * t[1]!;
    if (!(dx > 0) || Math.abs(dy) > 0.1 * dx) continue;
    const [x, y] = apply(vt, t[4]!, t[5]!);
    const size = Math.hypot(t[2]!, t[3]!) || Math.hypot(t[0]!, t[1]!);
    runs.push({ text: item.str, x, y, width: item.width, size });
  }
  return runs;
}

async function open(lib: PdfJs, bytes: Uint8Array, name: string): Promise<PDFDocumentProxy> {
  const dir = packageDir();
  try {
    return await lib.getDocument({
      // pdfjs transfers the buffer to its worker and refuses Node Buffers: give it a plain copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
      standardFontDataUrl: join(dir, 'standard_fonts') + '/',
      cMapUrl: join(dir, 'cmaps') + '/',
      cMapPacked: true,
    }).promise;
  } catch (err) {
    if (err instanceof Error && err.name === 'PasswordException')
      throw new ReadError(
        'encrypted_pdf',
        `${name}: PDF-filen er passordbeskyttet. Fjern passordet (skriv ut til en ny PDF) og prøv igjen.`,
      );
    throw new ReadError(
      'corrupt_pdf',
      `${name}: PDF-filen er skadet eller ufullstendig (${causeText(err)}). Last ned filen på nytt.`,
    );
  }
}

/**
 * Pages read at once. pdfjs decodes each page's content stream asynchronously (DecompressionStream on
 * the thread pool); with the next pages already asked for, the thread works on them instead of
 * waiting. A few are enough to fill those waits; more only holds more pages in memory.
 */
const PAGES_IN_FLIGHT = 3;

/** Pages `first`..`last` (1-based, inclusive) of a PDF; the whole document when no range is given. */
export interface PageRange {
  first: number;
  last: number;
}

async function readPage(lib: PdfJs, doc: PDFDocumentProxy, n: number, name: string): Promise<PageText> {
  try {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    // Text and drawing of a page are asked for together: pdfjs parses both from the same stream.
    const [content, operators] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
    page.cleanup();
    return {
      width: viewport.width,
      height: viewport.height,
      runs: toRuns(content.items, viewport.transform),
      rules: readRules(operators.fnArray, operators.argsArray, lib.OPS, viewport.transform),
    };
  } catch (err) {
    throw new ReadError(
      'corrupt_pdf',
      `${name}: side ${n} i PDF-filen kan ikke leses (${causeText(err)}). Last ned filen på nytt.`,
    );
  }
}

function checkPageLimit(pages: number, name: string, ctx: ReadContext): void {
  const max = ctx.limits.maxPdfPages;
  if (pages > max)
    throw new ReadError(
      'too_many_pages',
      `${name}: PDF-filen har ${pages} sider, flere enn grensen på ${max} (STYR_MAX_PAGES). Del dokumentet opp.`,
    );
}

/** Pages of an open document, `range` or all, a few in flight at a time, returned in page order. */
async function readRange(
  lib: PdfJs,
  doc: PDFDocumentProxy,
  name: string,
  ctx: ReadContext,
  range: PageRange,
): Promise<PageText[]> {
  // Results are taken in page order; a page asked for ahead that fails is reported when its turn
  // comes (or not at all when an earlier page failed first), never as an unhandled rejection.
  const inFlight: Promise<PageText>[] = [];
  const ask = (n: number): void => {
    if (n > range.last) return;
    ctx.budget.check();
    const page = readPage(lib, doc, n, name);
    page.catch(() => undefined);
    inFlight.push(page);
  };
  for (let n = range.first; n < range.first + PAGES_IN_FLIGHT; n++) ask(n);
  const pages: PageText[] = [];
  for (let n = range.first; n <= range.last; n++) {
    pages.push(await inFlight.shift()!);
    ask(n + PAGES_IN_FLIGHT);
  }
  return pages;
}

/** Opens the PDF, applies the page limit and reads the pages `pick` chooses from the page count. */
async function readPicked(
  bytes: Uint8Array,
  name: string,
  ctx: ReadContext,
  pick: (pages: number) => PageRange | null,
): Promise<PageText[]> {
  const lib = await pdfJs();
  const doc = await open(lib, bytes, name);
  try {
    checkPageLimit(doc.numPages, name, ctx);
    const range = pick(doc.numPages);
    return range ? await readRange(lib, doc, name, ctx, range) : [];
  } finally {
    await doc.destroy();
  }
}

export function readPdfPages(
  bytes: Uint8Array,
  name: string,
  ctx: ReadContext = readContext(name),
): Promise<PageText[]> {
  return readPicked(bytes, name, ctx, (pages) => (pages === 0 ? null : { first: 1, last: pages }));
}

/** Part `part` (0-based) of `parts` of the pages (pdf/parts.ts): what one worker thread reads. */
export function readPdfPart(
  bytes: Uint8Array,
  name: string,
  ctx: ReadContext,
  part: number,
  parts: number,
): Promise<PageText[]> {
  return readPicked(bytes, name, ctx, (pages) => pageRangeOf(pages, part, parts));
}

export async function readPdf(
  bytes: Uint8Array,
  name: string,
  ctx: ReadContext = readContext(name),
): Promise<ReadLines> {
  // Several threads only where asked (a single long PDF in the CLI), never from inside a worker.
  const workers = isMainThread ? (ctx.pdfWorkers ?? 1) : 1;
  const pages =
    workers > 1 ? await readPdfInParts(bytes, name, ctx, workers) : await readPdfPages(bytes, name, ctx);
  if (pages.length === 0)
    throw new ReadError('corrupt_pdf', `${name}: PDF-filen har ingen sider. Last ned filen på nytt.`);
  if (!hasText(pages))
    throw new ReadError(
      'no_text_layer',
      `${name}: PDF-filen har ikke noe tekstlag (${pages.length} ${pages.length === 1 ? 'side' : 'sider'} med bare bilder, trolig skannet). Kjør tekstgjenkjenning (OCR) på den først, eller bruk DOCX-/HTML-utgaven.`,
    );
  return layoutPages(pages);
}
