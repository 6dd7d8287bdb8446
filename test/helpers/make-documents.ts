/**
 * Build PDF, DOCX and HTML editions of a text inside the tests, so the readers can be checked against
 * the text they must reproduce. Raw text lines in, file bytes out:
 * - PDF (pdfkit): one drawn line per text line, a new page where the text marks one (a line starting
 *   with one space) or after `maxRowsPerPage`, a running header and a page-number footer on every page
 *   (the reader must drop both), tab-separated lines drawn as cells at column x positions.
 * - DOCX (docx): a paragraph per line, "• " lines as a real bulleted list, runs of tab-separated lines
 *   as a real Word table, blank lines as empty paragraphs.
 * - HTML: the same as <p>, <ul><li>, <table>, with a script and a style the reader must skip and
 *   æøå written as entities.
 */
import { deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import PDFDocument from 'pdfkit';
import { normaliseChars } from '../../src/core/text/normalise.js';

/**
 * The PDF's built-in Helvetica only has the Windows-1252 characters. The seeds also hold private-use
 * Symbol bullets and Cyrillic look-alikes, which the line model normalises anyway: draw them normalised,
 * and anything still outside Windows-1252 as '?'.
 */
function drawable(text: string): string {
  return normaliseChars(text).replace(
    /[^\u0000-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g,
    '?',
  );
}

/** A table's rows; null is a blank line inside the table (where the source had a page break). */
type Block =
  { kind: 'line'; text: string; pageStart: boolean } | { kind: 'table'; rows: (string[] | null)[] };

/** Group raw lines: tab-separated lines form one table, also across blank lines between them. */
function blocks(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  lines.forEach((raw, i) => {
    const last = out[out.length - 1];
    if (raw.includes('\t')) {
      const cells = raw.split('\t').map((c) => c.trim());
      if (last?.kind === 'table') last.rows.push(cells);
      else out.push({ kind: 'table', rows: [cells] });
      return;
    }
    const text = raw.trim();
    if (text === '' && last?.kind === 'table') {
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (next?.includes('\t')) {
        last.rows.push(null);
        return;
      }
    }
    out.push({ kind: 'line', text, pageStart: /^ \S/.test(raw) });
  });
  return out;
}

/** A table split at its blank rows, for formats where a blank line cannot sit inside a table. */
function tableParts(rows: readonly (string[] | null)[]): string[][][] {
  const parts: string[][][] = [[]];
  for (const row of rows) {
    if (row === null) parts.push([]);
    else parts[parts.length - 1]!.push(row);
  }
  return parts;
}

export interface PdfOptions {
  fontSize?: number;
  /** Start a new page after this many drawn rows even where the text marks none. */
  maxRowsPerPage?: number;
  header?: string;
  /** Footer text of page n (1-based); the default is the bare page number. */
  footer?: (page: number) => string;
  userPassword?: string;
}

interface DrawnRow {
  /** Cells with their x offset from the left margin; empty cells are not drawn. */
  cells: { text: string; x: number }[];
  width: number;
  blank: boolean;
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

function newPdf(userPassword?: string): PDFKit.PDFDocument {
  return new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: { CreationDate: new Date(0) },
    ...(userPassword ? { userPassword, ownerPassword: `${userPassword}-owner` } : {}),
  });
}

const MARGIN = 40;
const CELL_GAP = 14;

export async function makePdf(lines: readonly string[], options: PdfOptions = {}): Promise<Uint8Array> {
  const size = options.fontSize ?? 8;
  const pitch = size * 1.25;
  const maxRows = options.maxRowsPerPage ?? 1_000_000;
  const doc = newPdf(options.userPassword);
  const done = collect(doc);
  doc.font('Helvetica').fontSize(size);

  const pages: DrawnRow[][] = [[]];
  for (const block of blocks(lines)) {
    if (block.kind === 'table') block.rows = block.rows.map((r) => r?.map(drawable) ?? null);
    if (block.kind === 'line') {
      const page = pages[pages.length - 1]!;
      block.text = drawable(block.text);
      if ((block.pageStart && page.some((r) => !r.blank)) || page.length >= maxRows) pages.push([]);
      const text = block.text;
      pages[pages.length - 1]!.push({
        cells: text === '' ? [] : [{ text, x: 0 }],
        width: text === '' ? 0 : doc.widthOfString(text),
        blank: text === '',
      });
      continue;
    }
    const columns = Math.max(...block.rows.map((r) => r?.length ?? 0));
    const widths = Array.from({ length: columns }, (_, i) =>
      Math.max(0, ...block.rows.map((r) => (r?.[i] ? doc.widthOfString(r[i]!) : 0))),
    );
    const xs = widths.map((_, i) => widths.slice(0, i).reduce((s, w) => s + w + CELL_GAP, 0));
    for (const cells of block.rows) {
      if (pages[pages.length - 1]!.length >= maxRows) pages.push([]);
      const drawn = (cells ?? []).flatMap((text, i) => (text === '' ? [] : [{ text, x: xs[i]! }]));
      pages[pages.length - 1]!.push({
        cells: drawn,
        width: Math.max(0, ...drawn.map((c) => c.x + doc.widthOfString(c.text))),
        blank: drawn.length === 0,
      });
    }
  }

  pages.forEach((rows, index) => {
    const width = Math.max(595, 2 * MARGIN + Math.max(0, ...rows.map((r) => r.width)) + 10);
    const height = Math.max(400, 2 * MARGIN + 30 + rows.length * pitch);
    doc.addPage({ size: [width, height], margin: 0 });
    if (options.header !== undefined)
      doc.fontSize(size - 1).text(options.header, MARGIN, 14, { lineBreak: false });
    const footer = options.footer ? options.footer(index + 1) : String(index + 1);
    doc.fontSize(size - 1).text(footer, width / 2, height - 22, { lineBreak: false });
    doc.fontSize(size);
    let y = MARGIN + 10;
    for (const row of rows) {
      for (const cell of row.cells) doc.text(cell.text, MARGIN + cell.x, y, { lineBreak: false });
      y += pitch;
    }
  });
  doc.end();
  return done;
}

/** A page of prose in two columns under a full-width title, for reading-order tests. */
export async function makeTwoColumnPdf(title: string, left: readonly string[], right: readonly string[]) {
  const doc = newPdf();
  const done = collect(doc);
  doc.addPage({ size: [595, 842], margin: 0 });
  doc.font('Helvetica').fontSize(14).text(title, 50, 50, { lineBreak: false });
  doc.fontSize(9);
  left.forEach((text, i) => {
    doc.text(text, 50, 90 + i * 12, { lineBreak: false });
  });
  right.forEach((text, i) => {
    doc.text(text, 312, 90 + i * 12, { lineBreak: false });
  });
  doc.end();
  return done;
}

/** A PDF whose only page content is a drawing: what a scanner without OCR produces. */
export async function makeImageOnlyPdf(pages = 2): Promise<Uint8Array> {
  const doc = newPdf();
  const done = collect(doc);
  for (let i = 0; i < pages; i++) {
    doc.addPage({ size: [595, 842], margin: 0 });
    doc.rect(50, 50, 400, 300).fill('#888888');
    doc.moveTo(60, 400).lineTo(500, 700).stroke();
  }
  doc.end();
  return done;
}

const BULLET_RE = /^•\s+/;

export async function makeDocx(lines: readonly string[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of blocks(lines)) {
    if (block.kind === 'line') {
      if (BULLET_RE.test(block.text))
        children.push(new Paragraph({ text: block.text.replace(BULLET_RE, ''), bullet: { level: 0 } }));
      else children.push(new Paragraph({ children: [new TextRun(block.text)] }));
      continue;
    }
    tableParts(block.rows).forEach((rows, i) => {
      if (i > 0) children.push(new Paragraph({ children: [] }));
      if (rows.length === 0) return;
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: rows.map(
            (cells) =>
              new TableRow({
                children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })),
              }),
          ),
        }),
      );
    });
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  æ: '&aelig;',
  ø: '&oslash;',
  å: '&aring;',
  Æ: '&AElig;',
  Ø: '&Oslash;',
  Å: '&Aring;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"æøåÆØÅ]/g, (ch) => ENTITY[ch] ?? ch);
}

