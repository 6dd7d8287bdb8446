/**
 * A report as PDF (pdfkit, no browser at run time): a tagged PDF with document language nb-NO and a
 * structure tree (headings, paragraphs, tables with header cells), bookmarks for every heading as the
 * table of contents, table header rows repeated after a page break (marked as pagination artifacts so
 * a screen reader reads them once), and page numbers. The standard Helvetica covers Latin-1 (æøå).
 */
import PDFDocument from 'pdfkit';
import { cellText } from '../../core/reports/cell-text.js';
import type { Block, Cell, Column, Report } from '../../core/reports/model.js';

const MARGIN = 40;
const FOOTER = 24;
const PAD = 3;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const TABLE_SIZE = 8;
const FLAG_COLOUR = '#9B1C1C';
const HEADER_FILL = '#D9E2F3';
const RULE = '#8A8A8A';

/** Typographic characters the standard fonts' WinAnsi encoding lacks, as their nearest ASCII. */
const PLAIN: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u202f': ' ',
  '\u2009': ' ',
};
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can draw: Latin-1 and Windows-1252 kept, known look-alikes mapped, the rest "?". */
export function winAnsi(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch === '\n' || ch === '\t') out += ' ';
    else out += PLAIN[ch] ?? '?';
  }
  return out;
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

class PdfWriter {
  readonly doc: Doc;
  private readonly root: Struct;

