/**
 * Pages of positioned text → raw lines of the text model:
 *   runs → rows (by baseline) → running headers/footers dropped → reading order (columns)
 *   → table rows on their column grid → lines, a blank line where the vertical gap shows a paragraph break.
 * A page's first line starts with one space: the convention of the PDF text exports the line model
 * reads as `pageStart` (a line that starts with a tab cell uses a form feed instead).
 */
import { readingOrder } from './columns.js';
import { mergeRuledRows } from './ruled.js';
import { buildRows, type Row, rowText, type TextRun } from './rows.js';
import { NO_RULES, type Rules } from './rules.js';
import { dropRunningText, type PageRows } from './running-text.js';
import { type Grid, rowsToText } from './tables.js';

export interface PageText {
  width: number;
  height: number;
  runs: TextRun[];
  /** Borders the page draws; absent when unknown (tests that build pages by hand). */
  rules?: Rules;
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
  const pageRows: PageRows[] = pages.map((p) => {
    const rules = p.rules ?? NO_RULES;
    return { height: p.height, rows: mergeRuledRows(buildRows(p.runs, rules.vertical), rules) };
  });
  dropRunningText(pageRows);
  const lines: string[] = [];
  const pageOf: number[] = [];
  let carried: Grid | null = null;
  const headers = new Set<string>();
  let endsInTable = false;
  pageRows.forEach((page, index) => {
    let ordered = readingOrder(page.rows);
    // Word repeats a table's header row on every page the table runs over; the text has it once.
    if (endsInTable && ordered[0]?.table !== undefined && headers.has(rowText(ordered[0])))
      ordered = ordered.slice(1);
    for (const row of tableHeaders(ordered, endsInTable)) headers.add(rowText(row));
    endsInTable = ordered[ordered.length - 1]?.table !== undefined;
    const breaks = ordered.map((row, i) => {
      const prev = ordered[i - 1];
      if (prev?.table !== undefined && prev.table === row.table) return false;
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

/**
 * First rows of the ruled tables that start on a page; a page that opens inside a table continued
 * from the page before (`continued`) does not start one there.
 */
function tableHeaders(rows: readonly Row[], continued: boolean): Row[] {
  return rows.filter(
    (row, i) => row.table !== undefined && (i === 0 ? !continued : rows[i - 1]!.table === undefined),
  );
}

export function hasText(pages: readonly PageText[]): boolean {
  return pages.some((p) => p.runs.some((r) => r.text.trim() !== ''));
}
