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

function mergeBand(band: Band, edges: readonly number[]): Row {
  const columns: (Cell | null)[] = edges.slice(0, -1).map(() => null);
  for (const row of band.rows) {
    for (const cell of row.cells) {
      const centre = (cell.x0 + cell.x1) / 2;
      let c = edges.findIndex((x) => x > centre) - 1;
      if (c < 0) c = centre < edges[0]! ? 0 : columns.length - 1;
      c = Math.min(c, columns.length - 1);
      const open = columns[c];
      if (!open) columns[c] = { ...cell };
      else {
        open.text = `${open.text} ${cell.text}`;
        open.x0 = Math.min(open.x0, cell.x0);
        open.x1 = Math.max(open.x1, cell.x1);
      }
    }
  }
  const first = band.rows[0]!;
  return {
    y: first.y,
    size: Math.max(...band.rows.map((r) => r.size)),
    // An empty cell sits at its column's left edge, so the column grid still places it.
    cells: columns.map((cell, c) => cell ?? { text: '', x0: edges[c]! + 1, x1: edges[c]! + 1 }),
  };
}

/**
 * Rows of a page with the text rows of each ruled table row merged into one. Rows outside ruled
 * tables, and bands without inner column borders, stay as they are.
 */
export function mergeRuledRows(rows: readonly Row[], rules: Rules): Row[] {
  if (rules.horizontal.length < 2 || rules.vertical.length < 2) return [...rows];
  const hs = borders(rules.horizontal);
  const out: Row[] = [];
  let table = 0;
  let lastBottom: Segment | null = null;
  let i = 0;
  while (i < rows.length) {
    const row = rows[i]!;
    const top = [...hs].reverse().find((h) => h.at < row.y - 0.5 * row.size && spans(h, row));
    const bottom = hs.find((h) => h.at > row.y && spans(h, row));
    const edges = top && bottom ? columnEdges(rules.vertical, top.at, bottom.at) : [];
    if (!top || !bottom || edges.length < 3 || bottom.at - top.at > MAX_BAND_LINES * row.size * 1.5) {
      out.push(row);
      lastBottom = null;
      i++;
      continue;
    }
    const band: Band = { top, bottom, rows: [] };
    while (i < rows.length && rows[i]!.y < bottom.at && rows[i]!.y > top.at) band.rows.push(rows[i++]!);
    // Consecutive bands that share a border are one table.
    if (lastBottom === null || Math.abs(lastBottom.at - top.at) > SAME_RULE) table++;
    lastBottom = bottom;
    out.push({ ...mergeBand(band, edges), table });
  }
  return out;
}