export function makeHtml(lines: readonly string[], title = 'Dokument'): Uint8Array {
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="nb"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>`,
    '<style>p { margin: 0 } .x::before { content: "ikke tekst" }</style>',
    '<script>document.write("<p>Skal ikke med</p>");</script></head><body>',
  ];
  let inList = false;
  for (const block of blocks(lines)) {
    const bullet = block.kind === 'line' && BULLET_RE.test(block.text);
    if (inList && !bullet) {
      out.push('</ul>');
      inList = false;
    }
    if (block.kind === 'table') {
      for (const rows of tableParts(block.rows)) {
        out.push('<table>');
        for (const row of rows) out.push(`<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
        out.push('</table>');
      }
    } else if (bullet) {
      if (!inList) out.push('<ul>');
      inList = true;
      out.push(`<li>${escapeHtml(block.text.replace(BULLET_RE, ''))}</li>`);
    } else if (block.text !== '') {
      // Wrapped source lines, as HTML editors write them: the reader must collapse the whitespace.
      out.push(
        `<p>\n  ${escapeHtml(block.text).replace(/ /g, (s, i: number) => (i % 7 === 3 ? '\n  ' : s))}\n</p>`,
      );
    }
  }
  if (inList) out.push('</ul>');
  out.push('</body></html>');
  return new TextEncoder().encode(out.join('\n'));
}

