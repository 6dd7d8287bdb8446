/**
 * Choose a reader by content (magic bytes) and file name, and produce the extraction input.
 * Every reader yields raw lines, so extraction does not care where the text came from.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { ExtractInput, SourceFormat } from '../../core/extract/extract.js';
import type { Warning } from '../../core/model/extraction.js';
import { ReadError } from './errors.js';
import type { HtmlGuard } from './html-lines.js';
import { limitsFromEnv, megabytes, type ReadLimits, TimeBudget } from './limits.js';
import { looksLikeMarkdown, markdownToLines } from './markdown.js';
import { decodeTextWithNotes } from './text.js';
import { splitRawLines } from '../../core/text/lines.js';

/** What a reader produces: raw lines (index 0 = line 1) and, for paged formats, each line's page. */
export interface ReadLines {
  lines: string[];
  /** 1-based page number of each line (same length as `lines`); absent for formats without pages. */
  pages?: number[];
  /** Notes from decoding (encoding guesses, replaced bytes). */
  warnings?: Warning[];
  /** The format the content turned out to be, when not the one detected (a .txt in Markdown). */
  format?: SourceFormat;
}

/** The limits a reader must keep while reading, and the clock of this document's time budget. */
export interface ReadContext {
  limits: ReadLimits;
  budget: TimeBudget;
  /**
   * Worker threads a long PDF's pages may be shared between (parallel/pdf-parts.ts). Absent: read on
   * this thread. The CLI sets it when it reads a single file; a test or a worker never does.
   */
  pdfWorkers?: number;
}

export function readContext(name: string, limits: ReadLimits = limitsFromEnv()): ReadContext {
  return { limits, budget: new TimeBudget(name, limits.timeBudgetMs) };
}

/** The HTML walker's limits for one document (HTML pages and the HTML mammoth makes of a DOCX). */
export function htmlGuard(name: string, ctx: ReadContext): HtmlGuard {
  return {
    name,
    maxDepth: ctx.limits.maxHtmlDepth,
    maxElements: ctx.limits.maxHtmlElements,
    check: () => ctx.budget.check(),
  };
}

export type LineReader = (bytes: Uint8Array, name: string, ctx?: ReadContext) => Promise<ReadLines>;

/** The extraction input plus the reader's side information (page of each raw line). */
export interface DocumentInput extends ExtractInput {
  pages?: readonly number[];
}

/** Readers for formats other than text register here (see readers/index.ts). */
const readers = new Map<SourceFormat, LineReader>();

export function registerReader(format: SourceFormat, reader: LineReader): void {
  readers.set(format, reader);
}

const UNSUPPORTED_EXT = ['.doc', '.xls', '.xlsx', '.pptx', '.odt', '.rtf', '.png', '.jpg', '.jpeg', '.zip'];

export function detectFormat(bytes: Uint8Array, name: string): SourceFormat {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  const ext = extname(name).toLowerCase();
  // Some PDF writers put a few bytes of junk before the header; readers accept it within 1 KB.
  if (head.startsWith('%PDF-') || (ext === '.pdf' && head.includes('%PDF-'))) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) {
    if (ext === '.docx' || ext === '') return 'docx';
    throw new ReadError(
      'unsupported_format',
      `${name}: ZIP-baserte filer støttes bare som .docx. Lagre dokumentet som .docx eller PDF.`,
    );
  }
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.html' || ext === '.htm' || /^\s*(?:<!doctype html|<html)/i.test(head)) return 'html';
  if (ext === '.pdf')
    throw new ReadError('corrupt_pdf', `${name}: filen heter .pdf, men er ikke en PDF (mangler %PDF-hode).`);
  if (ext === '.docx')
    throw new ReadError(
      'corrupt_docx',
      `${name}: filen heter .docx, men er ikke et DOCX-arkiv. Åpne og lagre den på nytt i Word.`,
    );
  if (UNSUPPORTED_EXT.includes(ext)) {
    throw new ReadError(
      'unsupported_format',
      `${name}: formatet ${ext} støttes ikke. Bruk .txt, .md, .pdf, .docx eller .html.`,
    );
  }
  return 'txt';
}

/** A file with no letter or digit in it (empty, blanks, only punctuation) has nothing to register. */
function refuseContentFree(lines: readonly string[], name: string, bytes: number): void {
  if (lines.some((l) => /[\p{L}\p{N}]/u.test(l))) return;
  throw new ReadError(
    'empty_document',
    bytes === 0
      ? `${name}: filen er tom (0 byte). Ingenting er lagret.`
      : `${name}: filen inneholder ingen tekst (verken bokstaver eller tall). Ingenting er lagret.`,
  );
}

async function readLines(
  format: SourceFormat,
  bytes: Uint8Array,
  name: string,
  ctx: ReadContext,
): Promise<ReadLines> {
  if (format === 'txt') {
    const { text, warnings } = decodeTextWithNotes(bytes, name);
    // A .txt file (or one without a name) written in Markdown is read as Markdown: its tables and
    // headings would otherwise reach extraction as pipes and hashes.
    if (looksLikeMarkdown(text)) return { ...markdownToLines(text), warnings, format: 'md' };
    return { lines: splitRawLines(text), warnings };
  }
  const reader = readers.get(format);
  if (!reader)
    throw new ReadError(
      'unsupported_format',
      `${name}: lesing av ${format.toUpperCase()} er ikke tilgjengelig i denne versjonen.`,
    );
  return reader(bytes, name, ctx);
}

export async function readDocument(
  bytes: Uint8Array,
  name: string,
  ctx: ReadContext = readContext(name),
): Promise<DocumentInput> {
  if (bytes.length > ctx.limits.maxFileBytes)
    throw new ReadError(
      'file_too_large',
      `${name}: filen er større enn grensen på ${megabytes(ctx.limits.maxFileBytes)} (STYR_MAX_FILE_MB).`,
    );
  const format = detectFormat(bytes, name);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const read = await readLines(format, bytes, name, ctx);
  ctx.budget.check();
  refuseContentFree(read.lines, name, bytes.length);
  return {
    name,
    format: read.format ?? format,
    rawLines: read.lines,
    sha256,
    ...(read.pages ? { pages: read.pages } : {}),
    ...(read.warnings && read.warnings.length > 0 ? { readerWarnings: read.warnings } : {}),
  };
}
