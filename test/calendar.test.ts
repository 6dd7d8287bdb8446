import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCalendar } from '../src/core/extract/calendar.js';
import type { CalendarEntry, Warning } from '../src/core/model/extraction.js';
import { stageContext } from './helpers/stage-context.js';

/** Runs only the stages the calendar depends on (document, sections). */
function calendarOf(text: string): { calendar: CalendarEntry[]; warnings: Warning[] } {
  const { ctx, warnings } = stageContext(text);
  return { calendar: extractCalendar(ctx), warnings };
}
const seedFile = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'seeds', name), 'utf8');

describe('calendar: 2024 letter, 6.2 Styringskalender (tab rows, text on the next logical line)', () => {
  const { calendar, warnings } = calendarOf(seedFile('000_3618797248de71de.txt'));
  it('reads all ten rows, the last one without a date', () => {
    expect(calendar).toHaveLength(10);
    expect(calendar.map((e) => e.date)).toEqual([
      '2024-01-31',
      '2024-02-16',
      '2024-03-15',
      '2024-04-15',
      '2024-04-17',
      '2024-05-24',
      '2024-06-01',
      '2024-08-15',
      '2024-09-15',
      null,
    ]);
    expect(warnings).toEqual([
      { code: 'calendar_date_missing', message: 'Kalenderpunktet har ingen dato.', line: 1371 },
    ]);
  });
  it('reads concrete rows', () => {
    expect(calendar[1]).toEqual({
      date: '2024-02-16',
      time: null,
      text: 'Eventuelle innspill til RNB-2024.',
      note: null,
      lines: [1363, 1363],
    });
    expect(calendar[4]).toMatchObject({ date: '2024-04-17', text: 'Etatsstyringsmøte', lines: [1366, 1366] });
    expect(calendar[2]!.text).toBe('Frist for oversendelse av årsrapport, inkludert årsregnskap');
    expect(calendar[9]).toMatchObject({ date: null, text: 'Etatsstyringsmøte', lines: [1371, 1371] });
  });
});

describe('calendar: 2022 årshjul 4.4 (PDF text, "15.4 • …" with several bullets per date)', () => {
  const { calendar, warnings } = calendarOf(seedFile('001_595c027574c5148c.txt'));
  it('gives one entry per deliverable', () => {
    expect(calendar).toHaveLength(15);
    expect(calendar.map((e) => e.date)).toEqual([
      '2022-12-31',
      '2022-02-15',
      '2022-04-15',
      '2022-04-15',
      '2022-05-01',
      '2022-05-01',
      '2022-05-01',
      '2022-06-01',
      '2022-06-15',
      '2022-08-15',
      '2022-08-15',
      '2022-09-15',
      '2022-11-15',
      '2022-11-15',
      '2022-11-15',
    ]);
    expect(warnings).toEqual([]);
  });
  it('joins wrapped bullets', () => {
    expect(calendar[3]).toEqual({
      date: '2022-04-15',
      time: null,
      text: 'Rammefordelingsforslaget 2023 fra Helsedirektoratet for de budsjettposter og tiltak som direktoratet forvalter. Dette gjelder også kap. 734.70.',
      note: null,
      lines: [2800, 2802],
    });
    // The first deliverable of a row starts on the date line.
    expect(calendar[2]!.lines).toEqual([2795, 2798]);
    expect(calendar.slice(4, 7).map((e) => e.lines)).toEqual([
      [2804, 2804],
      [2806, 2807],
      [2809, 2819],
    ]);
    expect(calendar[10]!.text).toBe('Oppdaterte budsjettforslag for 2022 for kap. 740.70 og 3740.03');
    expect(calendar[0]!.text).toMatch(
      /^Direktoratet skal levere regnskapsresultat til statsregnskapet\. .* Finansdepartementet\.$/,
    );
  });
});

