/**
 * A deadline printed with a day its month lacks is kept without a date and warned about, never dropped.
 */
import { describe, expect, it } from 'vitest';
import { findDates, resolveDate } from '../src/core/extract/dates.js';
import { extractText } from './helpers/seeds.js';

const letter = `Tildelingsbrev til Kystdirektoratet for 2025

2 Oppdrag

TB2025-1\tAvd. SD: KYA\tKartlegge fyrlykter
Rapport sendes innen 29. februar 2025.

TB2025-2\tAvd. SD: KYA\tRapport om farleder
Frist: 31. juni 2025.

TB2025-3\tAvd. SD: KYA\tRapport om havner
Rapport sendes innen 29. februar 2024.
`;

describe('impossible dates', () => {
  it('are found but resolve to no date, and block a coarser reading', () => {
    const [d, ...rest] = findDates('innen 31. juni 2025');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ day: 31, month: 6, year: 2025, precision: 'day' });
    expect(resolveDate(d!, null)).toBeNull();
    expect(findDates('innen 29.2.2025').map((m) => resolveDate(m, null))).toEqual([null]);
    expect(findDates('punkt 4.31.')).toEqual([]);
  });

  it('keep the deadline phrase without a date and raise a warning', () => {
    const r = extractText(letter);
    const byId = new Map(r.assignments.map((a) => [a.id, a.deadlines]));
    expect(byId.get('TB2025-1')).toEqual([
      { date: null, precision: 'day', text: 'Rapport sendes innen 29. februar 2025', part: null, line: 6 },
    ]);
    expect(byId.get('TB2025-2')?.map((d) => [d.date, d.precision])).toEqual([[null, 'day']]);
    expect(byId.get('TB2025-3')?.map((d) => d.date)).toEqual(['2024-02-29']);
    const warned = r.warnings.filter((w) => w.code === 'deadline_date_invalid').map((w) => w.line);
    expect(warned).toEqual([6, 9]);
  });
});

describe('two-digit years', () => {
  it('read 00–69 as 20xx and 70–99 as 19xx', () => {
    expect(findDates('innen 15.1.26').map((m) => resolveDate(m, null))).toEqual(['2026-01-15']);
    expect(findDates('vedtak av 01.04.99').map((m) => resolveDate(m, null))).toEqual(['1999-04-01']);
  });
});
