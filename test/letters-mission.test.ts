/**
 * An oppdragsdokument to a regional health trust, co-issued by two ministries (fictional): the issuers
 * from a two-line letterhead, the recipient from the address block, tasks numbered "ID: 2026-01" without
 * a prefix, an exempt task listed only by ID, a task classified "Fortrolig", a budget table keyed by one
 * "Kap. post" cell ("0732.72") in kroner with a sum row, and a calendar whose rows carry time ranges
 * ("kl. 9.00–11.00", "kl. 9:30-11:30") and several dates ("15. mars og 15. september 2026").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../src/core/model/extraction.js';
import {
  codes,
  extractLetter,
  letterText,
  readBuilt,
  readLetter,
  records,
  replaced,
  withCode,
  withoutLine,
} from './helpers/letters.js';

const TXT = 'oppdragsdokument-2026-nordlys.txt';
const HTML = 'oppdragsdokument-2026-nordlys.html';

describe('Oppdragsdokument 2026 (text)', () => {
  let r: ExtractionResult;
  beforeAll(async () => {
    r = await readLetter(TXT);
  });

  it('is a steering document of 2026 from two ministries to the health trust in the address block', () => {
    expect(r.document).toMatchObject({
      type: 'tildelingsbrev',
      year: 2026,
      date: '2026-01-20',
      issuer: 'Helse- og omsorgsdepartementet og Kunnskapsdepartementet',
      recipient: 'Nordlys helseforetak RHF',
      reference: '25/7781-22',
      title: 'Oppdragsdokument 2026',
    });
  });

  it('reads the goals with their steering parameters', () => {
    expect(r.goals.map((g) => [g.number, g.title, g.steeringParameters.length])).toEqual([
      ['1', 'Kortere ventetid i psykisk helsevern for barn og unge', 2],
      ['2', 'Flere lærlinger og praksisplasser i helsefagene', 1],
    ]);
  });

  it('reads the tasks numbered "ID: 2026-01", the exempt and the classified one confidential', () => {
    expect(
      r.assignments.map((a) => [
        a.id,
        a.kind,
        a.departments,
        a.title,
        a.confidential,
        a.deadlines.map((d) => d.date),
      ]),
    ).toEqual([
      ['2026-01', 'new', ['SPA'], 'Felles ventelisteoversikt for psykisk helsevern', false, ['2026-09-01']],
      ['2026-02', 'new', ['KDA'], 'Praksisplasser for sykepleierstudenter', false, ['2026-05-15']],
      ['2026-03', 'new', [], '', true, []],
      ['2026-04', 'new', ['SPA'], 'Beredskapslager for legemidler', true, ['2026-11-01']],
    ]);
  });

  it('reads the budget keyed by "Kap. post" cells in kroner, chapter 0732 as 732', () => {
    expect(r.budgetLines.map((b) => [b.chapter, b.post, b.amounts, b.flags])).toEqual([
      ['732', '72', [1_215_400_000], ['kan_overfores']],
      ['732', '76', [842_350_000], ['overslagsbevilgning']],
      ['260', '50', [18_600_000], []],
    ]);
  });

  it('reads calendar rows with a time range and with several dates', () => {
    expect(r.calendar.map((c) => [c.date, c.time, c.text])).toEqual([
      ['2026-03-15', null, 'Årlig melding for 2025'],
      ['2026-04-22', '09:00', 'Oppfølgingsmøte med departementene'],
      ['2026-03-15', null, 'Rapportering på ventetider'],
      ['2026-09-15', null, 'Rapportering på ventetider'],
      ['2026-06-17', '09:30', 'Foretaksmøte'],
    ]);
  });

  it('accounts for everything', () => {
    expect(r.warnings).toEqual([]);
    expect(r.coverage).toEqual({
      ids: { found: 4, assignments: 4, references: 0, warned: 0 },
      budgetTables: { found: 1, read: 1, warned: 0 },
      sums: { found: 1, footing: 1, mismatched: 0, unchecked: 0 },
      deadlines: { found: 3, attached: 3, calendar: 0, warned: 0 },
    });
  });
});

describe('the same document in other editions', () => {
  let text: ExtractionResult;
  beforeAll(async () => {
    text = await readLetter(TXT);
  });

  it('HTML (address element, bold IDs, tables for budget, calendar and signatures) gives the same records', async () => {
    const html = await readLetter(HTML);
    expect(records(html)).toEqual(records(text));
    expect(html.warnings).toEqual([]);
  });

  it.each(['docx', 'pdf'] as const)('%s built from the text gives the same records', async (format) => {
    const built = await readBuilt(TXT, format);
    expect(records(built)).toEqual(records(text));
    expect(built.warnings).toEqual([]);
  });
});

describe('damaged copies of the document are reported', () => {
  const text = letterText(TXT);

  it('a budget row removed: the sum names the rows it added up', () => {
    const r = extractLetter(withoutLine(text, '0732.76'));
    expect(codes(r)).toEqual([['budget_sum_mismatch', 60]]);
    expect(r.warnings[0]?.message).toContain('(kap. 732 post 72; kap. 260 post 50)');
  });

  it('a task whose number was lost after the label is reported', () => {
    const r = extractLetter(replaced(text, 'ID: 2026-02 Ansvarlig', 'ID: 2026- Ansvarlig'));
    expect(r.assignments.map((a) => a.id)).not.toContain('2026-02');
    expect(withCode(r, 'assignment_id_unreadable').map((w) => w.line)).toEqual([39]);
  });

  it('an impossible calendar date is reported and not stored', () => {
    const r = extractLetter(replaced(text, '15. mars 2026\tÅrlig', '31.06.2026\tÅrlig'));
    expect(codes(r)).toEqual([['calendar_date_invalid', 66]]);
    expect(r.calendar[0]).toMatchObject({ date: null, text: 'Årlig melding for 2025' });
  });

  it('an impossible deadline is reported and not stored', () => {
    const r = extractLetter(replaced(text, 'Frist: 1. november 2026.', 'Frist: 31. juni 2026.'));
    expect(codes(r)).toEqual([['deadline_date_invalid', 51]]);
    expect(r.assignments.find((a) => a.id === '2026-04')?.deadlines[0]?.date).toBeNull();
  });
});
