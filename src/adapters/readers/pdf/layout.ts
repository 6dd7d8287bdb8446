/**
 * Pages of positioned text → raw lines of the text model:
 *   runs → rows (by baseline) → running headers/footers dropped → reading order (columns)
 *   → table rows on their column grid → lines, a blank line where the vertical gap shows a paragraph break.
 * A page's first line starts with one space: the convention of the PDF text exports the line model
 * reads as `pageStart` (a line that starts with a tab cell uses a form feed instead).
 */
import { readingOrder } from './columns.js';
import { buildRows, type TextRun } from './rows.js';
import { dropRunningText, type PageRows } from './running-text.js';
import { type Grid, rowsToText } from './tables.js';

export interface PageText {
  width: number;
  height: number;
  runs: TextRun[];
}

export interface PdfLines {
  lines: string[];
  /** 1-based page of each line. */
  pages: number[];
}

/** A vertical gap of more than this many ems between baselines is a paragraph break (single spacing is ~1.2). */
const PARAGRAPH_GAP_EM = 1.8;

function markPageStart(text: string): string {
  return text.startsWith('\t') ? `\f${text}` : ` ${text}`;
}

export function layoutPages(pages: readonly PageText[]): PdfLines {
  const pageRows: PageRows[] = pages.map((p) => ({ height: p.height, rows: buildRows(p.runs) }));
  dropRunningText(pageRows);
  const lines: string[] = [];
  const pageOf: number[] = [];
  let carried: Grid | null = null;
  pageRows.forEach((page, index) => {
    const ordered = readingOrder(page.rows);
    const breaks = ordered.map((row, i) => {
      const prev = ordered[i - 1];
      return prev !== undefined && row.y - prev.y > PARAGRAPH_GAP_EM * Math.max(row.size, prev.size);
    });
    const table = rowsToText(ordered, breaks, carried);
    carried = table.openGrid;
    table.texts.forEach((text, i) => {
      if (breaks[i]) {
        lines.push('');
        pageOf.push(index + 1);
      }
      lines.push(i === 0 ? markPageStart(text) : text);
      pageOf.push(index + 1);
    });
  });
  return { lines, pages: pageOf };
}

export function hasText(pages: readonly PageText[]): boolean {
  return pages.some((p) => p.runs.some((r) => r.text.trim() !== ''));
}