/** A ZIP archive written by hand, so a test can declare any entry (zip bomb, missing parts). */
export function makeZip(
  entries: readonly { name: string; data: Uint8Array; declaredSize?: number }[],
): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.data, { level: 9 });
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(0, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(entry.declaredSize ?? entry.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    local.push(head, name, packed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(entry.declaredSize ?? entry.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += head.length + name.length + packed.length;
  }
  const dirSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

/** Characters a Markdown writer escapes in text so they stay text. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\|_`[\]]/g, (ch) => `\\${ch}`)
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/<(?=[a-zA-Z!/])/g, '&lt;')
    .replace(/^([#>+*-])(?=\s|$|\1)/, '\\$1')
    .replace(/^(=)(?==*\s*$)/, '\\$1');
}

const PAGE_MARKER = '<!-- PageBreak -->';
const NUMBERED_HEADING_RE = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+\p{Lu}/u;

/**
 * A Markdown edition as a PDF converter writes it: numbered headings as ATX headings, "• " lines as
 * "- " bullets, each run of tab-separated lines as a pipe table (its first row the header, padded to the
 * widest row), a page start (a line opening with a space) as a `<!-- PageBreak -->` marker: on its own
 * line in place of a blank line, else in front of the line.
 */
export function makeMarkdown(lines: readonly string[]): Uint8Array {
  const out: string[] = [];
  let table: { cells: string[]; marker: string }[] = [];
  const flushTable = (): void => {
    if (table.length === 0) return;
    const width = Math.max(...table.map((r) => r.cells.length));
    const row = (r: { cells: string[]; marker: string }): string =>
      `${r.marker}| ${Array.from({ length: width }, (_, i) => escapeMarkdown(r.cells[i] ?? '')).join(' | ')} |`;
    out.push(row(table[0]!), `|${' --- |'.repeat(width)}`, ...table.slice(1).map(row));
    table = [];
  };
  for (const raw of lines) {
    const pageStart = /^(?:\f| [\u00A0 ]*\S)/.test(raw);
    const line = raw.replace(/^[ \f]+/, '').replace(/\s+$/, '');
    // Between blocks the marker takes the blank line's place; inside a paragraph or a table it goes
    // in front of the line.
    let marker = '';
    if (pageStart && table.length === 0 && out[out.length - 1] === '') out[out.length - 1] = PAGE_MARKER;
    else if (pageStart) marker = PAGE_MARKER;
    if (raw.includes('\t')) {
      table.push({
        cells: raw
          .replace(/^\f/, '')
          .split('\t')
          .map((c) => c.trim()),
        marker,
      });
      continue;
    }
    flushTable();
    const heading = NUMBERED_HEADING_RE.exec(line);
    if (heading && line.length < 120)
      out.push(`${marker}${'#'.repeat(Math.min(6, heading[1]!.split('.').length))} ${escapeMarkdown(line)}`);
    else if (line.startsWith('• ')) out.push(`${marker}- ${escapeMarkdown(line.slice(2))}`);
    else out.push(`${marker}${escapeMarkdown(line)}`);
  }
  flushTable();
  return new TextEncoder().encode(`${out.join('\n')}\n`);
}

export interface WordPdfOptions {
  /** Page height in points (A4 is 842); a short page forces a table over a page break. */
  pageHeight?: number;
  fontSize?: number;
  /** Break a table's page after this many body rows, wherever the table stands. */
  maxTableRowsPerPage?: number;
  /**
   * How borders are drawn: 'lines' (stroked), 'rects' (thin filled rectangles, as Word's PDF export
   * draws them) or 'horizontal' (only rules between rows, a common table style).
   */
  borders?: 'lines' | 'rects' | 'horizontal';
  /** Repeat the header row at the top of each page a table continues on (Word's "repeat as header row"). */
  repeatHeader?: boolean;
}

const AMOUNT_CELL_RE = /^-?[\d\u00a0 .,]+$/;

/** Split text into lines no wider than `width` at the current font (words longer than a line stay whole). */
export function wrapText(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && doc.widthOfString(candidate) > width) {
      out.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') out.push(line);
  return out.length > 0 ? out : [''];
}

/**
 * A letter as Word exports it to PDF: A4 pages, prose wrapped at the margin, each run of tab-separated
 * lines a ruled table (a border round every cell, drawn as lines) whose column widths follow the
 * content, cells wrapping over several lines, amounts right-aligned, the first row bold and repeated
 * at the top of every page the table continues on, "Side N" at the foot of each page.
 */
export async function makeWordPdf(
  lines: readonly string[],
  options: WordPdfOptions = {},
): Promise<Uint8Array> {
  const size = options.fontSize ?? 9;
  const pitch = size * 1.2;
  // Word's default cell margins: 0.19 cm left and right, none above and below (2 pt here for the rule).
  const pad = 5.4;
  const padY = 2;
  const width = 595;
  const height = options.pageHeight ?? 842;
  const margin = 56;
  const content = width - 2 * margin;
  const doc = newPdf();
  const done = collect(doc);
  let page = 0;
  let y = 0;
  const newPage = (): void => {
    doc.addPage({ size: [width, height], margin: 0 });
    page++;
    doc
      .font('Helvetica')
      .fontSize(size - 1)
      .text(`Side ${page}`, width - margin - 30, height - 30, {
        lineBreak: false,
      });
    doc.fontSize(size);
    y = margin;
  };
  const room = (h: number): void => {
    if (y + h > height - margin) newPage();
  };
  newPage();
  for (const block of blocks(lines.map((l) => l.replace(/^[ \f]+(?=\S)/, '')))) {
    if (block.kind === 'line') {
      doc.font('Helvetica').fontSize(size);
      const text = drawable(block.text);
      if (text === '') {
        y += pitch * 0.6;
        continue;
      }
      for (const part of wrapText(doc, text, content)) {
        room(pitch);
        doc.text(part, margin, y, { lineBreak: false });
        y += pitch;
      }
      continue;
    }
    const rows = block.rows.filter((r): r is string[] => r !== null).map((r) => r.map(drawable));
    const columns = Math.max(...rows.map((r) => r.length));
    // Column widths follow the longest word and the total text of each column, as Word's autofit
    // does; the header row is measured in bold, as it is drawn. A word takes at most a third of the line.
    const measure = (text: string, r: number): number => {
      doc.font(r === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
      return doc.widthOfString(text);
    };
    const need = Array.from({ length: columns }, (_, c) =>
      Math.max(...rows.map((r, i) => measure(r[c] ?? '', i))),
    );
    const least = Array.from(
      { length: columns },
      (_, c) =>
        Math.min(
          content / 3,
          Math.max(...rows.flatMap((r, i) => (r[c] ?? '').split(/\s+/).map((w) => measure(w, i)))),
        ) +
        2 * pad,
    );
    const total = need.reduce((s, w) => s + w + 2 * pad, 0);
    const widths =
      total <= content
        ? need.map((w) => w + 2 * pad)
        : (() => {
            const spare = content - least.reduce((s, w) => s + w, 0);
            const extra = need.map((w, c) => Math.max(0, w + 2 * pad - least[c]!));
            const sum = extra.reduce((s, w) => s + w, 0) || 1;
            return least.map((w, c) => w + (Math.max(0, spare) * extra[c]!) / sum);
          })();
    const xs = widths.map((_, c) => margin + widths.slice(0, c).reduce((s, w) => s + w, 0));
    const right = margin + widths.reduce((s, w) => s + w, 0);
    const layout = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
      const wrapped = Array.from({ length: columns }, (_, c) =>
        wrapText(doc, cells[c] ?? '', widths[c]! - 2 * pad),
      );
      return { wrapped, h: Math.max(...wrapped.map((w) => w.length)) * pitch + 2 * padY, bold };
    };
    const draw = (row: ReturnType<typeof layout>): void => {
      doc.font(row.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
      row.wrapped.forEach((parts, c) => {
        parts.forEach((part, k) => {
          const amount = AMOUNT_CELL_RE.test(part);
          const x = amount ? xs[c]! + widths[c]! - pad - doc.widthOfString(part) : xs[c]! + pad;
          doc.text(part, x, y + padY + k * pitch, { lineBreak: false });
        });
      });
      const style = options.borders ?? 'lines';
      if (style === 'rects') {
        doc.rect(margin, y - 0.25, right - margin, 0.5).fill('#000000');
        doc.rect(margin, y + row.h - 0.25, right - margin, 0.5).fill('#000000');
        for (const x of [...xs, right]) doc.rect(x - 0.25, y, 0.5, row.h).fill('#000000');
      } else {
        doc.lineWidth(0.5).moveTo(margin, y).lineTo(right, y).stroke();
        doc
          .moveTo(margin, y + row.h)
          .lineTo(right, y + row.h)
          .stroke();
        if (style === 'lines')
          for (const x of [...xs, right])
            doc
              .moveTo(x, y)
              .lineTo(x, y + row.h)
              .stroke();
      }
      y += row.h;
    };
    const header = layout(rows[0]!, true);
    room(header.h + pitch);
    draw(header);
    let onPage = 0;
    for (const cells of rows.slice(1)) {
      const row = layout(cells, false);
      if (y + row.h > height - margin || onPage === options.maxTableRowsPerPage) {
        newPage();
        if (options.repeatHeader ?? true) draw(header);
        onPage = 0;
      }
      draw(row);
      onPage++;
    }
    y += pitch * 0.6;
  }
  doc.end();
  return done;
}
