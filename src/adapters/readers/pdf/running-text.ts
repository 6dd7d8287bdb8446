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
// Front matter numbered "i", "ii", "iv" (lower case only: "I" or "C" alone could be text).
const ROMAN_PAGE_RE = /^[ivxlc]{1,7}$/;
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

/**
 * Rows near the page edges. Rows of a ruled table are never running text: a table that runs over a
 * page break puts its repeated header and its sum rows at the top of several pages (layout.ts drops
 * the repeated header).
 */
function edgeCandidates(pages: readonly PageRows[]): Candidate[] {
  const out: Candidate[] = [];
  pages.forEach((page, index) => {
    const n = page.rows.length;
    const taken = new Set<Row>();
    for (let i = 0; i < Math.min(EDGE_ROWS, n); i++) {
      const row = page.rows[i]!;
      if (row.y <= page.height * BAND && row.table === undefined) {
        out.push({ page: index, row, edge: 'top' });
        taken.add(row);
      }
    }
    // On a page of one or two rows the bottom rows are the top rows too; count each row once.
    for (let i = Math.max(0, n - EDGE_ROWS); i < n; i++) {
      const row = page.rows[i]!;
      if (row.y >= page.height * (1 - BAND) && !taken.has(row) && row.table === undefined)
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
  for (const c of candidates) {
    const text = rowText(c.row).trim();
    if (LABELLED_PAGE_RE.test(text) || ROMAN_PAGE_RE.test(text)) drop.add(c.row);
  }
  for (const row of barePageNumbers(candidates)) drop.add(row);
  for (const page of pages) page.rows = page.rows.filter((r) => !drop.has(r));
  return drop.size;
}

/** The number a page-edge row shows as page number: the whole row, or its first or last cell. */
function shownNumber(row: Row): number | null {
  const m = BARE_PAGE_RE.exec(rowText(row).trim());
  if (m) return Number(m[1]);
  if (row.cells.length < 2) return null;
  for (const cell of [row.cells[0]!, row.cells[row.cells.length - 1]!]) {
    if (/^\d{1,4}$/.test(cell.text)) return Number(cell.text);
    if (ROMAN_PAGE_RE.test(cell.text)) return null;
  }
  return null;
}

/**
 * Rows at page edges that count the pages: their number minus the page index is the same on most of
 * them (a cover page without number shifts all by one). That catches bare numbers, and headers that
 * change with the chapter ("Chapter 4: Function reference⇥12") when the same header text recurs. A lone
 * number on a one-page document counts if it is small; "2022" alone near the bottom of page 5 does not.
 */
function barePageNumbers(candidates: readonly Candidate[]): Row[] {
  const numbered: { c: Candidate; offset: number }[] = [];
  for (const c of candidates) {
    const n = shownNumber(c.row);
    if (n !== null) numbered.push({ c, offset: n - (c.page + 1) });
  }
  if (numbered.length === 1) {
    const only = numbered[0]!;
    return only.offset < 50 && only.c.row.cells.length === 1 ? [only.c.row] : [];
  }
  const counts = new Map<number, number>();
  for (const b of numbered) counts.set(b.offset, (counts.get(b.offset) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [offset, count] of counts) {
    if (count > bestCount) {
      best = offset;
      bestCount = count;
    }
  }
  if (bestCount < 2) return [];
  const counted = numbered.filter((b) => b.offset === best);
  const pagesOfKey = new Map<string, Set<number>>();
  for (const b of counted) {
    const key = runningKey(b.c.row);
    const set = pagesOfKey.get(key) ?? new Set<number>();
    set.add(b.c.page);
    pagesOfKey.set(key, set);
  }
  return counted
    .filter((b) => b.c.row.cells.length === 1 || (pagesOfKey.get(runningKey(b.c.row))?.size ?? 0) >= 2)
    .map((b) => b.c.row);
}
