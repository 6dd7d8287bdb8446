/**
 * Realistic PDF letters for the reader bench, built from the seed text (not one page repeated): A4
 * pages with a running header and a "Side N av M" footer, numbered headings in a larger bold face,
 * prose wrapped at the margin, every third chapter's prose set in two columns, tab-separated runs as
 * ruled tables whose cells wrap. The files are cached in a temp folder by content hash, so `npm run
 * bench` builds them once per machine, and the CLI bench can hand real files to a new process.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { normaliseChars } from '../src/core/text/normalise.js';
import { wrapText } from '../test/helpers/make-documents.js';

export const SEEDS_DIR = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const CACHE = join(tmpdir(), 'styr-bench-pdf');
/** Bump when the layout below changes, so cached files are rebuilt. */
const LAYOUT_VERSION = 1;

const WIDTH = 595;
const HEIGHT = 842;
const MARGIN = 62;
const GUTTER = 18;
const HEADING_RE = /^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+\p{Lu}/u;

/** Built-in Helvetica has Windows-1252 only: draw normalised text, anything else as '?'. */
function drawable(text: string): string {
  return normaliseChars(text)
    .replace(/[^\u0000-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?')
    .trim();
}

type Block =
  { kind: 'heading'; text: string } | { kind: 'para'; text: string } | { kind: 'table'; rows: string[][] };

/** Seed lines → headings, paragraphs (wrapped source lines joined) and tables (tab-separated runs). */
function blocks(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  let para: string[] = [];
  const flush = (): void => {
    if (para.length > 0) out.push({ kind: 'para', text: para.join(' ') });
    para = [];
  };
  for (const raw of lines) {
    if (raw.includes('\t')) {
      flush();
      const cells = raw.split('\t').map(drawable);
      const last = out[out.length - 1];
      if (last?.kind === 'table') last.rows.push(cells);
      else out.push({ kind: 'table', rows: [cells] });
      continue;
    }
    const text = drawable(raw);
    if (text === '') flush();
    else if (HEADING_RE.test(text) && text.length < 100) {
      flush();
      out.push({ kind: 'heading', text });
    } else if (text.startsWith('•')) {
      flush();
      para.push(text);
    } else para.push(text);
  }
  flush();
  return out;
}

/** Wrapped lines of a paragraph; empty text gives none. */
function wrap(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  return text.trim() === '' ? [] : wrapText(doc, text, width);
}

export interface LetterOptions {
  /** Body font size; the bench tunes it to land near a page count. */
  size: number;
  header: string;
}

function render(lines: readonly string[], options: LetterOptions): Promise<Uint8Array> {
  const { size, header } = options;
  const pitch = size * 1.25;
  const content = WIDTH - 2 * MARGIN;
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    bufferPages: true,
    info: { CreationDate: new Date(0) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  let y = 0;
  const newPage = (): void => {
    doc.addPage({ size: [WIDTH, HEIGHT], margin: 0 });
    y = MARGIN;
  };
  const room = (h: number): void => {
    if (y + h > HEIGHT - MARGIN) newPage();
  };
  const body = (): void => void doc.font('Helvetica').fontSize(size);
  newPage();
  let chapter = 0;
  for (const block of blocks(lines)) {
    if (block.kind === 'heading') {
      // "2. Mål" opens a chapter, "2.1 Mål" does not.
      if (!block.text.split(' ')[0]!.replace(/\.$/, '').includes('.')) chapter++;
      doc.font('Helvetica-Bold').fontSize(size + 2);
      room(pitch * 3);
      y += pitch * 0.6;
      doc.text(block.text, MARGIN, y, { lineBreak: false });
      y += pitch * 1.6;
      continue;
    }
    if (block.kind === 'para') {
      body();
      if (chapter % 3 === 2 && !block.text.startsWith('•')) {
        // Two columns: the left column fills first, then the right, as a newsletter layout does.
        const half = (content - GUTTER) / 2;
        const parts = wrap(doc, block.text, half);
        let rest = parts;
        while (rest.length > 0) {
          room(pitch * 2);
          const fit = Math.max(1, Math.floor((HEIGHT - MARGIN - y) / pitch));
          const left = rest.slice(0, Math.min(fit, Math.ceil(rest.length / 2)));
          const right = rest.slice(left.length, left.length * 2);
          left.forEach((p, i) => doc.text(p, MARGIN, y + i * pitch, { lineBreak: false }));
          right.forEach((p, i) => doc.text(p, MARGIN + half + GUTTER, y + i * pitch, { lineBreak: false }));
          y += left.length * pitch;
          rest = rest.slice(left.length + right.length);
          if (rest.length > 0) newPage();
        }
      } else {
        const indent = block.text.startsWith('•') ? 14 : 0;
        for (const part of wrap(doc, block.text, content - indent)) {
          room(pitch);
          doc.text(part, MARGIN + indent, y, { lineBreak: false });
          y += pitch;
        }
      }
      y += pitch * 0.6;
      continue;
    }
    drawTable(
      doc,
      block.rows,
      size,
      () => y,
      (v) => (y = v),
      newPage,
    );
    y += pitch * 0.6;
  }
  // Running header and "Side N av M" on every page, written once the page count is known.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font('Helvetica').fontSize(size - 1);
    doc.text(header, MARGIN, 30, { lineBreak: false });
    doc.text(`Side ${i + 1} av ${range.count}`, WIDTH - MARGIN - 60, HEIGHT - 34, { lineBreak: false });
  }
  doc.end();
  return done;
}

const AMOUNT_RE = /^-?[\d\u00a0 .,]+$/;

/** A ruled table: column widths from the content, cells wrapping, amounts right-aligned, header bold. */
function drawTable(
  doc: PDFKit.PDFDocument,
  rows: readonly string[][],
  size: number,
  getY: () => number,
  setY: (y: number) => void,
  newPage: () => void,
): void {
  const pitch = size * 1.2;
  const pad = 5;
  const content = WIDTH - 2 * MARGIN;
  const columns = Math.max(...rows.map((r) => r.length));
  doc.font('Helvetica').fontSize(size);
  const need = Array.from(
    { length: columns },
    (_, c) => Math.max(...rows.map((r) => doc.widthOfString(r[c] ?? ''))) + 2 * pad,
  );
  const total = need.reduce((s, w) => s + w, 0);
  const widths = total <= content ? need : need.map((w) => Math.max(36, (w / total) * content));
  const xs = widths.map((_, c) => MARGIN + widths.slice(0, c).reduce((s, w) => s + w, 0));
  const right = MARGIN + widths.reduce((s, w) => s + w, 0);
  rows.forEach((cells, r) => {
    doc.font(r === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    const wrapped = widths.map((w, c) => wrap(doc, cells[c] ?? '', w - 2 * pad));
    const h = Math.max(1, ...wrapped.map((p) => p.length)) * pitch + 4;
    if (getY() + h > HEIGHT - MARGIN) newPage();
    const y = getY();
    wrapped.forEach((parts, c) =>
      parts.forEach((part, k) => {
        const x = AMOUNT_RE.test(part) ? xs[c]! + widths[c]! - pad - doc.widthOfString(part) : xs[c]! + pad;
        doc.text(part, x, y + 2 + k * pitch, { lineBreak: false });
      }),
    );
    doc.lineWidth(0.5).moveTo(MARGIN, y).lineTo(right, y).stroke();
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(right, y + h)
      .stroke();
    for (const x of [...xs, right])
      doc
        .moveTo(x, y)
        .lineTo(x, y + h)
        .stroke();
    setY(y + h);
  });
}

export interface BenchLetter {
  seed: string;
  path: string;
  pages: number;
}

function countPages(bytes: Uint8Array): number {
  // pdfkit writes one "/Type /Page" object per page (the tree root is "/Type /Pages").
  return (
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/Type \/Page\b(?!s)/g) ?? []
  ).length;
}

/** The seed rendered as a letter PDF, from the cache when it was built before. */
export async function letterPdf(seed: string, options: LetterOptions): Promise<BenchLetter> {
  const text = readFileSync(join(SEEDS_DIR, seed), 'utf8');
  const key = createHash('sha256')
    .update(`${LAYOUT_VERSION}\0${JSON.stringify(options)}\0${text}`)
    .digest('hex')
    .slice(0, 16);
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `${seed.slice(0, 3)}-${key}.pdf`);
  if (!existsSync(path)) writeFileSync(path, await render(text.split('\n'), options));
  return { seed, path, pages: countPages(readFileSync(path)) };
}
