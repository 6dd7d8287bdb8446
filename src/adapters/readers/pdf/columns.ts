/**
 * Reading order of a page: a two-column page is read down the left column, then down the right one.
 * Rows that cross the gutter (a title over both columns) split the page into bands read in turn.
 */
import { type Cell, type Row, rowX0, rowX1 } from './rows.js';

/** A gutter narrower than this (in ems of the body text) is just a wide word gap. */
const MIN_GUTTER_EM = 1.5;
/** At most this share of rows may cross the gutter (headings, full-width figures' captions). */
const MAX_CROSSING = 0.2;
const MIN_SIDE_ROWS = 5;

interface Gutter {
  x0: number;
  x1: number;
}

function crosses(cell: Cell, g: Gutter): boolean {
  return cell.x0 < g.x1 && cell.x1 > g.x0;
}

/**
 * Widest vertical strip in the middle of the text block that (almost) no row crosses. Only strips
 * whose both sides look like prose count: a table also has empty vertical strips between its columns,
 * but its rows hold several cells per side, or short labels that never reach the strip.
 */
function findGutter(rows: readonly Row[]): Gutter | null {
  if (rows.length < MIN_SIDE_ROWS) return null;
  // Loops, not Math.min(...spread): a page can hold more rows than the call stack has arguments.
  const left = rows.reduce((m, r) => Math.min(m, rowX0(r)), Number.POSITIVE_INFINITY);
  const right = rows.reduce((m, r) => Math.max(m, rowX1(r)), Number.NEGATIVE_INFINITY);
  const width = right - left;
  const em = rows.map((r) => r.size).sort((a, b) => a - b)[Math.floor(rows.length / 2)] ?? 10;
  if (width < 20 * em) return null;
  const step = Math.max(1, em / 4);
  const from = left + width * 0.3;
  const to = left + width * 0.7;
  let best: Gutter | null = null;
  let start: number | null = null;
  const limit = Math.floor(rows.length * MAX_CROSSING);
  for (let x = from; x <= to + step; x += step) {
    const blocked = x > to || rows.filter((r) => r.cells.some((c) => c.x0 < x && c.x1 > x)).length > limit;
    if (!blocked && start === null) start = x;
    if (blocked && start !== null) {
      // The strip ends at the last free position: `x` itself is already inside a cell.
      if (!best || x - step - start > best.x1 - best.x0) best = { x0: start, x1: x - step };
      start = null;
    }
  }
  if (!best || best.x1 - best.x0 < MIN_GUTTER_EM * em) return null;
  return looksLikeColumns(rows, best, left, right) ? best : null;
}

function looksLikeColumns(rows: readonly Row[], g: Gutter, left: number, right: number): boolean {
  const leftWidth = g.x0 - left;
  const rightWidth = right - g.x1;
  if (leftWidth < 0.6 * rightWidth || rightWidth < 0.6 * leftWidth) return false;
  let leftRows = 0;
  let rightRows = 0;
  let leftFull = 0;
  let multiCell = 0;
  for (const row of rows) {
    if (row.cells.some((c) => crosses(c, g))) continue;
    const l = row.cells.filter((c) => c.x1 <= g.x0);
    const r = row.cells.filter((c) => c.x0 >= g.x1);
    if (l.length > 0) leftRows++;
    if (r.length > 0) rightRows++;
    if (l.length > 1 || r.length > 1) multiCell++;
    // Prose in a column runs (nearly) to the gutter; a label column in a table does not.
    if (l.length > 0 && l[l.length - 1]!.x1 - left >= 0.7 * leftWidth) leftFull++;
  }
  if (leftRows < MIN_SIDE_ROWS || rightRows < MIN_SIDE_ROWS) return false;
  if (multiCell > 0.3 * (leftRows + rightRows)) return false;
  return leftFull >= 0.5 * leftRows;
}

function splitRow(row: Row, cells: Cell[]): Row {
  return { y: row.y, size: row.size, cells };
}

/** Rows in reading order; a row on a two-column page is split into its left and right parts. */
export function readingOrder(rows: readonly Row[]): Row[] {
  const gutter = findGutter(rows);
  if (!gutter) return [...rows];
  const out: Row[] = [];
  let leftBand: Row[] = [];
  let rightBand: Row[] = [];
  const flushBand = () => {
    out.push(...leftBand, ...rightBand);
    leftBand = [];
    rightBand = [];
  };
  for (const row of rows) {
    if (row.cells.some((c) => crosses(c, gutter))) {
      flushBand();
      out.push(row);
      continue;
    }
    const l = row.cells.filter((c) => c.x1 <= gutter.x0);
    const r = row.cells.filter((c) => c.x0 >= gutter.x1);
    if (l.length > 0) leftBand.push(splitRow(row, l));
    if (r.length > 0) rightBand.push(splitRow(row, r));
  }
  flushBand();
  return out;
}
