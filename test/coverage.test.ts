/**
 * Completeness: every assignment-ID-shaped token, budget-looking table, printed sum and dated deadline
 * phrase ends up in a record or in a warning with its line, and the extraction reports the figures
 * (`coverage`, printed by `extract --summary` and the import report).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../src/adapters/cli/summary.js';
import { exemptOnly, hasMarking } from '../src/core/extract/assignments/confidential.js';
import { describeCoverage } from '../src/core/extract/coverage.js';
import { idTokens } from '../src/core/extract/coverage/ids.js';
import { codes, extractLetter, LETTERS_DIR, readLetter, withCode } from './helpers/letters.js';
import { seed } from './helpers/seeds.js';

describe('coverage of the seeds', () => {
  it('accounts for every ID, table, sum and deadline phrase of each seed', () => {
    const figures = (['tb2024', 'tb2022', 'ar2023', 'tb2025', 'tb2014'] as const).map(
      (k) => seed(k).coverage,
    );
    expect(figures.map((c) => c.ids)).toEqual([
      { found: 174, assignments: 163, references: 11, warned: 0 },
      { found: 162, assignments: 157, references: 3, warned: 2 },
      { found: 0, assignments: 0, references: 0, warned: 0 },
      { found: 86, assignments: 72, references: 14, warned: 0 },
      { found: 0, assignments: 0, references: 0, warned: 0 },
    ]);
    expect(figures.map((c) => c.budgetTables)).toEqual([
      { found: 1, read: 1, warned: 0 },
      { found: 7, read: 7, warned: 0 },
      { found: 5, read: 4, warned: 1 },
      { found: 2, read: 2, warned: 0 },
      { found: 19, read: 19, warned: 0 },
    ]);
    expect(figures.map((c) => c.sums.found)).toEqual([0, 1, 17, 0, 0]);
    for (const c of figures) {
      expect(c.ids.found).toBe(c.ids.assignments + c.ids.references + c.ids.warned);
      expect(c.deadlines.found).toBe(c.deadlines.attached + c.deadlines.calendar + c.deadlines.warned);
      expect(c.sums.found).toBe(c.sums.footing + c.sums.mismatched + c.sums.unchecked);
    }
  });

  it('names the two IDs of the 2022 bundle that no record carries, at their lines', () => {
    expect(withCode(seed('tb2022'), 'assignment_id_unaccounted').map((w) => w.line)).toEqual([3894, 3932]);
  });

  it('the summary prints one coverage line per document', () => {
    const out = renderSummary([seed('tb2024')]);
    expect(out).toContain(
      'Dekning: oppdrags-ID-er 174 (163 oppdrag, 11 henvisninger, 0 med varsel); budsjettabeller 1 av 1 lest; ingen summer; fristuttrykk 64 (61 i oppdrag, 0 i kalenderen, 3 med varsel).',
    );
  });
});

describe('ID-shaped tokens', () => {
  const keys = (text: string) => idTokens(text, 1).map((t) => t.key);

  it('are found in any scheme and spelling, and behind an "ID" label without prefix', () => {
    expect(keys('jf. TB2026-12, TTB2022-56 og RTB2020-3')).toEqual(['TB2026-12', 'TTB2022-56', 'RTB2020-3']);
    expect(keys('OPP2025-7 Avd. KLD: FHA')).toEqual(['OPP2025-7']);
    expect(keys('TB 2022-53, TB-2021-29, TB2022 –21, TB2020-57/2')).toEqual([
      'TB2022-53',
      'TB2021-29',
      'TB2022-21',
      'TB2020-57/2',
    ]);
    expect(keys('ID: 2026-01 Ansvarlig avdeling: SPA')).toEqual(['2026-1']);
  });

  it('are not sessions, standards, report numbers or ISO dates', () => {
    expect(keys('Prop. 222 L 2020-21, NOU 2023-4, ISO 9001-2015, møtet 2024-03-15')).toEqual([]);
  });

  it('that nothing carries are warned with their line', () => {
    const r = extractLetter(
      [
        'Tildelingsbrev til Prøvedirektoratet for 2026',
        '',
        'Departementet viser til OPP2025-7 i forrige brev.',
        '',
        'TB2026-1\tAvd. KD: FHA\tKartlegge prøvene',
        'Frist: 1. juni 2026.',
      ].join('\n'),
    );
    expect(codes(r).filter(([c]) => c.startsWith('assignment_id'))).toEqual([
      ['assignment_id_unaccounted', 3],
    ]);
    expect(r.coverage.ids).toEqual({ found: 2, assignments: 1, references: 0, warned: 1 });
  });
});

describe('budget-looking tables and sums', () => {
  it('a table in a layout no reader knows is warned, not lost', () => {
    const r = extractLetter(
      [
        'Tildelingsbrev til Prøvedirektoratet for 2026',
        '',
        'Budsjett',
        '',
        'Kap.\tPost\tFormål\tRamme i kroner',
        '1420\t01\tLønn og drift\t12 000 000',
        '1420\t70\tTilskudd\t3 000 000',
        '',
        '1420 01 Driftsutgifter 84 500',
        '1420 21 Spesielle driftsutgifter 12 300',
      ].join('\n'),
    );
    const w = withCode(r, 'budget_table_unread');
    expect(w.map((x) => x.line)).toEqual([5]);
    expect(w[0]?.message).toContain('4 linjer som ser ut som budsjettrader');
    expect(r.coverage.budgetTables).toEqual({ found: 1, read: 0, warned: 1 });
  });

  it('a budget-change table as PDF text: combined "Kap. post" cells, wrapped names, a sum that foots', () => {
    const r = extractLetter(
      [
        'Tillegg nr. 3 til tildelingsbrev 2026 – Prøvedirektoratet',
        '',
        'Budsjettendringer',
        '',
        'Alle tall i hele tusen kroner.',
        '',
        'Kap. post Betegnelse Tidligere tildeling Ny tildeling Sum tildelt',
        '0762.21 Spesielle driftsutgifter,  38 700  4 200  42 900',
        'kan overføres',
        '0762.70 Tilskudd til kommuner  120 000  -5 000  115 000',
        '0765.60 Kommunale tjenester, kan nyttes  15 000  2 500  17 500',
        'under post 21',
        'Sum  173 700  1 700  175 400',
      ].join('\n'),
    );
    expect(
      r.budgetLines.map((b) => [b.chapter, b.post, b.name, b.amounts, b.flags, b.usableUnderPosts]),
    ).toEqual([
      [
        '762',
        '21',
        'Spesielle driftsutgifter, kan overføres',
        [38_700_000, 4_200_000, 42_900_000],
        ['kan_overfores'],
        [],
      ],
      ['762', '70', 'Tilskudd til kommuner', [120_000_000, -5_000_000, 115_000_000], [], []],
      [
        '765',
        '60',
        'Kommunale tjenester, kan nyttes under post 21',
        [15_000_000, 2_500_000, 17_500_000],
        ['kan_nyttes_under_post'],
        ['21'],
      ],
    ]);
    expect(r.coverage.sums).toEqual({ found: 4, footing: 4, mismatched: 0, unchecked: 0 });
  });

  it('a sum row with nothing above it cannot be checked, and says so', () => {
    const r = extractLetter(
      [
        'Tildelingsbrev til Prøvedirektoratet for 2026',
        '',
        'Alle tall i hele tusen kroner.',
        '',
        'Kap.\tPost\tBetegnelse\tTildeling 2026',
        'Sum\t\t\t96 800',
      ].join('\n'),
    );
    expect(r.coverage.sums).toEqual({ found: 1, footing: 0, mismatched: 0, unchecked: 1 });
    expect(codes(r)).toContainEqual(['budget_sum_unchecked', 6]);
  });
});

describe('deadline phrases outside the assignments', () => {
  it('are warned unless a calendar row carries them', () => {
    const r = extractLetter(
      [
        'Tildelingsbrev til Prøvedirektoratet for 2026',
        '',
        '3 Rapportering',
        '',
        'Direktoratet skal innen 15. februar 2026 gjennomgå tilskuddsordningene.',
        '',
        '4 Styringskalender',
        '',
        'Dato\tAktivitet',
        'Innen 15. mars 2026\tÅrsrapport for 2025',
      ].join('\n'),
    );
    expect(codes(r).filter(([c]) => c.startsWith('deadline'))).toEqual([['deadline_unattached', 5]]);
    expect(r.coverage.deadlines).toEqual({ found: 2, attached: 0, calendar: 1, warned: 1 });
  });
});

describe('confidentiality markings', () => {
  it.each([
    'Unntatt offentlighet',
    'Unntatt fra offentlighet, jf. offentleglova § 15',
    'U.off.',
    'unntatt off.',
    'jf. offl. § 13',
    'offl. §22 andre ledd',
    'Oppdraget er unntatt offentlig innsyn.',
    '(Ikke offentlig)',
    'Gradering: Begrenset',
    'FORTROLIG',
    'Fortrolig jf. sikkerhetsloven § 5-3',
  ])('"%s" marks a text', (text) => expect(hasMarking(text)).toBe(true));

  it.each([
    'data som ikke er offentlig tilgjengelig',
    'et begrenset kollektivtilbud',
    'ansatte som er fortrolige med verktøyene',
  ])('"%s" is running text', (text) => expect(hasMarking(text)).toBe(false));

  it.each([
    '(unntatt offentlighet)',
    '– U.off., jf. offl. § 13',
    '(Unntatt offentlighet, jf. Offl. § 22, 2. ledd)',
    ': Unntatt fra offentlighet',
    '(offl. § 15)',
    '(Begrenset)',
  ])('"%s" after an ID lists an exempt assignment', (rest) => expect(exemptOnly(rest)).toBe(true));

  it('a list of exempt IDs gives one confidential assignment per ID', () => {
    const r = extractLetter(
      [
        'Tildelingsbrev til Prøvedirektoratet for 2026',
        '',
        'Oppdrag',
        '',
        'TB2026-14, TB2026-15 (unntatt offentlighet)',
      ].join('\n'),
    );
    expect(r.assignments.map((a) => [a.id, a.confidential, a.title])).toEqual([
      ['TB2026-14', true, ''],
      ['TB2026-15', true, ''],
    ]);
  });
});

describe('describeCoverage', () => {
  it('says when a document holds none of a kind', () => {
    expect(
      describeCoverage({
        ids: { found: 0, assignments: 0, references: 0, warned: 0 },
        budgetTables: { found: 0, read: 0, warned: 0 },
        sums: { found: 2, footing: 1, mismatched: 1, unchecked: 0 },
        deadlines: { found: 0, attached: 0, calendar: 0, warned: 0 },
      }),
    ).toBe(
      'Dekning: ingen oppdrags-ID-er; ingen budsjettabeller; summer 1 av 2 stemmer (1 avvik); ingen fristuttrykk.',
    );
  });
});

describe('the fixture letters', () => {
  it('all validate against the published JSON Schema (schemaVersion 2, with coverage)', async () => {
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'docs', 'extraction.schema.json'), 'utf8'),
    ) as Record<string, unknown>;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const files = readdirSync(LETTERS_DIR).filter((f) => /\.(?:txt|html)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const r = await readLetter(file);
      expect(r.schemaVersion).toBe(2);
      validate(JSON.parse(JSON.stringify(r)));
      expect(validate.errors ?? [], file).toEqual([]);
    }
  });
});
