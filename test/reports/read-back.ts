/** Reading generated reports back: DOCX through mammoth and its XML, PDF through pdfjs (the project's reader). */
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { readPdf, readPdfPages } from '../../src/adapters/readers/pdf.js';
import { surveyZip } from '../../src/adapters/readers/zip-guard.js';

export async function docxText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

export async function docxHtml(bytes: Uint8Array): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
}

/** One part of the DOCX package (e.g. word/styles.xml) as text. */
export function docxPart(bytes: Uint8Array, name: string): string {
  const survey = surveyZip(bytes);
  if (!survey.ok) throw new Error('not a zip');
  const e = survey.entries.find((x) => x.name === name);
  if (!e || e.localOffset === undefined) throw new Error(`no ${name}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start =
    e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  const data = bytes.subarray(start, start + e.compressed);
  return (e.method === 0 ? Buffer.from(data) : inflateRawSync(data)).toString('utf8');
}

/** The PDF's text as the project's PDF reader lays it out: table cells tab-separated, one row a line. */
export async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  return (await readPdf(bytes, 'rapport.pdf')).lines;
}

/** Each page's text runs joined, for what is on which page. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pages = await readPdfPages(bytes, 'rapport.pdf');
  return pages.map((p) => p.runs.map((r) => r.text).join(' '));
}
