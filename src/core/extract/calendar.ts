/**
 * Steering-calendar entries ("6.2 Styringskalender", "4.4 Årshjul for budsjett- og regnskapsprosesser",
 * "Vedlegg I – Styrings- og rapporteringskalender 2025"): date, time, what is due, and a note.
 *
 * Each deliverable is one entry: a row listing several bullets ("15.4 • Budsjettforslag … • Rammefordelings-
 * forslaget …") gives one entry per bullet, all with the row's date and note. A date printed without a
 * year takes the letter's year. A bullet list whose bullets open with dates under an ordinary heading is
 * read as a calendar too (see calendar/dated-bullets.ts).
 */
import type { CalendarEntry, Section } from '../model/extraction.js';
import type { Line } from '../text/lines.js';
import { splitCells } from './calendar/cells.js';
import { datedBulletSections, readDatedBullets } from './calendar/dated-bullets.js';
import { headerColumns, readRows, readTime } from './calendar/rows.js';
import type { ExtractContext } from './context.js';
import { type DayMonth, isoDate } from './document/printed-date.js';
import { rangeIndices } from './sections/line-index.js';

const CALENDAR_TITLE_RE = /kalender|årshjul/i;
const NOTE_COLUMN_RE = /^(?:Merknad(?:er)?|Kommentar(?:er)?)$/i;

export function extractCalendar(ctx: ExtractContext): CalendarEntry[] {
  const { lines } = ctx;
  const tables = calendarSections(ctx.sections);
  const lists = datedBulletSections(lines, ctx.sections).filter(
    (s) => !tables.some((t) => t.lines[0] <= s.lines[0] && s.lines[1] <= t.lines[1]),
  );
  const regions = [
    ...tables.map((s) => ({ s, kind: 'table' as const })),
    ...lists.map((s) => ({ s, kind: 'list' as const })),
  ].sort((a, b) => a.s.lines[0] - b.s.lines[0]);
  const out: CalendarEntry[] = [];
  for (const { s, kind } of regions) {
    const range = rangeIndices(lines, s.lines);
    if (range === null) continue;
    const [from, to] = range;
    out.push(
      ...(kind === 'table' ? entriesIn(ctx, lines, from + 1, to) : listEntries(ctx, lines, from + 1, to)),
    );
  }
  return out;
}

function dateOf(ctx: ExtractContext, d: DayMonth | null, line: number): string | null {
  if (d === null) {
    ctx.warn('calendar_date_missing', 'Kalenderpunktet har ingen dato.', line);
    return null;
  }
  const year = d.year ?? ctx.year;
  if (year === null) {
    ctx.warn('calendar_year_unknown', 'Kalenderpunktet har ingen år, og brevets år er ukjent.', line);
    return null;
  }
  return isoDate(year, d.month, d.day);
}

/** A row dated "31.9.2025" stays an entry of its own, without a date, so the typo can be fixed. */
function invalidDate(ctx: ExtractContext, printed: string, line: number): null {
  ctx.warn('calendar_date_invalid', `Kalenderpunktet har en dato som ikke finnes (${printed}).`, line);
  return null;
}

function listEntries(ctx: ExtractContext, lines: readonly Line[], from: number, to: number): CalendarEntry[] {
  return readDatedBullets(lines, from, to).map((b) => {
    const first = lines[b.index]!.no;
    const time = readTime(b.text);
    return {
      date: b.invalidDate !== null ? invalidDate(ctx, b.invalidDate, first) : dateOf(ctx, b.date, first),
      time: time ? time.time : null,
      text: b.text.replace(/\s+/g, ' ').trim(),
      note: null,
      lines: [first, lines[b.lastIndex]!.no] as [number, number],
    };
  });
}

/** Sections titled as a calendar; a parent is dropped when a calendar subsection carries the table. */
function calendarSections(sections: readonly Section[]): Section[] {
  const found = sections.filter((s) => CALENDAR_TITLE_RE.test(s.title));
  return found.filter(
    (s) => !found.some((o) => o !== s && o.lines[0] > s.lines[0] && o.lines[1] <= s.lines[1]),
  );
}

function entriesIn(ctx: ExtractContext, lines: readonly Line[], from: number, to: number): CalendarEntry[] {
  let hasNote = false;
  for (let i = from; i <= to; i++) {
    const cols = headerColumns(lines[i]!.text);
    if (cols) {
      hasNote = cols.some((c) => NOTE_COLUMN_RE.test(c));
      break;
    }
  }
  const out: CalendarEntry[] = [];
  for (const row of readRows(lines, from, to)) {
    const first = lines[row.index]!.no;
    const last = row.content.length > 0 ? lines[row.content[row.content.length - 1]![0]]!.no : first;
    const date =
      row.invalidDate !== null
        ? invalidDate(ctx, row.invalidDate, first)
        : dateOf(
            ctx,
            row.day !== null && row.month !== null
              ? { day: row.day, month: row.month, year: row.year, time: null, length: 0 }
              : null,
            first,
          );
    const cells = splitCells(
      row.content.map(([index, text]) => ({ no: lines[index]!.no, text })),
      hasNote,
    );
    if (cells.items.length === 0) {
      ctx.warn('calendar_text_missing', 'Kalenderpunktet har dato, men ingen beskrivelse.', first);
      continue;
    }
    // One deliverable: the whole row. Several: each its own lines, the first from the date line.
    const single = cells.items.length === 1;
    // A date cell with several dates: the row's deliverables are due on each of them.
    const dates = [date, ...(row.more ?? []).map((m) => dateOf(ctx, { ...m, time: null, length: 0 }, first))];
    for (const on of dates) {
      cells.items.forEach((item, k) => {
        const span: [number, number] = single ? [first, last] : [k === 0 ? first : item.first, item.last];
        out.push({ date: on, time: row.time, text: item.text, note: cells.note, lines: span });
      });
    }
  }
  return out;
}
