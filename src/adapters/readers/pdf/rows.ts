/**
 * Positioned text runs of one PDF page → rows of cells. Pure geometry, no pdfjs: the reader
 * (../pdf.ts) converts pdfjs items into `TextRun`s in top-down page coordinates.
 */
import type { Segment } from './rules.js';

/** One piece of text as the PDF draws it; y is the baseline measured from the top of the page. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size (height of the em square) in page units. */
  size: number;
}

/** Text separated from its neighbours on the row by a wide gap: a table cell or a column's line. */
export interface Cell {
  text: string;
  x0: number;
  x1: number;
}

export interface Row {
  y: number;
  size: number;
  cells: Cell[];
  /** Rows of one ruled table share this number (see ruled.ts); every column then has a cell. */
  table?: number;
}

/** A gap wider than this many ems is a cell boundary, not a word space (Word's column gap is ≥ 1 em). */
const TAB_GAP_EM = 1.0;
/** A gap narrower than this joins two runs without a space (kerning, a font change inside a word). */
const SPACE_GAP_EM = 0.15;
/** Baselines closer than this share a row (superscript footnote marks sit ~0.33 em higher). */
const SAME_ROW_EM = 0.45;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A vertical border between x0 and x1 crossing the baseline y: the runs on either side are two cells. */
function ruleBetween(verticals: readonly Segment[], x0: number, x1: number, y: number, em: number): boolean {
  return verticals.some((v) => v.at >= x0 - 1 && v.at <= x1 + 1 && v.from <= y && v.to >= y - 0.7 * em);
}

function joinRuns(runs: TextRun[], verticals: readonly Segment[]): Cell[] {
  runs.sort((a, b) => a.x - b.x);
  const cells: Cell[] = [];
  let cell: Cell | null = null;
  let prev: TextRun | null = null;
  for (const run of runs) {
    const em = Math.max(run.size, prev?.size ?? 0, 1);
    if (cell && prev) {
      const gap = run.x - cell.x1;
      // Fake bold: the same text drawn twice a fraction of a point apart.
      if (run.text === prev.text && Math.abs(run.x - prev.x) < 0.3 * em) continue;
      if (gap > TAB_GAP_EM * em || ruleBetween(verticals, cell.x1, run.x, run.y, em)) {
        cells.push(cell);
        cell = null;
      } else {
        const needsSpace = gap > SPACE_GAP_EM * em && !cell.text.endsWith(' ') && !run.text.startsWith(' ');
        cell.text += (needsSpace ? ' ' : '') + run.text;
        cell.x1 = Math.max(cell.x1, run.x + run.width);
        prev = run;
        continue;
      }
    }
    cell = { text: run.text, x0: run.x, x1: run.x + run.width };
    prev = run;
  }
  if (cell) cells.push(cell);
  for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim();
  return cells.filter((c) => c.text !== '');
}

/** Group runs into rows by baseline (top to bottom), each row's cells left to right. */
export function buildRows(runs: readonly TextRun[], verticals: readonly Segment[] = []): Row[] {
  const visible = runs.filter((r) => r.text.trim() !== '');
  visible.sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Row[] = [];
  let group: TextRun[] = [];
  let groupY = 0;
  let groupSize = 0;
  const close = () => {
    if (group.length === 0) return;
    const cells = joinRuns(group, verticals);
    if (cells.length > 0) rows.push({ y: median(group.map((r) => r.y)), size: groupSize, cells });
    group = [];
  };
  for (const run of visible) {
    if (group.length > 0 && run.y - groupY > SAME_ROW_EM * Math.max(groupSize, run.size)) close();
    if (group.length === 0) {
      groupY = run.y;
      groupSize = run.size;
    }
    group.push(run);
    groupSize = Math.max(groupSize, run.size);
  }
  close();
  return rows;
}

export function rowText(row: Row): string {
  return row.cells.map((c) => c.text).join('\t');
}

export function rowX0(row: Row): number {
  return row.cells[0]?.x0 ?? 0;
}

export function rowX1(row: Row): number {
  return row.cells[row.cells.length - 1]?.x1 ?? 0;
}
