/**
 * Steering-calendar entries ("6.2 Styringskalender", "4.4 Årshjul for budsjett- og regnskapsprosesser",
 * "Vedlegg I – Styrings- og rapporteringskalender 2025"): date, time, what is due, and a note.
 *
 * Each deliverable is one entry: a row listing several bullets ("15.4 • Budsjettforslag … • Rammefordelings-
 * forslaget …") gives one entry per bullet, all with the row's date and note. A date printed without a
 * year takes the letter's year.
 */
import type { CalendarEntry, Section } from '../model/extraction.js';
import type { Line } from '../text/lines.js';
import { splitCells } from './calendar/cells.js';
import { headerColumns, readRows } from './calendar/rows.js';
import type { ExtractContext } from './context.js';
import { isoDate } from './document/printed-date.js';

const CALENDAR_TITLE_RE = /kalender|årshjul/i;
const NOTE_COLUMN_RE = /^(?:Merknad(?:er)?|Kommentar(?:er)?)$/i;

export function extractCalendar(ctx: ExtractContext): CalendarEntry[] {
  const { lines } = ctx;
  const regions = calendarSections(ctx.sections);
  if (regions.length === 0) return [];
  const indexOfNo = new Map<number, number>();
  for (let i = lines.length - 1; i >= 0; i--) indexOfNo.set(lines[i]!.no, i);
  const out: CalendarEntry[] = [];
  for (const s of regions) {
    const from = indexOfNo.get(s.lines[0]);
    if (from === undefined) continue;
    let to = from;
    while (to + 1 < lines.length && lines[to + 1]!.no <= s.lines[1]) to++;
    out.push(...entriesIn(ctx, lines, from + 1, to));
  }
  return out;
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
    let date: string | null = null;
    if (row.day !== null && row.month !== null) {
      const year = row.year ?? ctx.year;
      if (year === null) {
        ctx.warn('calendar_year_unknown', 'Kalenderpunktet har ingen år, og brevets år er ukjent.', first);
      } else date = isoDate(year, row.month, row.day);
    } else {
      ctx.warn('calendar_date_missing', 'Kalenderpunktet har ingen dato.', first);
    }
    const cells = splitCells(
      row.content.map(([, t]) => t),
      hasNote,
    );
    if (cells.texts.length === 0) {
      ctx.warn('calendar_text_missing', 'Kalenderpunktet har dato, men ingen beskrivelse.', first);
      continue;
    }
    for (const text of cells.texts) {
      out.push({ date, time: row.time, text, note: cells.note, lines: [first, last] });
    }
  }
  return out;
}
