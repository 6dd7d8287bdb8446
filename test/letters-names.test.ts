/**
 * Steering documents under other names (fictional): "Endelig tildelingsbrev 2025 – …" with an ID scheme
 * of its own (OPP2025-1, carried-over OPP2024-11) laid out as table rows, and "Årsrapport for <virksomhet>
 * 2024"; and the titles "Oppdragsbrev", "Oppdragsdokument", "Statsbudsjettet 20xx – tildelingsbrev"
 * with the year taken from the title before any year in the body, and a warning when they conflict.
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

const LETTER = 'endelig-tildelingsbrev-2025-vegdata.txt';
const REPORT = 'arsrapport-2024-vegdata.txt';

describe('Endelig tildelingsbrev 2025 (text)', () => {
  let r: ExtractionResult;
  beforeAll(async () => {
    r = await readLetter(LETTER);
  });

  it('reads the title with "Endelig", the year from it and the recipient after the dash', () => {
    expect(r.document).toMatchObject({
      type: 'tildelingsbrev',
      year: 2025,
      date: '2024-12-16',
      issuer: 'Samferdsels- og digitaliseringsdepartementet',
      recipient: 'Statens vegdatasenter',
      reference: '24/9902-7',
      title: 'Endelig tildelingsbrev 2025 – Statens vegdatasenter',
    });
  });

  it('reads assignments in the OPP scheme, new and carried over, with their deadlines', () => {
    expect(
      r.assignments.map((a) => [a.id, a.kind, a.departments, a.title, a.deadlines.map((d) => d.date)]),
    ).toEqual([
      ['OPP2025-1', 'new', ['VTA'], 'Felles datamodell for kommunale veger', ['2025-06-01']],
      ['OPP2025-2', 'new', ['VTA', 'DIA'], 'Sanntidsdata om stengte fjelloverganger', ['2025-03-01']],
      ['OPP2025-3', 'new', ['DIA'], 'Deling av data om bruer', ['2025-06-30']],
      ['OPP2024-11', 'carried_over', ['DIA'], 'Tilstandsregister for bruer og tunneler', ['2025-10-01']],
      // "Sluttrapport ble levert 15. november 2024": before the letter, no deadline.
      ['OPP2024-14', 'carried_over', ['VTA'], 'Digital trafikkteller', []],
    ]);
    expect(r.assignments[2]?.references).toEqual([{ id: 'OPP2024-11', relation: 'refers' }]);
  });

  it('reads budget and calendar, and accounts for everything', () => {
    expect(r.budgetLines.map((b) => [b.chapter, b.post, b.amounts[0]])).toEqual([
      ['1380', '01', 231_900_000],
      ['1380', '21', 48_300_000],
      ['1380', '45', 12_500_000],
    ]);
    expect(r.calendar.map((c) => [c.date, c.time])).toEqual([
      ['2025-03-15', null],
      ['2025-04-03', '10:00'],
      ['2025-10-01', null],
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.coverage.ids).toEqual({ found: 5, assignments: 5, references: 0, warned: 0 });
    expect(r.coverage.sums).toEqual({ found: 1, footing: 1, mismatched: 0, unchecked: 0 });
  });

  it('gives the same records from HTML (headers as table rows), DOCX and PDF', async () => {
    const html = await readLetter(LETTER.replace('.txt', '.html'));
    expect(records(html)).toEqual(records(r));
    expect(html.warnings).toEqual([]);
    for (const format of ['docx', 'pdf'] as const)
      expect(records(await readBuilt(LETTER, format))).toEqual(records(r));
  });

  describe('damaged copies', () => {
    const text = letterText(LETTER);

    it('a budget row removed: the sum row reports the rows it covers', () => {
      const r2 = extractLetter(withoutLine(text, '1380\t45'));
      expect(withCode(r2, 'budget_sum_mismatch')[0]?.message).toContain('(kap. 1380 post 01, 21)');
    });

    it('an ID mangled in a carried-over row: reported, not lost', () => {
      const r2 = extractLetter(replaced(text, 'OPP2024-11\tAvd.', 'OPP2O24-11\tAvd.'));
      expect(codes(r2)).toContainEqual(['assignment_id_unreadable', 46]);
    });

    it('budget columns for another year than the title: the title wins, with a warning', () => {
      const r2 = extractLetter(replaced(text, 'Tildeling 2025', 'Tildeling 2024'));
      expect(r2.document.year).toBe(2025);
      expect(codes(r2)).toEqual([['document_year_conflict', 10]]);
    });
  });
});

describe('Årsrapport for Statens vegdatasenter 2024', () => {
  it.each([REPORT, REPORT.replace('.txt', '.html')])(
    '%s: an annual report by the agency it names',
    async (file) => {
      const r = await readLetter(file);
      expect(r.document).toMatchObject({
        type: 'arsrapport',
        year: 2024,
        date: '2025-02-28',
        issuer: 'Statens vegdatasenter',
        recipient: 'Samferdsels- og digitaliseringsdepartementet',
      });
      expect(r.goals.map((g) => [g.number, g.title])).toEqual([
        ['1', 'Oppdaterte og åpne vegdata for hele landet'],
        ['2', 'Stabile og sikre datatjenester'],
      ]);
      // The report names assignments in its prose: status notes, not warnings.
      expect(r.statusNotes.map((n) => n.ids)).toEqual([['OPP2024-11'], ['OPP2024-14']]);
      expect(r.coverage.ids).toEqual({ found: 2, assignments: 0, references: 2, warned: 0 });
      // A report looks back: its dates are no deadlines.
      expect(r.coverage.deadlines.found).toBe(0);
      expect(r.warnings).toEqual([]);
    },
  );
});

describe('damaged copies of the annual report', () => {
  const text = letterText(REPORT);

  it('an impossible signature date is reported, not stored', () => {
    const r = extractLetter(replaced(text, 'Oslo, 28. februar 2025', 'Oslo, 30. februar 2025'));
    expect(r.document.date).toBeNull();
    expect(codes(r)).toContainEqual(['document_date_missing', null]);
  });

  it('the title lost: the type still comes from the content, with a warning', () => {
    const r = extractLetter(withoutLine(text, 'Årsrapport for Statens vegdatasenter 2024'));
    expect(r.document.title).toBeNull();
    expect(r.warnings.some((w) => w.code.startsWith('document_'))).toBe(true);
  });
});

describe('titles and years', () => {
  const head = (title: string, body: string[] = []) =>
    extractLetter(
      [
        'NÆRINGSDEPARTEMENTET',
        '',
        'Statens kartverk',
        'Postboks 600 Sentrum',
        '3507 HØNEFOSS',
        '',
        title,
        '',
        ...body,
      ].join('\n'),
    );

  it.each([
    ['Oppdragsbrev 2025', 'tildelingsbrev', 2025, 'Statens kartverk'],
    ['Oppdragsbrev for 2025 til Statens kartverk', 'tildelingsbrev', 2025, 'Statens kartverk'],
    ['Oppdragsdokument 2026 – Kartverket SF', 'tildelingsbrev', 2026, 'Kartverket SF'],
    ['Statsbudsjettet 2026 – tildelingsbrev', 'tildelingsbrev', 2026, 'Statens kartverk'],
    [
      'Statsbudsjettet 2026 – tildelingsbrev til Statens kartverk',
      'tildelingsbrev',
      2026,
      'Statens kartverk',
    ],
    ['Endelig tildelingsbrev for 2025', 'tildelingsbrev', 2025, 'Statens kartverk'],
    ['Årsrapport 2024 – Statens kartverk', 'arsrapport', 2024, 'Næringsdepartementet'],
  ])('"%s" is a %s for %i, to %s', (title, type, year, recipient) => {
    const d = head(title).document;
    expect([d.type, d.year, d.title, d.recipient]).toEqual([type, year, title, recipient]);
  });

  it('takes the year from the title, not from years the body names first', () => {
    const r = head('Oppdragsdokument 2026', [
      'Departementet viser til oppdragsdokumentet for 2025 og tildelingsbrevet for 2024.',
    ]);
    expect(r.document.year).toBe(2026);
  });
});
