/**
 * Rows of a steering calendar table as the exports leave them:
 *
 * - cells separated by a tab, the description sometimes on the next logical line (HTML export, 2024):
 *   "31. januar⇥" + "Direktoratet skal levere regnskapsresultat …", "17. april⇥Etatsstyringsmøte",
 *   and a row with an empty date cell "⇥Etatsstyringsmøte";
 * - PDF text with the date first and bullets per deliverable (2022 årshjul):
 *   "15.4 • Budsjettforslag 2023 …" + "• Rammefordelingsforslaget 2023 …";
 * - PDF text of a three-column table "Dato Tiltak Merknad" (2025 Vedlegg I), the time below the date
 *   ("3. april" + "kl. 9:00-11:00." + "Etatsstyringsmøte Hos Helsedirektoratet");
 * - a date cell with a time range ("22. april 2026 kl. 9.00–11.00⇥Oppfølgingsmøte": the start is the
 *   entry's time) or with several dates ("15. mars og 15. september 2026⇥Rapportering": one entry per
 *   date, a date without a year taking the year printed after it).
 */
import type { Line } from '../../text/lines.js';
import { readDayMonth, readImpossibleDay } from '../document/printed-date.js';

export interface RawRow {
  /** Index of the row's first line. */
  index: number;
  day: number | null;
  month: number | null;
  year: number | null;
  time: string | null;
  /** The date cell as printed when it names a day its month lacks ("31.9.2025"); day and month are then null. */
  invalidDate: string | null;
  /** Content lines after the date cell: [line index, text]. */
  content: Array<[number, string]>;
  /** Further dates of the same cell ("15. mars og 15. september 2026"): the row is due on each. */
  more?: Array<{ day: number; month: number; year: number | null }>;
}

const HEADER_WORDS =
  /^(?:Når|Hva|Dato|Tidspunkt|Frist|Tiltak|Aktivitet|Leveranse|Hvem|Merknad(?:er)?|Kommentar(?:er)?|Beskrivelse)$/i;
const DATE_PREFIX_RE = /^(?:Per|Innen|Senest|Primo|Medio|Ultimo)\s+/;
// "kl. 10.00", "kl. 9:00-11:00.", "kl 14"
const TIME_RE = /\bkl\.?\s*(\d{1,2})(?:[.:](\d{2}))?(?!\d)/;

/** "Når⇥Hva", "Dato Tiltak Merknad": every word or cell is a column name. */
export function headerColumns(text: string): string[] | null {
  const parts = text.split(/\t| +/).filter((p) => p !== '');
  if (parts.length < 2 || parts.length > 5 || !parts.every((p) => HEADER_WORDS.test(p))) return null;
  return parts;
}

export function readTime(text: string): { time: string; length: number; index: number } | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] ? Number(m[2]) : 0;
  if (h > 23 || min > 59) return null;
  return {
    time: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`,
    length: m[0].length,
    index: m.index,
  };
}

// "–11.00", "- 11:30": the end of a time range after the start the date parser read.
const RANGE_END_RE = /^\s*[-–]\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\.?/u;
// "og 15. september 2026", ", 15. juni", "/ 1.10": another date of the same cell.
const DATE_JOIN_RE = /^\s*(?:,|og|\/|&|samt)\s*/u;

/** The date cell a row starts with, and what follows it on the line. */
function rowStart(text: string): (Omit<RawRow, 'index' | 'content'> & { rest: string }) | null {
  const body = text.replace(DATE_PREFIX_RE, '');
  const d = readDayMonth(body);
  const bad = d ? null : readImpossibleDay(body);
  const length = d?.length ?? bad?.length;
  if (length === undefined) return null;
  let rest = body.slice(length);
  if (d?.time) rest = rest.replace(RANGE_END_RE, '');
  const more: NonNullable<RawRow['more']> = [];
  for (let k = 0; d && k < 6; k++) {
    const join = DATE_JOIN_RE.exec(rest);
    if (!join) break;
    const next = readDayMonth(rest.slice(join[0].length));
    if (!next) break;
    more.push({ day: next.day, month: next.month, year: next.year });
    rest = rest.slice(join[0].length + next.length);
  }
  // The date must be a cell of its own: followed by a tab, a bullet, a time, nothing, or a capital.
  if (!/^(?:\s*$|\t|\s+[•\-–]|\s+kl\b|\s+\p{Lu})/u.test(rest)) return null;
  // "15. mars og 15. september 2026": the year printed once, at the end, is every date's.
  const lastYear = more.at(-1)?.year ?? null;
  if (lastYear !== null) for (const m of more) m.year ??= lastYear;
  return {
    ...(more.length > 0 ? { more } : {}),
    day: d?.day ?? null,
    month: d?.month ?? null,
    year: d?.year ?? lastYear,
    time: d?.time ?? null,
    invalidDate: bad?.printed ?? null,
    rest: rest.replace(/^\s+/, ''),
  };
}

/** Split a calendar region into rows. Lines before the first row (intro prose, header) are skipped. */
export function readRows(lines: readonly Line[], from: number, to: number): RawRow[] {
  const rows: RawRow[] = [];
  let cur: RawRow | null = null;
  for (let i = from; i <= to && i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text === '' || headerColumns(text)) continue;
    const start = rowStart(text);
    if (start) {
      const { day, month, year, time, invalidDate, more } = start;
      cur = { index: i, day, month, year, time, invalidDate, content: [], ...(more ? { more } : {}) };
      rows.push(cur);
      addContent(cur, i, start.rest);
      continue;
    }
    if (text.startsWith('\t')) {
      // A row whose date cell is empty: "⇥Etatsstyringsmøte".
      cur = { index: i, day: null, month: null, year: null, time: null, invalidDate: null, content: [] };
      rows.push(cur);
      addContent(cur, i, text);
      continue;
    }
    if (cur) addContent(cur, i, text);
  }
  return rows;
}

function addContent(row: RawRow, index: number, text: string): void {
  let rest = text.replace(/\t+/g, ' ').trim();
  if (row.time === null && row.content.length === 0) {
    // "kl. 9:00-11:00." in the date cell, on the date line or the line below it.
    const t = readTime(rest);
    if (t && t.index === 0) {
      row.time = t.time;
      rest = rest
        .slice(t.length)
        .replace(/^\s*[-–]\s*\d{1,2}[.:]\d{2}/, '')
        .replace(/^[.\s]+/, '');
    }
  }
  if (rest !== '') row.content.push([index, rest]);
}
