/**
 * Choose a reader by content (magic bytes) and file name, and produce the extraction input.
 * Every reader yields raw lines, so extraction does not care where the text came from.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { ExtractInput, SourceFormat } from '../../core/extract/extract.js';
import { ReadError } from './errors.js';
import { looksLikeMarkdown, markdownToLines } from './markdown.js';
import { decodeText } from './text.js';
import { splitRawLines } from '../../core/text/lines.js';

/** What a reader produces: raw lines (index 0 = line 1) and, for paged formats, each line's page. */
export interface ReadLines {
  lines: string[];
  /** 1-based page number of each line (same length as `lines`); absent for formats without pages. */
  pages?: number[];
}

export type LineReader = (bytes: Uint8Array, name: string) => Promise<ReadLines>;

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

export async function readDocument(bytes: Uint8Array, name: string): Promise<DocumentInput> {
  const format = detectFormat(bytes, name);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (format === 'txt') {
    // A .txt file (or one without a name) written in Markdown is read as Markdown: its tables and
    // headings would otherwise reach extraction as pipes and hashes.
    const text = decodeText(bytes, name);
    if (!looksLikeMarkdown(text)) return { name, format, rawLines: splitRawLines(text), sha256 };
    const md = markdownToLines(text);
    return md.pages
      ? { name, format: 'md', rawLines: md.lines, pages: md.pages, sha256 }
      : { name, format: 'md', rawLines: md.lines, sha256 };
  }
  const reader = readers.get(format);
  if (!reader)
    throw new ReadError(
      'unsupported_format',
      `${name}: lesing av ${format.toUpperCase()} er ikke tilgjengelig i denne versjonen.`,
    );
  const read = await reader(bytes, name);
  return read.pages
    ? { name, format, rawLines: read.lines, pages: read.pages, sha256 }
    : { name, format, rawLines: read.lines, sha256 };
}
