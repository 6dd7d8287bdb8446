/**
 * A report as a Word document (docx package): real Heading styles so the navigation pane and screen
 * readers see the structure, a table of contents filled from those headings, header rows that repeat
 * on every page, document language nb-NO, and page numbers in the footer.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { cellText } from '../../core/reports/cell-text.js';
import type { Block, Cell, Column, Report } from '../../core/reports/model.js';

const LANGUAGE = { value: 'nb-NO' };
const FLAG_COLOUR = '9B1C1C';
const HEADER_FILL = 'D9E2F3';

function cellParagraph(c: Cell, col: Column): Paragraph {
  return new Paragraph({
    alignment: col.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [
      new TextRun({
        text: cellText(c),
        ...(c.kind === 'flag' ? { bold: true, color: FLAG_COLOUR } : {}),
      }),
    ],
  });
}

function tableOf(block: Extract<Block, { kind: 'table' }>): Table {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const pct = (c: Column) => Math.round((c.width / total) * 100);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (col) =>
        new TableCell({
          width: { size: pct(col), type: WidthType.PERCENTAGE },
          shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' },
          children: [
            new Paragraph({
              alignment: col.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
              children: [new TextRun({ text: col.title, bold: true })],
            }),
          ],
        }),
    ),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map(
          (col, i) =>
            new TableCell({
              width: { size: pct(col), type: WidthType.PERCENTAGE },
              children: [cellParagraph(row[i] ?? { kind: 'text', text: '' }, col)],
            }),
        ),
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

function blockOf(b: Block): Paragraph | Table {
  switch (b.kind) {
    case 'heading':
      return new Paragraph({
        text: b.text,
        heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      });
    case 'paragraph':
      return new Paragraph({ text: b.text });
    case 'table':
      return tableOf(b);
  }
}

export async function renderDocx(report: Report): Promise<Uint8Array> {
  const hasHeadings = report.blocks.some((b) => b.kind === 'heading');
  const doc = new Document({
    creator: 'styr',
    title: report.title,
    description: report.meta.map((m) => `${m.label}: ${m.value}`).join('; '),
    styles: {
      default: {
        document: { run: { language: LANGUAGE, font: 'Calibri', size: 20 } },
        title: { run: { language: LANGUAGE, size: 40, bold: true } },
        heading1: {
          run: { language: LANGUAGE, size: 28, bold: true },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { language: LANGUAGE, size: 24, bold: true },
          paragraph: { spacing: { before: 200, after: 80 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: [`${report.title} – side `, PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }),
          ...report.meta.map(
            (m) =>
              new Paragraph({
                children: [new TextRun({ text: `${m.label}: `, bold: true }), new TextRun(m.value)],
              }),
          ),
          ...(hasHeadings
            ? [
                new Paragraph({
                  spacing: { before: 240, after: 120 },
                  children: [new TextRun({ text: 'Innhold', bold: true, size: 28 })],
                }),
                new TableOfContents('Innhold', { hyperlink: true, headingStyleRange: '1-2' }),
              ]
            : []),
          ...report.blocks.map(blockOf),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
