/**
 * Minimal reader for a printed calendar day ("30. januar 2024", "31. jan.", "15.03.2025", "1.6.").
 * Used for letter dates and steering-calendar rows until the shared date parser (dates.ts) lands.
 */

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^jan(?:uar)?$/, 1],
  [/^feb(?:r|ruar)?$/, 2],
  [/^mar(?:s)?$/, 3],
  [/^apr(?:il)?$/, 4],
  [/^mai$/, 5],
  [/^jun(?:i)?$/, 6],
  [/^jul(?:i)?$/, 7],
  [/^aug(?:ust)?$/, 8],
  [/^sep(?:t|tember)?$/, 9],
  [/^okt(?:ober)?$/, 10],
  [/^nov(?:ember)?$/, 11],
  [/^des(?:ember)?$/, 12],
];

export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const [re, n] of MONTHS) if (re.test(w)) return n;
  return null;
}

export interface DayMonth {
  day: number;
  month: number;
  year: number | null;
  /** Length of the matched date text at the start of the input. */
  length: number;
}

// "30. januar 2024", "31. jan.", "28. feb", "07. nov.", "14.desember 2021"
const WORD_DATE_RE = /^(\d{1,2})\.\s*(\p{L}{3,9})\.?(?:\s+(\d{4}))?(?![\p{L}\d])/u;
// "15.03.2025", "1.6.2022", "31.12.25", "1.2.", "1.5.14.", and in a calendar cell "15.2" / "15.11"
const NUMERIC_DATE_RE = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})?)?(?!\d|[.,]\d)/;

/** A date printed at the start of `text`, or null. Two-digit years are 20xx. */
export function readDayMonth(text: string): DayMonth | null {
  const w = WORD_DATE_RE.exec(text);
  if (w) {
    const month = monthNumber(w[2]!);
    if (month !== null) {
      const day = Number(w[1]);
      if (!validDay(day, month)) return null;
      return { day, month, year: w[3] ? Number(w[3]) : null, length: w[0].length };
    }
  }
  const n = NUMERIC_DATE_RE.exec(text);
  if (n) {
    const day = Number(n[1]);
    const month = Number(n[2]);
    if (month < 1 || month > 12 || !validDay(day, month)) return null;
    const y = n[3];
    const year = y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
    return { day, month, year, length: n[0].length };
  }
  return null;
}

function validDay(day: number, month: number): boolean {
  const max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= max;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
