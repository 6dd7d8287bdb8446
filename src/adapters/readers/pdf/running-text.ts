/**
 * Running headers and footers: text a PDF repeats at the same place on most pages ("Tildelingsbrev
 * 2025 – Helsedirektoratet" at the top, "Side 7" at the bottom). They would otherwise land in the
 * middle of sentences that continue over a page break, so they are dropped before lines are built.
 */
import { type Row, rowText } from './rows.js';

export interface PageRows {
  height: number;
  rows: Row[];
}

/** Share of the page height at the top and at the bottom where running text lives. */
const BAND = 0.12;
/** How many rows from each page edge are considered. */
const EDGE_ROWS = 2;
/** Positions of the same running text on different pages may differ by a few points. */
const Y_TOLERANCE = 6;

// "Side 7", "side 7 av 48", "Page 7 of 48", "s. 7": a page number whatever the number.
const LABELLED_PAGE_RE = /^(?:side|s\.|page)\s*\d{1,4}(?:\s*(?:av|of|\/)\s*\d{1,4})?$/i;
// "7", "- 7 -", "7 (48)", "7/48": could also be a number in the text ("2022" alone on a line).
const BARE_PAGE_RE = /^[-–]?\s*(\d{1,4})\s*[-–]?(?:\s*\/\s*\d{1,4}|\s*\(\d{1,4}\))?$/;

/** Digits vary from page to page ("Side 7", "Side 8"); the rest of running text does not. */
function runningKey(row: Row): string {
  return rowText(row).toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

interface Candidate {
  page: number;
  row: Row;
  edge: 'top' | 'bottom';
}

function edgeCandidates(pages: readonly PageRows[]): Candidate[] {
  const out: Candidate[] = [];
  pages.forEach((page, index) => {
    const n = page.rows.length;
    for (let i = 0; i < Math.min(EDGE_ROWS, n); i++) {
      const row = page.rows[i]!;
      if (row.y <= page.height * BAND) out.push({ page: index, row, edge: 'top' });
    }
    for (let i = Math.max(0, n - EDGE_ROWS); i < n; i++) {
      const row = page.rows[i]!;
      if (row.y >= page.height * (1 - BAND) && !out.some((c) => c.row === row))
        out.push({ page: index, row, edge: 'bottom' });
    }
  });
  return out;
}

/** Remove running headers, footers and page numbers from every page (in place). Returns the count. */
export function dropRunningText(pages: PageRows[]): number {
  const candidates = edgeCandidates(pages);
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.edge}|${runningKey(c.row)}`;
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
  }
  const minPages = Math.max(2, Math.ceil(pages.length * 0.5));
  const drop = new Set<Row>();
  for (const list of groups.values()) {
    const distinctPages = new Set(list.map((c) => c.page)).size;
    if (distinctPages < minPages) continue;
    // Same text at the same height on most pages; positions are compared to the most common one.
    const ys = list.map((c) => c.row.y).sort((a, b) => a - b);
    const mid = ys[Math.floor(ys.length / 2)]!;
    const near = list.filter((c) => Math.abs(c.row.y - mid) <= Y_TOLERANCE);
    if (new Set(near.map((c) => c.page)).size < minPages) continue;
    for (const c of near) drop.add(c.row);
  }
  for (const c of candidates) if (LABELLED_PAGE_RE.test(rowText(c.row).trim())) drop.add(c.row);
  for (const row of barePageNumbers(candidates)) drop.add(row);
  for (const page of pages) page.rows = page.rows.filter((r) => !drop.has(r));
  return drop.size;
}

/**
 * Bare numbers at page edges that count the pages: their value minus the page index is the same on
 * most of them (a cover page without number shifts all by one). A lone number on a one-page document
 * counts if it is small; "2022" alone on a line near the bottom of page 5 does not.
 */
function barePageNumbers(candidates: readonly Candidate[]): Row[] {
  const bare: { row: Row; offset: number }[] = [];
  for (const c of candidates) {
    const m = BARE_PAGE_RE.exec(rowText(c.row).trim());
    if (m) bare.push({ row: c.row, offset: Number(m[1]) - (c.page + 1) });
  }
  if (bare.length === 1) return bare[0]!.offset < 50 ? [bare[0]!.row] : [];
  const counts = new Map<number, number>();
  for (const b of bare) counts.set(b.offset, (counts.get(b.offset) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [offset, count] of counts) {
    if (count > bestCount) {
      best = offset;
      bestCount = count;
    }
  }
  return bestCount >= 2 ? bare.filter((b) => b.offset === best).map((b) => b.row) : [];
}
