/**
 * A stand-alone supplementary letter ("Supplerende tildelingsbrev nr. 2 for 2026", fictional) whose
 * assignments stand under label lines — "Nye oppdrag:", "Presisering av tidligere oppdrag:", "Endring i
 * frister:", "Oppdrag som utgår:" — with withdrawals worded "utgår dermed", "trekkes", "bortfaller",
 * "erstattes av"; an assignment listed only by its ID because it is exempt; a date in brackets after a
 * request; recalled deadlines; and a budget-change table (Kap. | Post | Tidligere tildeling | Ny tildeling
 * | Sum tildelt) in thousands with empty chapter cells, names wrapped onto rows of their own and a sum row.
 * Every edition (text, HTML, and DOCX/PDF built from the text) must give the same records.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sectionMode } from '../src/core/extract/assignments/scan.js';
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

const TXT = 'supplerende-2-2026-havressurs.txt';
const HTML = 'supplerende-2-2026-havressurs.html';

describe('Supplerende tildelingsbrev nr. 2 for 2026 (text)', () => {
  let r: ExtractionResult;
  beforeAll(async () => {
    r = await readLetter(TXT);
  });

  it('is a supplementary letter of 2026 from the ministry to the agency in the address block', () => {
    expect(r.document).toMatchObject({
      type: 'tillegg',
      year: 2026,
      date: '2026-06-02',
      issuer: 'Nærings- og havdepartementet',
      recipient: 'Havressursdirektoratet',
      reference: '26/3310-14',
      title: 'Supplerende tildelingsbrev nr. 2 for 2026',
    });
  });

  it('reads every assignment under its label line, with the kind the label and the wording give', () => {
    expect(
      r.assignments.map((a) => [a.id, a.kind, a.departments, a.confidential, a.references, a.statusText]),
    ).toEqual([
      ['TTB2026-4', 'supplement', ['HFA'], false, [{ id: 'TB2026-09', relation: 'replaces' }], null],
      ['TTB2026-5', 'supplement', ['FKA'], false, [], null],
      ['TB2026-14', 'supplement', [], true, [], null],
      ['TB2026-07', 'supplement', ['FKA'], false, [{ id: 'TB2026-07', relation: 'clarifies' }], null],
      [
        'TB2026-03',
        'supplement',
        ['HFA'],
        false,
        [{ id: 'TB2026-03', relation: 'changes' }],
        'Fristen utsettes til 1. desember 2026.',
      ],
      [
        'TB2026-09',
        'supplement',
        ['HFA'],
        false,
        [
          { id: 'TB2026-09', relation: 'changes' },
          { id: 'TTB2026-4', relation: 'refers' },
        ],
        'Oppdraget erstattes av TTB2026-4.',
      ],
      [
        'TB2025-18',
        'carried_over',
        ['FKA'],
        false,
        [{ id: 'TB2025-18', relation: 'changes' }],
        'Oppdraget utgår dermed, og delrapporten som hadde frist 31.12.2025 bortfaller.',
      ],
      [
        'TB2026-11',
        'supplement',
        ['FKA'],
        false,
        [{ id: 'TB2026-11', relation: 'changes' }],
        'Oppdraget trekkes.',
      ],
      [
        'TB2026-12',
        'supplement',
        ['HFA'],
        false,
        [{ id: 'TB2026-12', relation: 'changes' }],
        'Oppdrag som utgår',
      ],
    ]);
  });

  it('registers the exempt assignment without text', () => {
    const a = r.assignments.find((x) => x.id === 'TB2026-14');
    expect(a).toMatchObject({ title: '', body: '', confidential: true, deadlines: [], lines: [31, 31] });
  });

  it('reads deadlines, a date in brackets after a request among them, and leaves recalled ones out', () => {
    expect(r.assignments.flatMap((a) => a.deadlines.map((d) => [a.id, d.date, d.text]))).toEqual([
      ['TTB2026-4', '2026-11-01', 'Frist: 1. november 2026'],
      ['TTB2026-5', '2026-10-15', '15. oktober 2026'],
      ['TB2026-03', '2026-12-01', 'Fristen utsettes til 1. desember 2026'],
    ]);
  });

  it('reads the budget-change table: empty chapter cells, wrapped names, thousands', () => {
    expect(r.budgetLines.map((b) => [b.chapter, b.post, b.name, b.amounts, b.flags, b.lines])).toEqual([
      ['926', '01', 'Driftsutgifter', [412_300_000, 6_500_000, 418_800_000], [], [69, 69]],
      [
        '926',
        '21',
        'Spesielle driftsutgifter, kan overføres',
        [38_700_000, 4_200_000, 42_900_000],
        ['kan_overfores'],
        [70, 71],
      ],
      [
        '927',
        '70',
        'Tilskudd til havforskning, kan overføres',
        [15_000_000, -2_000_000, 13_000_000],
        ['kan_overfores'],
        [72, 73],
      ],
    ]);
    expect(r.budgetLines[0]?.columns).toEqual(['Tidligere tildeling', 'Ny tildeling', 'Sum tildelt']);
  });

  it('accounts for everything: no warnings, every ID, table, sum and deadline phrase', () => {
    expect(r.warnings).toEqual([]);
    expect(r.coverage).toEqual({
      ids: { found: 9, assignments: 9, references: 0, warned: 0 },
      budgetTables: { found: 1, read: 1, warned: 0 },
      sums: { found: 4, footing: 4, mismatched: 0, unchecked: 0 },
      deadlines: { found: 3, attached: 3, calendar: 0, warned: 0 },
    });
  });
});

describe('the same letter in other editions', () => {
  let text: ExtractionResult;
  beforeAll(async () => {
    text = await readLetter(TXT);
  });

  it('HTML (headings, bold labels, a table with continuation rows) gives the same records', async () => {
    const html = await readLetter(HTML);
    expect(html.source.format).toBe('html');
    expect(records(html)).toEqual(records(text));
    expect(html.warnings).toEqual([]);
  });

  it.each(['docx', 'pdf'] as const)('%s built from the text gives the same records', async (format) => {
    const built = await readBuilt(TXT, format);
    expect(records(built)).toEqual(records(text));
    expect(built.warnings).toEqual([]);
  });
});

describe('damaged copies of the letter are reported', () => {
  const text = letterText(TXT);

  it('a budget row removed: the sum row no longer foots, and the warning names the rows it covers', () => {
    const r = extractLetter(withoutLine(text, '\t21\tSpesielle driftsutgifter'));
    const w = withCode(r, 'budget_sum_mismatch');
    expect(w.map((x) => x.line)).toEqual([73, 73, 73]);
    expect(w[0]?.message).toContain('radene over (kap. 926 post 01; kap. 927 post 70)');
    expect(r.coverage.sums.mismatched).toBeGreaterThanOrEqual(1);
  });

  it('a sum retyped: the sum row is reported with the difference', () => {
    const r = extractLetter(replaced(text, '466 000\t8 700\t474 700', '466 000\t8 700\t475 700'));
    expect(codes(r)).toEqual([['budget_sum_mismatch', 74]]);
    expect(r.warnings[0]?.message).toContain('differanse 1 000 000 kr');
  });

  it('a row sum retyped: the row is cross-footed against its own columns', () => {
    const r = extractLetter(replaced(text, '38 700\t4 200\t42 900', '38 700\t4 200\t49 200'));
    expect(codes(r)).toContainEqual(['budget_sum_mismatch', 70]);
  });

  it('an ID mistyped with a letter O: the line is reported, not silently dropped', () => {
    const r = extractLetter(replaced(text, 'TB2026-07 Digital', 'TB2O26-07 Digital'));
    expect(r.assignments.some((a) => a.id === 'TB2026-07')).toBe(false);
    expect(codes(r)).toContainEqual(['assignment_id_unreadable', 35]);
    expect(r.coverage.ids.warned).toBe(1);
  });

  it('an ID that lost its hyphen is reported', () => {
    const r = extractLetter(replaced(text, 'TTB2026-5 Veileder', 'TTB20265 Veileder'));
    expect(codes(r)).toContainEqual(['assignment_id_unreadable', 26]);
  });

  it('an exempt assignment mistyped so its ID cannot be read is reported', () => {
    const r = extractLetter(replaced(text, 'TB2026-14 (unntatt', 'TB2026- (unntatt'));
    expect(codes(r)).toEqual([['assignment_id_unreadable', 31]]);
  });
});

describe('label lines of supplementary letters', () => {
  it.each([
    ['Oppdrag:', null],
    ['Nye oppdrag:', 'new'],
    ['Nye tilleggsoppdrag', 'new'],
    ['Presisering av tidligere oppdrag:', 'clarifies'],
    ['Presiseringer av tidligere gitte oppdrag', 'clarifies'],
    ['Endring i frister:', 'changes'],
    ['Endringer i frister', 'changes'],
    ['Endringer i tidligere gitte oppdrag:', 'changes'],
    ['Presiseringer og endringer av tidligere gitte oppdrag:', 'changes'],
    ['Utsatte frister:', 'changes'],
    ['Frister som endres:', 'changes'],
    ['Oppdrag som utgår:', 'withdrawn'],
    ['Oppdrag som trekkes tilbake', 'withdrawn'],
    ['Oppdrag som bortfaller:', 'withdrawn'],
    ['Tilbaketrukne oppdrag', 'withdrawn'],
    ['Endringer i budsjettet', null],
    ['Oppdraget utgår.', null],
  ])('"%s" → %s', (text, mode) => expect(sectionMode(text)).toBe(mode));
});