  constructor(private readonly report: Report) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN },
      tagged: true,
      lang: 'nb-NO',
      pdfVersion: '1.7',
      displayTitle: true,
      bufferPages: true,
      info: { Title: report.title, Creator: 'styr', Producer: 'styr (pdfkit)' },
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }
  private get bottom(): number {
    return this.doc.page.height - MARGIN - FOOTER;
  }

  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Text as a structure element of its own (P, H1, H2 …) under `parent`. */
  private textElement(
    parent: Struct,
    tag: string,
    text: string,
    font: string,
    size: number,
    gap: number,
  ): void {
    const t = winAnsi(text);
    this.doc.font(font).fontSize(size);
    this.ensure(this.doc.heightOfString(t, { width: this.width }) + gap);
    parent.add(
      this.doc.struct(tag, {}, () => {
        this.doc.text(t, MARGIN, this.doc.y, { width: this.width });
      }),
    );
    this.doc.moveDown(gap / size);
  }

  title(): void {
    this.textElement(this.root, 'Title', this.report.title, BOLD, 20, 8);
    for (const m of this.report.meta) this.textElement(this.root, 'P', `${m.label}: ${m.value}`, FONT, 10, 2);
    this.doc.moveDown(1);
  }

  block(b: Block): void {
    switch (b.kind) {
      case 'heading': {
        const size = b.level === 1 ? 14 : 12;
        this.doc.font(BOLD).fontSize(size);
        // A heading is kept with at least a few lines of what follows it.
        this.ensure(size * 5);
        this.doc.moveDown(0.4);
        this.doc.outline.addItem(winAnsi(b.text));
        this.textElement(this.root, b.level === 1 ? 'H1' : 'H2', b.text, BOLD, size, 4);
        return;
      }
      case 'paragraph':
        this.textElement(this.root, 'P', b.text, FONT, 10, 6);
        return;
      case 'table':
        this.table(b.columns, b.rows);
        this.doc.moveDown(0.8);
        return;
    }
  }

  private widths(columns: Column[]): number[] {
    const total = columns.reduce((s, c) => s + c.width, 0);
    return columns.map((c) => (c.width / total) * this.width);
  }

  private rowHeight(texts: string[], widths: number[], font: string): number {
    this.doc.font(font).fontSize(TABLE_SIZE);
    const h = Math.max(
      ...texts.map((t, i) => this.doc.heightOfString(t, { width: (widths[i] ?? 0) - 2 * PAD })),
    );
    // A row taller than a page is cut (with an ellipsis) rather than spilling over the footer.
    return Math.min(h + 2 * PAD, this.bottom - MARGIN - 40);
  }

  private drawRow(
    row: Struct | null,
    cells: { text: string; align: 'left' | 'right'; bold: boolean; colour: string | null; tag: string }[],
    widths: number[],
    height: number,
    fill: string | null,
  ): void {
    const doc = this.doc;
    const top = doc.y;
    let x = MARGIN;
    // Rules and fills are decoration, not content.
    doc.markContent('Artifact', { type: 'Layout' });
    if (fill) doc.rect(MARGIN, top, this.width, height).fill(fill);
    doc.lineWidth(0.5).strokeColor(RULE).rect(MARGIN, top, this.width, height).stroke();
    for (const w of widths.slice(0, -1)) {
      x += w;
      doc
        .moveTo(x, top)
        .lineTo(x, top + height)
        .stroke();
    }
    doc.endMarkedContent();
    x = MARGIN;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 0;
      const draw = () => {
        doc
          .font(c.bold ? BOLD : FONT)
          .fontSize(TABLE_SIZE)
          .fillColor(c.colour ?? 'black')
          .text(c.text, x + PAD, top + PAD, {
            width: w - 2 * PAD,
            height: height - 2 * PAD,
            align: c.align,
            ellipsis: true,
          });
      };
      if (row) row.add(doc.struct(c.tag, {}, draw));
      else {
        doc.markContent('Artifact', { type: 'Pagination' });
        draw();
        doc.endMarkedContent();
      }
      x += w;
    });
    doc.fillColor('black');
    doc.x = MARGIN;
    doc.y = top + height;
  }

  private table(columns: Column[], rows: Cell[][]): void {
    const widths = this.widths(columns);
    const table = this.doc.struct('Table');
    this.root.add(table);
    const headerCells = columns.map((c) => ({
      text: winAnsi(c.title),
      align: c.align,
      bold: true,
      colour: null,
      tag: 'TH',
    }));
    const headerHeight = this.rowHeight(
      headerCells.map((c) => c.text),
      widths,
      BOLD,
    );
    const header = (tagged: boolean) => {
      const tr = tagged ? this.doc.struct('TR') : null;
      if (tr) table.add(tr);
      this.drawRow(tr, headerCells, widths, headerHeight, HEADER_FILL);
      tr?.end();
    };
    const firstHeight = rows[0] ? this.rowHeight(rows[0].map(cellText).map(winAnsi), widths, FONT) : 0;
    this.ensure(headerHeight + firstHeight);
    header(true);
    for (const r of rows) {
      const cells = columns.map((c, i) => {
        const cell: Cell = r[i] ?? { kind: 'text', text: '' };
        return {
          text: winAnsi(cellText(cell)),
          align: c.align,
          bold: cell.kind === 'flag',
          colour: cell.kind === 'flag' ? FLAG_COLOUR : null,
          tag: 'TD',
        };
      });
      const height = this.rowHeight(
        cells.map((c) => c.text),
        widths,
        FONT,
      );
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        header(false);
      }
      const tr = this.doc.struct('TR');
      table.add(tr);
      this.drawRow(tr, cells, widths, height, null);
      tr.end();
    }
    table.end();
  }

  /** "Side 1 av 3" on every page, as a pagination artifact. */
  pageNumbers(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const y = this.doc.page.height - MARGIN - 10;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      this.doc
        .font(FONT)
        .fontSize(8)
        .fillColor('#444444')
        .text(winAnsi(`${this.report.title} – side ${i + 1} av ${range.count}`), MARGIN, y, {
          width: this.width,
          align: 'right',
          lineBreak: false,
        });
      this.doc.endMarkedContent();
    }
  }

  finish(): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    const done = new Promise<Uint8Array>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      this.doc.on('error', reject);
    });
    this.root.end();
    this.pageNumbers();
    this.doc.end();
    return done;
  }
}

export function renderPdf(report: Report): Promise<Uint8Array> {
  const w = new PdfWriter(report);
  w.title();
  for (const b of report.blocks) w.block(b);
  return w.finish();
}
