/**
 * Ruled tables (Word's default: a border round every cell). A row of such a table lies between two
 * horizontal borders, however many lines its cells wrap over; its columns lie between the vertical
 * borders. Each such band of text rows becomes one row with one cell per column, the wrapped lines of
 * a cell joined by spaces, so the row reads as the text and DOCX editions give it: one line per row.
 */
import type { Cell, Row } from './rows.js';
import type { Rules, Segment } from './rules.js';

/** Borders closer than this are one border (Word draws double or overlapping cell edges). */
const SAME_RULE = 1.5;
/** A band taller than this many text lines is a box round a page of text, not a table row. */
const MAX_BAND_LINES = 30;
/** Without vertical borders a table row is short; a taller band is text between two lines. */
const MAX_OPEN_BAND_LINES = 8;

interface Band {
  top: Segment;
  bottom: Segment;
  rows: Row[];
}

/** Horizontal borders merged where they coincide, top to bottom. */
function borders(segments: readonly Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  for (const s of sorted) {
    const same = out.find(
      (o) => Math.abs(o.at - s.at) <= SAME_RULE && s.from <= o.to + 2 && s.to >= o.from - 2,
    );
    if (same) {
      same.from = Math.min(same.from, s.from);
      same.to = Math.max(same.to, s.to);
    } else out.push({ ...s });
  }
  return out.sort((a, b) => a.at - b.at);
}

function spans(rule: Segment, row: Row): boolean {
  const x0 = row.cells[0]?.x0 ?? 0;
  const x1 = row.cells[row.cells.length - 1]?.x1 ?? 0;
  return rule.from <= x0 + 1 && rule.to >= x1 - 1;
}

/** Column edges inside a band: vertical borders crossing its middle, left to right. */
function columnEdges(verticals: readonly Segment[], top: number, bottom: number): number[] {
  const mid = (top + bottom) / 2;
  const xs = verticals
    .filter((v) => v.from <= mid && v.to >= mid)
    .map((v) => v.at)
    .sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (out.length === 0 || x - out[out.length - 1]! > SAME_RULE) out.push(x);
  return out;
}

/** Merge a band's rows column by column; `columnOf` says which column a cell belongs to. */
function mergeColumns(band: Band, count: number, columnOf: (cell: Cell) => number): (Cell | null)[] {
  const columns: (Cell | null)[] = Array.from({ length: count }, () => null);
  for (const row of band.rows) {
    for (const cell of row.cells) {
      const c = Math.max(0, Math.min(columnOf(cell), count - 1));
      const open = columns[c];
      if (!open) columns[c] = { ...cell };
      else {
        open.text = `${open.text} ${cell.text}`;
        open.x0 = Math.min(open.x0, cell.x0);
        open.x1 = Math.max(open.x1, cell.x1);
      }
    }
  }
  return columns;
}

function bandRow(band: Band, cells: Cell[]): Row {
  return { y: band.rows[0]!.y, size: Math.max(...band.rows.map((r) => r.size)), cells };
}

/** A band between vertical borders: one cell per column, empty ones at their column's left edge. */
function mergeByEdges(band: Band, edges: readonly number[]): Row {
  const columns = mergeColumns(band, edges.length - 1, (cell) => {
    const centre = (cell.x0 + cell.x1) / 2;
    const c = edges.findIndex((x) => x > centre) - 1;
    return c < 0 ? (centre < edges[0]! ? 0 : edges.length - 2) : c;
  });
  return bandRow(
    band,
    columns.map((cell, c) => cell ?? { text: '', x0: edges[c]! + 1, x1: edges[c]! + 1 }),
  );
}

/**
 * A band with borders only between rows: its widest text row gives the columns, each wrapped line's
 * cell joins the column it overlaps (or starts after). Empty columns stay out; the grid places the rest.
 */
function mergeByAnchors(band: Band): Row {
  const anchors = band.rows.reduce((best, r) => (r.cells.length > best.cells.length ? r : best)).cells;
  const columns = mergeColumns(band, anchors.length, (cell) => {
    const overlap = anchors.findIndex((a) => cell.x0 < a.x1 && cell.x1 > a.x0);
    if (overlap >= 0) return overlap;
    let c = 0;
    anchors.forEach((a, k) => {
      if (a.x0 <= cell.x0) c = k;
    });
    return c;
  });
  return bandRow(
    band,
    columns.filter((c): c is Cell => c !== null),
  );
}

function multiCell(band: Band): boolean {
  return band.rows.some((r) => r.cells.length >= 2);
}

/**
 * Rows of a page with the text rows of each ruled table row merged into one. Rows outside ruled
 * tables stay as they are. A band without inner vertical borders counts only when it holds a row of
 * several cells and borders another such band: a table with rules between its rows only, never a
 * letterhead between two lines.
 */
export function mergeRuledRows(rows: readonly Row[], rules: Rules): Row[] {
  if (rules.horizontal.length < 2) return [...rows];
  const hs = borders(rules.horizontal);
  const items: (Row | { band: Band; edges: number[] })[] = [];
  let i = 0;
  while (i < rows.length) {
    const row = rows[i]!;
    const top = [...hs].reverse().find((h) => h.at < row.y - 0.5 * row.size && spans(h, row));
    const bottom = hs.find((h) => h.at > row.y && spans(h, row));
    if (!top || !bottom || bottom.at - top.at > MAX_BAND_LINES * row.size * 1.5) {
      items.push(row);
      i++;
      continue;
    }
    const band: Band = { top, bottom, rows: [] };
    while (i < rows.length && rows[i]!.y < bottom.at && rows[i]!.y > top.at) band.rows.push(rows[i++]!);
    items.push({ band, edges: columnEdges(rules.vertical, top.at, bottom.at) });
  }
  const touches = (a: Band, b: Band): boolean =>
    Math.abs(a.bottom.at - b.top.at) <= SAME_RULE || Math.abs(b.bottom.at - a.top.at) <= SAME_RULE;
  const ruledOnlyAcross = (k: number): boolean => {
    const item = items[k]!;
    if ('cells' in item || !multiCell(item.band)) return false;
    if (item.band.bottom.at - item.band.top.at > MAX_OPEN_BAND_LINES * item.band.rows[0]!.size * 1.5)
      return false;
    return [items[k - 1], items[k + 1]].some(
      (n) => n !== undefined && !('cells' in n) && multiCell(n.band) && touches(n.band, item.band),
    );
  };
  const out: Row[] = [];
  let table = 0;
  let last: Band | null = null;
  items.forEach((item, k) => {
    if ('cells' in item) {
      out.push(item);
      last = null;
      return;
    }
    const byEdges = item.edges.length >= 3;
    if (!byEdges && !ruledOnlyAcross(k)) {
      out.push(...item.band.rows);
      last = null;
      return;
    }
    // Consecutive bands that share a border are one table.
    if (last === null || !touches(last, item.band)) table++;
    last = item.band;
    const merged = byEdges ? mergeByEdges(item.band, item.edges) : mergeByAnchors(item.band);
    out.push({ ...merged, table });
  });
  return out;
}
