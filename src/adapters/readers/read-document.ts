/**
 * Choose a reader by content (magic bytes) and file name, and produce the extraction input.
 * Every reader yields raw lines, so extraction does not care where the text came from.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { ExtractInput, SourceFormat } from '../../core/extract/extract.js';
import { ReadError } from './errors.js';
import { readTextLines } from './text.js';

export type LineReader = (bytes: Uint8Array, name: string) => Promise<string[]>;

/** Readers for formats other than text register here (see readers/index.ts). */
const readers = new Map<SourceFormat, LineReader>();

export function registerReader(format: SourceFormat, reader: LineReader): void {
  readers.set(format, reader);
}

export function detectFormat(bytes: Uint8Array, name: string): SourceFormat {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) {
    const ext = extname(name).toLowerCase();
    if (ext === '.docx' || ext === '') return 'docx';
    throw new ReadError('unsupported_format', `${name}: ZIP-baserte filer støttes bare som .docx.`);
  }
  const ext = extname(name).toLowerCase();
  if (ext === '.html' || ext === '.htm' || /^\s*(?:<!doctype html|<html)/i.test(head)) return 'html';
  if (ext === '.pdf')
    throw new ReadError('corrupt_pdf', `${name}: filen heter .pdf, men er ikke en PDF (mangler %PDF-hode).`);
  if (ext === '.docx')
    throw new ReadError('corrupt_docx', `${name}: filen heter .docx, men er ikke et DOCX-arkiv.`);
  if (['.doc', '.xls', '.xlsx', '.odt', '.rtf', '.png', '.jpg', '.jpeg', '.zip'].includes(ext)) {
    throw new ReadError(
      'unsupported_format',
      `${name}: formatet ${ext} støttes ikke. Bruk .txt, .pdf, .docx eller .html.`,
    );
  }
  return 'txt';
}

export async function readDocument(bytes: Uint8Array, name: string): Promise<ExtractInput> {
  const format = detectFormat(bytes, name);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (format === 'txt') return { name, format, rawLines: readTextLines(bytes, name), sha256 };
  const reader = readers.get(format);
  if (!reader)
    throw new ReadError(
      'unsupported_format',
      `${name}: lesing av ${format.toUpperCase()} er ikke tilgjengelig.`,
    );
  return { name, format, rawLines: await reader(bytes, name), sha256 };
}