describe('calendar: 2025 Vedlegg I (three columns Dato / Tiltak / Merknad run together)', () => {
  const { calendar, warnings } = calendarOf(seedFile('003_8d4a857d2773e53a.txt'));
  it('reads 14 rows as 15 entries', () => {
    expect(calendar).toHaveLength(15);
    expect(new Set(calendar.map((e) => e.date)).size).toBe(14);
    expect(warnings).toEqual([]);
  });
  it('separates description and note', () => {
    expect(calendar[3]).toEqual({
      date: '2025-03-15',
      time: null,
      text: 'Frist for oversendelse av årsrapport for 2024 og årsrapport for internrevisjonen, inkludert årsregnskap',
      note: 'R-115 fra Finansdepartementet',
      lines: [5203, 5211],
    });
    expect(calendar[6]).toMatchObject({
      date: '2025-04-30',
      text: 'Frist for oversendelse av budsjettdisposisjonsplaner for 79-poster (tilskudd)',
      note: 'Jf. omtale under punkt 4.3.',
    });
    expect(calendar[8]).toMatchObject({
      date: '2025-05-22',
      text: 'Innspill til budsjetttekster til Prop. 1 S for 2026 fra virksomheten',
      note: 'Foreløpig, avtales nærmere',
    });
  });
  it('reads the time below the date and splits a note printed on the same line', () => {
    expect(calendar[4]).toEqual({
      date: '2025-04-03',
      time: '09:00',
      text: 'Etatsstyringsmøte',
      note: 'Hos Helsedirektoratet',
      lines: [5213, 5217],
    });
    expect(calendar[7]).toMatchObject({
      date: '2025-05-09',
      time: '12:00',
      text: 'Strategimøte med Helsedirektoratet',
      note: 'Dagsorden avtales bilateralt i god tid før møtet',
    });
    expect(calendar[13]).toMatchObject({
      date: '2025-11-03',
      time: '09:30',
      note: 'I departementets lokaler, R6',
    });
  });
  it('splits the bullets of 25 September and keeps the row note on both', () => {
    expect(calendar.slice(10, 12).map((e) => e.lines)).toEqual([
      [5259, 5267],
      [5269, 5273],
    ]);
    expect(calendar.slice(10, 12).map((e) => [e.date, e.text, e.note])).toEqual([
      [
        '2025-09-25',
        'Budsjett - og regnskapsrapport per 2. tertial (31.08)',
        'Frist kan ikke fravikes. Med budsjettprognose for resten av året.',
      ],
      [
        '2025-09-25',
        'Eventuelle innspill til omgrupperingsproposisjonen 2025',
        'Frist kan ikke fravikes. Med budsjettprognose for resten av året.',
      ],
    ]);
  });
});

describe('calendar: example and small inputs', () => {
  it('reads the example letter with a time in the date cell', () => {
    const text = readFileSync(
      join(import.meta.dirname, '..', 'examples', 'tildelingsbrev-2026-friluftsdirektoratet.txt'),
      'utf8',
    );
    expect(calendarOf(text).calendar).toEqual([
      { date: '2026-03-15', time: null, text: 'Årsrapport for 2025', note: null, lines: [83, 83] },
      { date: '2026-06-01', time: '10:00', text: 'Etatsstyringsmøte', note: null, lines: [84, 84] },
      { date: '2026-10-01', time: null, text: 'Rapport for 2. tertial', note: null, lines: [85, 85] },
    ]);
  });
  it('warns when neither the row nor the letter gives a year', () => {
    const { calendar, warnings } = calendarOf('1 Styringskalender\nDato\tHva\n3. mars\tMøte\n');
    expect(calendar).toEqual([{ date: null, time: null, text: 'Møte', note: null, lines: [3, 3] }]);
    expect(warnings.map((w) => w.code)).toEqual(['calendar_year_unknown']);
  });
});

describe('calendar: a row whose date does not exist', () => {
  it('becomes its own entry without a date and is warned about, not run into the row above', () => {
    const { calendar, warnings } = calendarOf(
      '1 Styringskalender\nDato\tHva\n15.9.2025\tMøte\n31.9.2025 Feil dato\n1.10.2025\tRapport\n',
    );
    expect(calendar).toEqual([
      { date: '2025-09-15', time: null, text: 'Møte', note: null, lines: [3, 3] },
      { date: null, time: null, text: 'Feil dato', note: null, lines: [4, 4] },
      { date: '2025-10-01', time: null, text: 'Rapport', note: null, lines: [5, 5] },
    ]);
    expect(warnings).toEqual([
      {
        code: 'calendar_date_invalid',
        message: 'Kalenderpunktet har en dato som ikke finnes (31.9.2025).',
        line: 4,
      },
    ]);
  });
  it('in a dated bullet list, does not inherit the date of the bullet above', () => {
    const { calendar, warnings } = calendarOf(
      '1 Innledning\nTekst.\n\n2 Innspill til budsjettprosessen\n• 15.2.14: Innspill til RNB\n• 31.4.14: Budsjettforslag\n• 1.5.14: Rapport\n• 1.6.14: Møte\n\n3 Annet\nTekst.\n',
    );
    expect(calendar.map((e) => [e.date, e.text])).toEqual([
      ['2014-02-15', 'Innspill til RNB'],
      [null, 'Budsjettforslag'],
      ['2014-05-01', 'Rapport'],
      ['2014-06-01', 'Møte'],
    ]);
    expect(warnings.filter((w) => w.code === 'calendar_date_invalid').map((w) => w.line)).toEqual([6]);
  });
});
