/**
 * Tab-separated tables as annual reports export them (DOCX/HTML → text): a caption line above
 * ("Tabell 2-4 Nøkkeltall årsverk og utgifter"), a header row, then one row per line. A page break
 * inside a table shows as a blank line followed by the header row printed again:
 *   "0734⇥Særskilte tilskudd …⇥70⇥…" / "" / "Utgifts- kapittel⇥Kapittelnavn⇥Post⇥…" / "0734⇥…⇥72⇥…"
 * Shared by the key-figure reader and the appropriation/artskonto readers in ../budget/.
 */
import type { Line } from '../../text/lines.js';

export interface TabRow {
  /** Index into the line array. */
  index: number;
  no: number;
  cells: string[];
}

function isTabLine(text: string): boolean {
  return text.includes('\t');
}

export function cellsOf(text: string): string[] {
  return text.split('\t').map((c) => c.trim());
}

/** Footnote markers glued to a label ("Samlet tildeling post 01-99 (mill. kroner) ⁷", "fullmakter*"). */
export function cleanLabel(text: string): string {
  return text
    .replace(/[\u00B9\u00B2\u00B3\u2070-\u2079]+/g, '')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A header label as printed, with words broken inside a cell re-joined: "Utgifts- kapittel" →
 * "Utgiftskapittel", "Merutgift (-) og mindre- utgift" → "Merutgift (-) og mindreutgift". A suspended
 * compound ("Mer- og mindreutgift") keeps its hyphen.
 */
export function headerLabel(text: string): string {
  return cleanLabel(text).replace(/(\p{Ll}{2,})- (?!og\b|eller\b)(\p{Ll})/gu, '$1$2');
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.max(a.length, b.length);
  for (let k = 0; k < n; k++) if ((a[k] ?? '') !== (b[k] ?? '')) return false;
  return true;
}

/** Next index with text at or after `from` (at most `limit` lines ahead), or -1. */
export function nextNonBlank(lines: readonly Line[], from: number, limit = 4): number {
  for (let j = from; j < lines.length && j < from + limit; j++) if (lines[j]!.text !== '') return j;
  return -1;
}

/**
 * The rows of the table whose header row is at `headerIndex`: consecutive tab lines. A blank gap ends the
 * table unless the header is printed again after it (a page break: the same cells, or a row of the same
 * width and first cell that `isHeader` accepts) or the next line is a row of the same width that
 * `isHeader` does not call the header of a new table. `end` is the index after the last row.
 */
export function tabBlock(
  lines: readonly Line[],
  headerIndex: number,
  isHeader: (text: string) => boolean = () => false,
): { rows: TabRow[]; end: number } {
  const header = cellsOf(lines[headerIndex]?.text ?? '');
  const rows: TabRow[] = [];
  let i = headerIndex + 1;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.text === '') {
      const j = nextNonBlank(lines, i);
      if (j === -1 || !isTabLine(lines[j]!.text)) break;
      const next = cellsOf(lines[j]!.text);
      // The header printed again, possibly with a typo in one cell ("mindre utgift" / "mindretgift").
      const repeated =
        sameCells(next, header) ||
        (next.length === header.length &&
          next[0] === header[0] &&
          next[0] !== '' &&
          isHeader(lines[j]!.text));
      if (repeated) {
        i = j + 1;
        continue;
      }
      if (next.length !== header.length || isHeader(lines[j]!.text)) break;
      i = j;
      continue;
    }
    if (!isTabLine(line.text)) break;
    const cells = cellsOf(line.text);
    if (!sameCells(cells, header)) rows.push({ index: i, no: line.no, cells });
    i++;
  }
  return { rows, end: i };
}

const CAPTION_RE = /^(?:Tabell|Tab\.|Table)\s*\d+(?:[.-]\d+)*\b/u;

/**
 * The caption of a table: the nearest text line above the header (within a few non-blank lines, not
 * below `floor`) that reads "Tabell 6-1 …", or else the nearest short heading-like line.
 */
export function captionAbove(lines: readonly Line[], headerIndex: number, floor = 0): string | null {
  let fallback: string | null = null;
  for (let j = headerIndex - 1, seen = 0; j >= floor && seen < 3; j--) {
    const t = lines[j]!.text;
    if (t === '') continue;
    seen++;
    if (isTabLine(t)) break;
    if (CAPTION_RE.test(t)) return cleanLabel(t);
    if (fallback === null && t.length <= 120 && !/[.:;,]$/.test(t)) fallback = cleanLabel(t);
  }
  return fallback;
}

/** A cell that prints a year column label: "2023", "Regnskap 2023" is not one. */
export function isYearCell(cell: string): boolean {
  return /^(?:19|20)\d{2}$/.test(cell) || /^31\.12\.(?:19|20)\d{2}$/.test(cell);
}

export function yearOf(cell: string): number {
  return Number(cell.slice(-4));
}
