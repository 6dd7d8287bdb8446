/**
 * A calendar day printed at the start of a text ("30. januar 2024", "31. jan.", "15.03.2025",
 * "1.5.14:"), read with the shared date parser, plus the short form of calendar cells that the general
 * parser rightly refuses in running text: "15.2 •", "Per 31.12 •" (day and month, no trailing dot).
 */
import { findDates, isoDate, isValidDate } from '../dates.js';

export { isoDate };

export interface DayMonth {
  day: number;
  month: number;
  year: number | null;
  /** "1. juni 2026 kl. 10.00" → "10:00". */
  time: string | null;
  /** Length of the matched date text at the start of the input. */
  length: number;
}

// "15.2", "15.11" followed by a space, a bullet or the end; not "3.1.2" or "15.2,5".
const CELL_DATE_RE = /^(\d{1,2})\.(\d{1,2})(?=\s|$)/;
/** Enough of the text to hold any date expression that starts it. */
const HEAD = 48;

export function readDayMonth(text: string): DayMonth | null {
  const d = findDates(text.slice(0, HEAD))[0];
  if (
    d &&
    d.start === 0 &&
    d.precision === 'day' &&
    d.day !== null &&
    !d.weak &&
    isValidDate(d.year ?? 2000, d.month, d.day)
  ) {
    return { day: d.day, month: d.month, year: d.year, time: d.time, length: d.end };
  }
  const m = CELL_DATE_RE.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (!isValidDate(2000, month, day)) return null;
  return { day, month, year: null, time: null, length: m[0].length };
}

/**
 * A day its month lacks at the start of a text ("31.9.2025 Feil dato", "31. september", "31.4 •"): a
 * calendar row or dated bullet printed with a typo. Found so that the row is reported and kept apart,
 * not read as text of the row above. Returns the date as printed.
 */
export function readImpossibleDay(text: string): { printed: string; length: number } | null {
  const d = findDates(text.slice(0, HEAD))[0];
  if (d && d.start === 0 && d.precision === 'day' && d.day !== null && !d.weak) {
    return isValidDate(d.year ?? 2000, d.month, d.day)
      ? null
      : { printed: text.slice(0, d.end), length: d.end };
  }
  const m = CELL_DATE_RE.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (day < 1 || day > 31 || month < 1 || month > 12 || isValidDate(2000, month, day)) return null;
  return { printed: m[0], length: m[0].length };
}
