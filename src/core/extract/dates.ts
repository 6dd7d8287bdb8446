/**
 * Norwegian date expressions → calendar dates.
 *
 * `findDates` locates every date-like expression in a line and returns its parts as printed (the year may
 * be missing); `resolveDate` turns a match into an ISO date once the caller knows which year to assume.
 * Keeping the two apart lets the deadline reader borrow a year from a later date in the same phrase
 * ("15. mars for oppdrag 4; 15. november 2025 for oppdrag 1-3").
 *
 * Coarse forms resolve to the LAST day of their period, because a deadline "mars 2025" allows all of March:
 * - month:   "mars 2025", "innen utgangen av mai 2025", "mai/juni" (a range → its last month)
 * - quarter: "1. kvartal 2025", "første kvartal", "Q1 2025"
 * - half:    "første halvår 2024", "1. halvår", "andre halvår"
 * - year:    "innen utgangen av året", "i løpet av 2024", "ut 2023"; bare "i 2025"/"til 2022"/"innen 2030"
 *            are returned as `weak` (only a deadline label may make them a date, see deadlines.ts)
 * - seasons: "sommeren 2025" → 31 August (quarter, June–August); "før/innen sommeren" → 30 June (month,
 *            the summer holiday starts in July); "våren" → 30 June and "høsten" → 31 December (half: the
 *            ministry's spring and autumn terms). "vinteren" is ambiguous across the new year and is ignored.
 *
 * Bokmål and nynorsk share the month names; abbreviations ("jan.", "sept.", "des.") and typos within a small
 * edit distance of a full name ("febaruar") are accepted. A day that does not exist in its month ("31. juni
 * 2025", "29.2.2025") is still found, so that a deadline printed with a typo is reported instead of lost,
 * but `resolveDate` gives null for it; no coarser reading ("juni 2025") is taken from it.
 */

import { MONTH_NAMES } from '../format/norwegian.js';

export type DatePrecision = 'day' | 'month' | 'quarter' | 'half' | 'year';

export interface DateMatch {
  /** Span of the expression in the searched text (end exclusive). */
  start: number;
  end: number;
  /** Year as printed (two-digit years → 20xx, from 70 on 19xx), or null when the text leaves it to the context. */
  year: number | null;
  /** Month of the date, or the last month of a coarse period. */
  month: number;
  /** Day of month; null means the last day of `month` (coarse precisions). */
  day: number | null;
  precision: DatePrecision;
  /** "17.6.2022 kl. 14" → "14:00". */
  time: string | null;
  /** A bare year after "i"/"til"/"innen" ("i 2025"), a date only where a deadline phrase governs it. */
  weak: boolean;
}

const MONTH_WORDS = new Map<string, number>([
  ...MONTH_NAMES.map((n, i) => [n, i + 1] as [string, number]),
  ['jan', 1],
  ['feb', 2],
  ['febr', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['okt', 10],
  ['nov', 11],
  ['des', 12],
]);

/** Edit distance, giving up (returning max + 1) as soon as it exceeds `max`. */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * Month number of a month word: full name, abbreviation, or — for words of five letters or more that
 * start like a month — a typo within edit distance 1 (5–6 letters) or 2 (7+ letters), e.g. "febaruar".
 */
export function monthFromWord(word: string, fuzzy = true): number | null {
  const w = word.toLowerCase();
  const exact = MONTH_WORDS.get(w);
  if (exact !== undefined) return exact;
  if (!fuzzy || w.length < 5) return null;
  const max = w.length >= 7 ? 2 : 1;
  let best: number | null = null;
  let bestDist = max + 1;
  for (let i = 0; i < MONTH_NAMES.length; i++) {
    const name = MONTH_NAMES[i] ?? '';
    if (name.length < 5 || name[0] !== w[0]) continue;
    const d = boundedDistance(w, name, max);
    if (d < bestDist) {
      bestDist = d;
      best = i + 1;
    }
  }
  return best;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function lastDayOfMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m)
  );
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The ISO date of a match, completing a missing year with `year`; null when no valid date results. */
export function resolveDate(m: DateMatch, year: number | null): string | null {
  const y = m.year ?? year;
  if (y === null) return null;
  const d = m.day ?? lastDayOfMonth(y, m.month);
  return isValidDate(y, m.month, d) ? isoDate(y, m.month, d) : null;
}

