/** The five report builders on small fictional registers: the rows each report must and must not have. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/reports/build.js';
import { reconcile } from '../../src/core/reports/budget-reconciliation.js';
import type { BudgetLineFacts } from '../../src/core/reports/facts.js';
import { nextYearDate } from '../../src/core/reports/next-letter.js';
import { previousMeeting } from '../../src/core/reports/meeting-brief.js';
import { fact, facts, headingsOf, rowsOf } from './fixtures.js';

const line = (
  chapter: string,
  post: string,
  allocated: number | null,
  source: BudgetLineFacts['source'],
  over: Partial<BudgetLineFacts> = {},
): BudgetLineFacts => ({
  chapter,
  post,
  name: `Post ${post}`,
  allocated,
  source,
  documentDate: '2026-01-10',
  documentLabel: source,
  accounts: null,
  ...over,
});

describe('Rapportering på oppdrag', () => {
  const f = facts({
    assignments: [
      fact('TB2026-2', {
        departments: ['SHA'],
        status: 'levert',
        deadlines: ['2026-03-01'],
        statusEvents: [
          { from: 'ny', to: 'levert', at: '2026-02-20T10:00:00Z', reason: 'Levert' },
          { from: 'levert', to: 'pågår', at: '2026-02-25T10:00:00Z', reason: 'Mangler tall' },
          { from: 'pågår', to: 'levert', at: '2026-02-28T10:00:00Z', reason: 'Levert på nytt' },
        ],
        answers: [
          { text: 'Første svar', at: '2026-02-20T10:00:00Z' },
          { text: 'Rapport sendt 28. februar', at: '2026-02-28T10:00:00Z' },
        ],
      }),
      fact('TB2026-10', { deadlines: ['2026-06-01', '2026-12-01'] }),
      fact('TB2026-9', { departments: [], derived: 'forfalt', deadlines: ['2026-01-15'] }),
    ],
  });
  const r = buildReport('oppdrag', f);

  it('groups by department, sorts by ID, and gives deadlines, status, the latest answer and delivery date', () => {
    expect(headingsOf(r)).toEqual(['Avdeling FHA', 'Avdeling SHA', 'Avdeling Uten avdeling']);
    expect(rowsOf(r)).toEqual([
      'TB2026-10 | Oppdrag TB2026-10 | 1. juni 2026, 1. desember 2026 | ny |  | –',
      'TB2026-2 | Oppdrag TB2026-2 | 1. mars 2026 | levert | Rapport sendt 28. februar | 28. februar 2026',
      'TB2026-9 | Oppdrag TB2026-9 | 15. januar 2026 | ny (forfalt) |  | –',
    ]);
  });

  it('marks a confidential assignment when the viewer may see it, and says so in the metadata', () => {
    const shown = buildReport(
      'oppdrag',
      facts({ showsConfidential: true, assignments: [fact('TB2026-5', { confidential: true })] }),
    );
    expect(rowsOf(shown)[0]).toContain('Oppdrag TB2026-5 (unntatt offentlighet)');
    expect(shown.meta.find((m) => m.label === 'Unntatt offentlighet')?.value).toMatch(/tatt med og merket/);
    expect(r.meta.find((m) => m.label === 'Unntatt offentlighet')?.value).toMatch(/ikke tatt med/);
  });
});

describe('Avviksrapport', () => {
  const f = facts({
    date: '2026-04-01',
    assignments: [
      fact('TB2026-1', { deadlines: ['2026-03-15'] }),
      fact('TB2026-2', { deadlines: ['2026-03-15'], status: 'levert' }),
      fact('TB2026-3', { deadlines: ['2026-05-15'] }),
      fact('TB2026-4', {
        departments: ['KTA'],
        deadlineChanges: [
          { from: '2026-02-01', to: '2026-05-01', at: '2026-01-20T08:00:00Z', reason: 'Avventer lovendring' },
          { from: '2026-05-01', to: '2026-09-01', at: '2026-04-20T08:00:00Z', reason: 'Etter rapportdatoen' },
        ],
        deadlines: ['2026-09-01'],
      }),
      fact('TB2026-6', {
        departments: ['KTA'],
        status: 'pågår',
        deadlines: ['2026-06-01'],
        statusEvents: [
          { from: 'levert', to: 'pågår', at: '2026-03-10T08:00:00Z', reason: 'Svaret er mangelfullt' },
        ],
      }),
    ],
  });
  const r = buildReport('avvik', f);

  it('lists overdue undelivered assignments, deadline changes with reasons and send-backs as of the date', () => {
    expect(headingsOf(r)).toEqual([
      'Avdeling FHA',
      'Forfalt og ikke levert',
      'Avdeling KTA',
      'Endrede frister',
      'Sendt tilbake',
    ]);
    expect(rowsOf(r)).toEqual([
      'TB2026-1 | Oppdrag TB2026-1 | 15. mars 2026 | ny',
      'TB2026-4 | Oppdrag TB2026-4 | 1. februar 2026 | 1. mai 2026 | Avventer lovendring | 20. januar 2026',
      'TB2026-6 | Oppdrag TB2026-6 | Svaret er mangelfullt | 10. mars 2026',
    ]);
    expect(r.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : []))).toContainEqual({
      kind: 'flag',
      text: 'ny',
    });
  });

  it('says there are no deviations when there are none', () => {
    expect(rowsOf(buildReport('avvik', facts({ date: '2026-02-01', assignments: f.assignments })))).toEqual([
      'TB2026-4 | Oppdrag TB2026-4 | 1. februar 2026 | 1. mai 2026 | Avventer lovendring | 20. januar 2026',
    ]);
    expect(buildReport('avvik', facts()).blocks).toEqual([
      { kind: 'paragraph', text: 'Ingen avvik per 1. mai 2026.' },
    ]);
  });
});

describe('Møtegrunnlag', () => {
  const calendar = [
    { date: '2026-02-10', time: null, text: 'Etatsstyringsmøte', note: null },
    { date: '2026-03-01', time: null, text: 'Frist for årsrapport', note: null },
    { date: '2026-09-10', time: null, text: 'Etatsstyringsmøte', note: null },
  ];
  const f = facts({
    date: '2026-05-01',
    calendar,
    assignments: [
      fact('TB2026-1', {
        status: 'levert',
        statusEvents: [
          { from: 'ny', to: 'levert', at: '2026-01-05T08:00:00Z', reason: 'Før forrige møte' },
          { from: 'levert', to: 'pågår', at: '2026-03-05T08:00:00Z', reason: 'Sendt tilbake' },
          { from: 'pågår', to: 'levert', at: '2026-04-05T08:00:00Z', reason: 'Levert igjen' },
        ],
      }),
      fact('TB2026-2', { deadlines: ['2026-04-15'] }),
      fact('TTB2026-1', { origin: { type: 'tillegg', date: '2026-03-20', label: 'Tillegg nr. 1' } }),
      fact('TTB2026-9', { origin: { type: 'tillegg', date: '2026-01-20', label: 'Tillegg nr. 0' } }),
    ],
    budget: [
      line('740', '01', 5_000_000, 'tillegg', { documentDate: '2026-03-20', documentLabel: 'Tillegg nr. 1' }),
      line('740', '21', 1_000_000, 'tillegg', { documentDate: '2026-01-20' }),
      line('740', '01', 900_000_000, 'tildelingsbrev'),
    ],
  });

  it('takes the previous steering meeting from the calendar', () => {
    expect(previousMeeting(calendar, '2026-05-01')).toBe('2026-02-10');
    expect(previousMeeting(calendar, '2026-02-10')).toBeNull();
  });

  it('shows what happened since then: deliveries, overdue, changes, new supplementary assignments, budget changes', () => {
    const r = buildReport('motegrunnlag', f);
    expect(r.blocks[0]).toEqual({
      kind: 'paragraph',
      text: 'Perioden er fra 10. februar 2026 til 1. mai 2026.',
    });
    expect(rowsOf(r)).toEqual([
      'TB2026-1 | Oppdrag TB2026-1 | 5. april 2026',
      'TB2026-2 | Oppdrag TB2026-2 | 15. april 2026 | ny',
      'TB2026-1 | Oppdrag TB2026-1 | Status fra levert til pågår | Sendt tilbake | 5. mars 2026',
      'TTB2026-1 | Oppdrag TTB2026-1 | Tillegg nr. 1 | 20. mars 2026',
      '740 | 01 | Post 01 | 5 000 000 kr | Tillegg nr. 1',
    ]);
  });

  it('takes an explicit start of the period', () => {
    const r = buildReport('motegrunnlag', f, { since: '2026-01-01' });
    expect(rowsOf(r)).toContain('TTB2026-9 | Oppdrag TTB2026-9 | Tillegg nr. 0 | 20. januar 2026');
    expect(rowsOf(r)).toContain('TB2026-1 | Oppdrag TB2026-1 | 5. januar 2026');
  });
});

describe('Utkast til neste års tildelingsbrev', () => {
  const f = facts({
    goals: [
      {
        number: '1',
        title: 'Bedre folkehelse',
        criteria: ['Redusert røyking'],
        steeringParameters: ['Andel dagligrøykere'],
      },
    ],
    assignments: [
      fact('TB2026-1', { status: 'pågår', deadlines: ['2026-12-01'] }),
      fact('TB2026-2', { status: 'ferdig' }),
      fact('TB2026-3', { status: 'videreført' }),
      fact('TB2026-4', { status: 'levert' }),
    ],
    budget: [line('740', '01', 1_234_567_000, 'tildelingsbrev'), line('740', '01', 5_000, 'tillegg')],
    calendar: [
      { date: '2026-04-17', time: null, text: 'Etatsstyringsmøte', note: 'Hos direktoratet' },
      { date: '2024-02-29', time: null, text: 'Skuddårsdag', note: null },
      { date: null, time: null, text: 'Etatsstyringsmøte høst', note: null },
    ],
  });
  const r = buildReport('neste-brev', f);

  it('has the goals, the open assignments carried over, this year’s budget and the calendar a year on', () => {
    expect(r.title).toBe('Utkast til tildelingsbrev 2027');
    expect(headingsOf(r)).toEqual([
      'Mål og styringsparametere',
      '1 Bedre folkehelse',
      'Oppdrag som videreføres',
      'Budsjett',
      'Styringskalender',
    ]);
    expect(rowsOf(r)).toEqual([
      'Vurderingskriterium | Redusert røyking',
      'Styringsparameter | Andel dagligrøykere',
      'TB2026-1 | Oppdrag TB2026-1 | 1. desember 2026 | pågår | Videreføres',
      'TB2026-3 | Oppdrag TB2026-3 | Ingen frist | videreført | Videreføres',
      '740 | 01 | Post 01 | 1 234 567 000 kr | ',
      '17. april 2027 | Etatsstyringsmøte (Hos direktoratet) | Må bekreftes',
      '28. februar 2025 | Skuddårsdag | Må bekreftes',
      '– | Etatsstyringsmøte høst | Må bekreftes',
    ]);
  });

  it('shifts dates a year, 29 February to 28 February', () => {
    expect(nextYearDate('2026-04-17')).toBe('2027-04-17');
    expect(nextYearDate('2028-02-29')).toBe('2029-02-28');
  });
});

describe('Budsjettavstemming', () => {
  const budget = [
    line('740', '01', 1_000_000, 'tildelingsbrev'),
    line('740', '01', 250_000, 'tildelingsbrev'),
    line('740', '01', -50_000, 'tillegg'),
    line('740', '01', 1_200_000, 'arsrapport', { accounts: 1_100_000 }),
    line('740', '21', 300_000, 'tildelingsbrev'),
    line('740', '21', 310_000, 'arsrapport', { accounts: 290_000 }),
    line('0741', '1', 70_000, 'arsrapport', { accounts: 70_000 }),
  ];

  it('sums the letter and its supplements per chapter/post and sets them against the annual report', () => {
    const rows = reconcile(budget, [
      { chapter: '740', post: '01', kroner: 1_100_000 },
      { chapter: '740', post: '21', kroner: 295_000 },
    ]);
    expect(
      rows.map((r) => [
        r.chapter,
        r.post,
        r.letter,
        r.supplements,
        r.total,
        r.reported,
        r.reportedAccounts,
        r.stateAccounts,
      ]),
    ).toEqual([
      ['740', '01', 1_250_000, -50_000, 1_200_000, 1_200_000, 1_100_000, 1_100_000],
      ['740', '21', 300_000, null, 300_000, 310_000, 290_000, 295_000],
      ['0741', '1', null, null, null, 70_000, 70_000, null],
    ]);
  });

  it('flags each difference in the report, and counts the posts with one', () => {
    const r = buildReport('budsjettavstemming', facts({ budget }), {
      accounts: [
        { chapter: '740', post: '01', kroner: 1_100_000 },
        { chapter: '740', post: '21', kroner: 295_000 },
      ],
    });
    expect(r.meta).toContainEqual({ label: 'Avvik', value: '1' });
    expect(rowsOf(r)).toEqual([
      '740 | 01 | Post 01 | 1 250 000 kr | -50 000 kr | 1 200 000 kr | 1 200 000 kr | 0',
      '740 | 21 | Post 21 | 300 000 kr | – | 300 000 kr | 310 000 kr | Avvik +10 000 kr',
      '0741 | 1 | Post 1 | – | – | – | 70 000 kr | –',
      '740 | 01 | Post 01 | 1 100 000 kr | 1 100 000 kr | 0',
      '740 | 21 | Post 21 | 290 000 kr | 295 000 kr | Avvik +5 000 kr',
      '0741 | 1 | Post 1 | 70 000 kr | – | –',
    ]);
    const none = buildReport('budsjettavstemming', facts({ budget }));
    expect(headingsOf(none)).toEqual(['Tildeling mot årsrapport']);
  });
});
