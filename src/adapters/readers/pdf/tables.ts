/**
 * Table rows → tab-separated lines that keep empty cells. A PDF does not draw an empty cell, so
 * "⇥21⇥Spesielle driftsutgifter⇥4 000" (no chapter: same as the row above) would lose its leading tab
 * unless the row is placed on the column grid of the rows around it.
 */
import { type Row, rowText } from './rows.js';

interface Column {
  x0: number;
  x1: number;
}

/** Column grid of a run of table rows: the i-th cells of the rows with the most cells. */
function gridOf(rows: readonly Row[]): Column[] {
  const most = rows.reduce((m, r) => Math.max(m, r.cells.length), 0);
  const cols: Column[] = [];
  for (const row of rows) {
    if (row.cells.length !== most) continue;
    row.cells.forEach((c, i) => {
      const col = cols[i];
      if (!col) cols[i] = { x0: c.x0, x1: c.x1 };
      else {
        col.x0 = Math.min(col.x0, c.x0);
        col.x1 = Math.max(col.x1, c.x1);
      }
    });
  }
  return cols;
}

/** The last column a cell can start in: right-aligned amounts start anywhere inside their column. */
function columnOf(x0: number, cols: readonly Column[], after: number, tolerance: number): number {
  let j = after + 1;
  for (let k = after + 1; k < cols.length; k++) {
    if (cols[k]!.x0 <= x0 + tolerance) j = k;
  }
  return Math.min(j, cols.length - 1);
}

function gridText(row: Row, cols: readonly Column[]): string {
  const out: string[] = cols.map(() => '');
  let last = -1;
  for (const cell of row.cells) {
    const j = Math.max(columnOf(cell.x0, cols, last, row.size * 0.5), last + 1);
    if (j >= out.length) out.push(cell.text);
    else out[j] = cell.text;
    last = j;
  }
  return out.join('\t');
}

/** A one-cell row inside a table that starts in a later column: a continuation or a row with empty cells. */
function fitsGrid(row: Row, cols: readonly Column[]): boolean {
  const cell = row.cells[0];
  const second = cols[1];
  if (!cell || !second || row.cells.length !== 1) return false;
  return cell.x0 >= second.x0 - row.size * 0.5;
}

/**
 * Every cell of the row starts inside a column of the grid: after a paragraph gap (a page break in
 * the source, a blank line in the table) the table goes on only if its rows still line up.
 */
function alignsWith(row: Row, cols: readonly Column[]): boolean {
  if (row.cells.length > cols.length) return false;
  const tolerance = row.size * 0.5;
  let last = -1;
  for (const cell of row.cells) {
    const j = Math.max(columnOf(cell.x0, cols, last, tolerance), last + 1);
    const col = cols[j];
    if (!col || cell.x0 < col.x0 - tolerance || cell.x0 > col.x1 + tolerance) return false;
    last = j;
  }
  return true;
}

export type Grid = readonly Column[];

export interface TableText {
  texts: string[];
  /** Grid of a table that runs to the end of the page, for its continuation on the next page. */
  openGrid: Grid | null;
}

/**
 * Text of each row, table rows laid on their grid. Rows must be in reading order; `breaks[i]` says a
 * paragraph gap precedes row i, which ends a table unless the row lines up with the table's columns.
 * `carried` is the grid of a table the previous page ended in: a continuation page whose first rows
 * all lack the chapter cell ("⇥74⇥Stiftelsen Amatheia⇥20 779") still keeps the empty first cell.
 */
export function rowsToText(
  rows: readonly Row[],
  breaks: readonly boolean[],
  carried: Grid | null = null,
): TableText {
  const out = rows.map(rowText);
  let openGrid: Grid | null = null;
  let i = 0;
  while (i < rows.length) {
    const first = rows[i]!;
    const continued =
      i === 0 &&
      carried !== null &&
      (first.cells.length >= 2 ? alignsWith(first, carried) : fitsGrid(first, carried));
    if (first.cells.length < 2 && !continued) {
      i++;
      continue;
    }
    const multi: Row[] = first.cells.length >= 2 ? [first] : [];
    const widest = (): Grid => {
      const own = multi.length > 0 ? gridOf(multi) : [];
      return continued && carried && carried.length >= own.length ? carried : own;
    };
    let cols = widest();
    let end = i;
    while (end + 1 < rows.length) {
      const next = rows[end + 1]!;
      if (breaks[end + 1] && !alignsWith(next, cols)) break;
      if (next.cells.length >= 2) {
        multi.push(next);
        cols = widest();
      } else if (!fitsGrid(next, cols)) break;
      end++;
    }
    if (cols.length >= 2) for (let k = i; k <= end; k++) out[k] = gridText(rows[k]!, cols);
    openGrid = end === rows.length - 1 && cols.length >= 2 ? cols : null;
    i = end + 1;
  }
  return { texts: out, openGrid };
}