// Two-digit years: "15.1.26" is 2026, while "01.04.99" in a reference to an old decision is 1999.
function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length !== 2) return n;
  return n >= 70 ? 1900 + n : 2000 + n;
}

const ORDINALS = new Map<string, number>([
  ['første', 1],
  ['andre', 2],
  ['annet', 2],
  ['tredje', 3],
  ['fjerde', 4],
]);

// Section, table and page numbers look like yearless numeric dates: "punkt 4.4.", "kap. 7.2.".
const NUMBERED_THING = /(?:kap|kapittel|pkt|punkt|post|avsnitt|tabell|figur|vedlegg|side|§)\.?\s*$/iu;

const NUMERIC = /(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(?:(\d{4}|\d{2})| (\d{4}))?(?!\d)/gu;
// The two-digit year after a month name must end the phrase ("innen 1. april 22."), else "1. mars 20 prosent".
const DAY_MONTH =
  /(?<![\d.,])(\d{1,2})\.\s?(\p{L}{3,12})(\.)?(?:\s+(\d{4})(?!\d)|\s+(\d{2})(?=[.,;:)]|\s*$))?/gu;
const TIME = /^,?\s*kl\.?\s*(\d{1,2})(?:[.:](\d{2}))?(?!\d)/u;
const QUARTER =
  /(?<![\p{L}\d])(?:([1-4])\.\s*|(første|andre|annet|tredje|fjerde)\s+)kvartal(?:et)?(?:\s+(\d{4})(?!\d))?|(?<![\p{L}\d])Q([1-4])(?:\s*[-–]?\s*(\d{4})(?!\d))?(?![\p{L}\d])/giu;
const HALF =
  /(?<![\p{L}\d])(?:([12])\.\s*|(første|andre|annet|siste)\s+)(?:halvår(?:et)?|halvdel(?:en)?\s+av)(?:\s+(\d{4})(?!\d))?(?![\p{L}])/giu;
const MONTH_YEAR = /(?<![\p{L}\d.])(\p{L}{3,9})\.?(?:\s*[/–-]\s*(\p{L}{3,9})\.?)?\s+(\d{4})(?!\d)/gu;
// A month without a year is only taken where a deadline word leads into it: "innen april", "til mai/juni".
const MONTH_ALONE =
  /(?<=(?:(?<![\p{L}])(?:innen|innan|til|i|av)|:)\s+)(\p{L}{3,9})(?:\s*\/\s*(\p{L}{3,9}))?(?![\p{L}\d/])(?!\s+\d{4})/giu;
const YEAR_PERIOD =
  /(?<![\p{L}\d])(?:utgangen\s+av|i\s+løpet\s+av|ila\.?|ut)\s+(?:(året)|(\d{4})(?![\d\p{L}–-]|\s*[-–]\s*\d))/giu;
const WEAK_YEAR = /(?<=(?:^|[\s(])(?:i|til|innen|innan)\s+)(\d{4})(?![\d\p{L}/–-]|\s*[-–/]\s*\d)/giu;
const SEASON =
  /(?<![\p{L}\d])(?:(før|innen|innan)\s+)?(våren|sommeren|høsten)(?:\s+(\d{4})(?!\d))?(?![\p{L}])/giu;

function yearOrNull(digits: string | undefined): number | null {
  return digits === undefined ? null : fullYear(digits);
}

function plausibleYear(y: number | null): boolean {
  return y === null || (y >= 1990 && y <= 2100);
}

function base(
  start: number,
  end: number,
  year: number | null,
  month: number,
  day: number | null,
  precision: DatePrecision,
): DateMatch {
  return { start, end, year, month, day, precision, time: null, weak: false };
}

/** A day of month that no month has, or a month number past 12: not a date at all ("punkt 4.31."). */
function outOfRange(month: number, day: number): boolean {
  return month < 1 || month > 12 || day < 1 || day > 31;
}

/**
 * `invalid` receives the spans of expressions that are no dates ("40. mars 2024") so no coarser reading
 * survives them. A day missing from its month ("31. juni 2025", "29. februar 2025") is kept as a match
 * that resolves to null.
 */
function collectDays(text: string, out: DateMatch[], invalid: Array<[number, number]>): void {
  for (const m of text.matchAll(NUMERIC)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = yearOrNull(m[3] ?? m[4]);
    if (!plausibleYear(year) || outOfRange(month, day)) continue;
    // Without a year "31.9." is as likely a section number as a date with a typo.
    if (year === null && !isValidDate(2000, month, day)) continue;
    if (year === null && NUMBERED_THING.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push(withTime(text, base(m.index, m.index + m[0].length, year, month, day, 'day')));
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    const word = m[2] ?? '';
    const month = monthFromWord(word);
    if (month === null) continue;
    const day = Number(m[1]);
    const year = yearOrNull(m[4] ?? m[5]);
    if (!plausibleYear(year) || outOfRange(month, day)) {
      invalid.push([m.index, m.index + m[0].length]);
      continue;
    }
    // "31.mai" glued without a space is common, but "1.april" must not come from "kap. 1.april…" noise:
    // the word is a month, which is all that matters.
    let end = m.index + m[0].length;
    // An abbreviation's dot belongs to the date only when a year follows or the word is abbreviated.
    if (m[3] !== undefined && m[4] === undefined && m[5] === undefined && MONTH_NAMES.includes(word as never))
      end -= 1;
    out.push(withTime(text, base(m.index, end, year, month, day, 'day')));
  }
}

function withTime(text: string, d: DateMatch): DateMatch {
  const t = TIME.exec(text.slice(d.end, d.end + 16));
  if (!t) return d;
  const h = Number(t[1]);
  const min = t[2] === undefined ? 0 : Number(t[2]);
  if (h > 23 || min > 59) return d;
  return { ...d, end: d.end + t[0].length, time: `${pad(h)}:${pad(min)}` };
}

// Cheap keyword tests that spare the coarse patterns most lines: every pattern needs one of these.
const HAS_QUARTER = /kvartal|q[1-4]/iu;
const HAS_HALF = /halv/iu;
const HAS_YEAR = /\d{4}/u;
const HAS_MONTH = /jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des/iu;
const HAS_PERIOD = /utgangen|løpet|ila|ut\s/iu;
const HAS_SEASON = /våren|sommeren|høsten/iu;

function collectCoarse(text: string, out: DateMatch[]): void {
  if (HAS_QUARTER.test(text)) collectQuarters(text, out);
  if (HAS_HALF.test(text)) collectHalves(text, out);
  const year = HAS_YEAR.test(text);
  const month = HAS_MONTH.test(text);
  if (year && month) collectMonthYears(text, out);
  if (month) collectMonthsAlone(text, out);
  if (HAS_PERIOD.test(text)) collectYearPeriods(text, out);
  if (year) collectWeakYears(text, out);
  if (HAS_SEASON.test(text)) collectSeasons(text, out);
}

function collectQuarters(text: string, out: DateMatch[]): void {
  for (const m of text.matchAll(QUARTER)) {
    const q = Number(m[1] ?? m[4] ?? ORDINALS.get((m[2] ?? '').toLowerCase()) ?? 0);
    const year = yearOrNull(m[3] ?? m[5]);
    if (q < 1 || q > 4 || !plausibleYear(year)) continue;
    out.push(base(m.index, m.index + m[0].length, year, q * 3, null, 'quarter'));
  }
}

function collectHalves(text: string, out: DateMatch[]): void {
  for (const m of text.matchAll(HALF)) {
    const word = (m[2] ?? '').toLowerCase();
    const h = m[1] !== undefined ? Number(m[1]) : word === 'første' ? 1 : 2;
    const year = yearOrNull(m[3]);
    if (!plausibleYear(year)) continue;
    out.push(base(m.index, m.index + m[0].length, year, h * 6, null, 'half'));
  }
}

function collectMonthYears(text: string, out: DateMatch[]): void {
  for (const m of text.matchAll(MONTH_YEAR)) {
    const first = monthFromWord(m[1] ?? '', false);
    if (first === null) continue;
    const second = m[2] === undefined ? null : monthFromWord(m[2], false);
    if (m[2] !== undefined && second === null) continue;
    const year = yearOrNull(m[3]);
    if (!plausibleYear(year)) continue;
    out.push(base(m.index, m.index + m[0].length, year, second ?? first, null, 'month'));
  }
}

function collectMonthsAlone(text: string, out: DateMatch[]): void {
  for (const m of text.matchAll(MONTH_ALONE)) {
    const first = monthFromWord(m[1] ?? '', false);
    if (first === null) continue;
    const second = m[2] === undefined ? null : monthFromWord(m[2], false);
    if (m[2] !== undefined && second === null) continue;
    out.push(base(m.index, m.index + m[0].length, null, second ?? first, null, 'month'));
  }
}

function collectYearPeriods(text: string, out: DateMatch[]): void {
  for (const m of text.matchAll(YEAR_PERIOD)) {
    const year = yearOrNull(m[2]);
    if (!plausibleYear(year)) continue;
    out.push(base(m.index, m.index + m[0].length, year, 12, null, 'year'));
  }
}

function collectWeakYears(text: string, out: DateMatch[]): void {
  for (const m of text.matchAll(WEAK_YEAR)) {
    const year = yearOrNull(m[1]);
    if (year === null || !plausibleYear(year)) continue;
    out.push({ ...base(m.index, m.index + m[0].length, year, 12, null, 'year'), weak: true });
  }
}

function collectSeasons(text: string, out: DateMatch[]): void {
  for (const m of text.matchAll(SEASON)) {
    const before = m[1] !== undefined;
    const year = yearOrNull(m[3]);
    if (!plausibleYear(year)) continue;
    const season = (m[2] ?? '').toLowerCase();
    const d =
      season === 'sommeren'
        ? before
          ? base(m.index, m.index + m[0].length, year, 6, null, 'month')
          : base(m.index, m.index + m[0].length, year, 8, null, 'quarter')
        : base(m.index, m.index + m[0].length, year, season === 'våren' ? 6 : 12, null, 'half');
    // "før sommeren" is a date even without a year; a bare "våren" is too vague unless a year pins it.
    if (year === null && !before && !/(?:innen|innan|av|ila\.?)\s+$/iu.test(text.slice(0, m.index))) continue;
    // The leading "før"/"innen" is the deadline word, not part of the date.
    if (before) d.start = m.index + (m[1]?.length ?? 0) + 1;
    out.push(d);
  }
}

/** Every date expression in `text`, left to right; where two overlap the longer (then earlier) wins. */
export function findDates(text: string): DateMatch[] {
  if (text.length === 0) return [];
  const found: DateMatch[] = [];
  const invalid: Array<[number, number]> = [];
  if (/\d/u.test(text)) collectDays(text, found, invalid);
  collectCoarse(text, found);
  if (found.length < 2 && invalid.length === 0) return found;
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  invalid.sort((a, b) => a[0] - b[0]);
  // One sweep: accepted matches never overlap, so a new one can only clash with the last accepted.
  const out: DateMatch[] = [];
  let iv = 0;
  for (const d of found) {
    while (iv < invalid.length && (invalid[iv]?.[1] ?? 0) <= d.start) iv++;
    const bad = invalid[iv];
    if (bad && bad[0] < d.end) continue;
    const last = out[out.length - 1];
    if (!last || d.start >= last.end) out.push(d);
    else if (d.end - d.start > last.end - last.start) out[out.length - 1] = d;
  }
  return out;
}

export interface ParsedDate {
  date: string | null;
  precision: DatePrecision;
  time: string | null;
}

/**
 * The first date expression in `text` as an ISO date; `year` completes a date printed without one.
 * Returns null when there is none. A date whose year is unknown comes back with `date: null`.
 */
export function parseNorwegianDate(text: string, year: number | null): ParsedDate | null {
  const d = findDates(text).find((m) => !m.weak);
  if (!d) return null;
  return { date: resolveDate(d, year), precision: d.precision, time: d.time };
}
