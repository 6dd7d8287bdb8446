/**
 * No rule may be keyed to a seed: altered copies of each letter (prose re-wrapped, sections reordered,
 * other department codes) must give the same records, and our own example letter in a layout of its own
 * must be read completely.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprint, reflow, renameDepartments, swapRanges } from './helpers/alter.js';
import { exampleFiles, extractText, type SeedKey, seed, seedText } from './helpers/seeds.js';

const LETTERS: SeedKey[] = ['tb2024', 'tb2022', 'tb2025'];

describe.each(LETTERS)('altered copies of %s give the same records', (key) => {
  const original = fingerprint(seed(key));

  it('has records to compare', () => {
    expect(original.assignments.length).toBeGreaterThan(60);
    expect(original.budget.length).toBeGreaterThan(30);
  });

  for (const width of [62, 104]) {
    it(`prose re-wrapped at ${width} characters`, () => {
      const text = reflow(seedText(key), width);
      expect(text).not.toBe(seedText(key));
      expect(fingerprint(extractText(text))).toEqual(original);
    });
  }

  it('with other department codes', () => {
    const map = {
      FHA: 'FOA',
      SHA: 'SPA',
      KTA: 'KOA',
      HRA: 'RTA',
      EHE: 'EHX',
      DIG: 'DGX',
      ADA: 'ADX',
      EIA: 'EIX',
    };
    const altered = fingerprint(extractText(renameDepartments(seedText(key), map)));
    const expected = original.assignments.map((a) => ({
      ...a,
      departments: a.departments.map((d) => map[d as keyof typeof map] ?? d),
    }));
    expect(altered.assignments).toEqual(expected);
  });

  it('with two subject sections in the other order', () => {
    const r = seed(key);
    // Two consecutive sibling sections that both hold assignments, e.g. 2.1 and 2.2.
    const holders = r.sections.filter(
      (s) => s.level === 2 && r.assignments.some((a) => a.lines[0] >= s.lines[0] && a.lines[1] <= s.lines[1]),
    );
    const [a, b] = holders;
    expect(a && b).toBeTruthy();
    if (!a || !b) return;
    const swapped = extractText(swapRanges(seedText(key), a.lines, b.lines));
    expect(fingerprint(swapped).assignments).toEqual(original.assignments);
    expect(fingerprint(swapped).budget).toEqual(original.budget);
    const titles = (x: typeof r) => x.sections.map((s) => `${s.number} ${s.title}`).sort();
    expect(titles(swapped)).toEqual(titles(r));
  });
});

describe('the example letter (own layout, fictional agency)', () => {
  const [file] = exampleFiles();
  const r = extractText(readFileSync(file!, 'utf8'), 'eksempel.txt');

  it('reads document, goals, assignments, budget and calendar', () => {
    expect(r.document).toMatchObject({ type: 'tildelingsbrev', year: 2026, date: '2026-01-15' });
    expect(r.goals.map((g) => g.number)).toEqual(['1', '2']);
    expect(r.assignments.map((a) => [a.id, a.kind, a.departments])).toEqual([
      ['TB2026-01', 'new', ['FRA']],
      ['TB2026-02', 'new', ['FRA', 'KLA']],
      ['TB2026-03', 'new', ['KLA']],
      ['TB2025-09', 'carried_over', ['FRA']],
    ]);
    const tb02 = r.assignments[1]!;
    expect(tb02.deadlines.map((d) => [d.date, d.part])).toEqual([
      ['2026-05-01', 'a'],
      ['2026-09-01', 'b'],
      ['2026-12-15', 'c'],
    ]);
    expect(r.assignments[2]!.deadlines.map((d) => [d.date, d.precision])).toEqual([
      ['2026-06-30', 'quarter'],
    ]);
    expect(r.assignments[2]!.references).toEqual([{ id: 'TB2025-14', relation: 'refers' }]);
    expect(r.assignments[3]!.deadlines.map((d) => d.date)).toEqual(['2026-03-31']);
    expect(r.budgetLines.map((b) => [b.chapter, b.post, b.amounts])).toEqual([
      ['1420', '01', [84_500_000]],
      ['1420', '21', [12_300_000]],
      ['1420', '70', [45_000_000]],
    ]);
    expect(r.calendar.map((c) => [c.date, c.time])).toEqual([
      ['2026-03-15', null],
      ['2026-06-01', '10:00'],
      ['2026-10-01', null],
    ]);
  });
});

/**
 * Another ministry and another agency print the same layouts with their own names: "Avd. KLD: FHA",
 * "Eieravdeling KLD: SHA", "Ansvarlig avdeling i KLD: KTA", "Miljødirektoratet skal …".
 */
const otherMinistry = (text: string) => text.replace(/\bHOD\b/g, 'KLD');
const otherAgency = (text: string) =>
  text
    .replace(/Helsedirektoratet/g, 'Miljødirektoratet')
    .replace(/Helse- og omsorgsdepartementet/g, 'Klima- og miljødepartementet');
/** Records with their titles, which the label must not leak into ("Avd. KLD: FHA Gjøre …"). */
const titled = (r: ReturnType<typeof seed>) =>
  r.assignments.map((a) => `${a.id} ${a.kind} ${a.departments.join('/')} ${a.title}`);

describe.each(LETTERS)('%s from another ministry and agency', (key) => {
  it('HOD renamed KLD gives the same records, departments and titles', () => {
    const altered = extractText(otherMinistry(seedText(key)));
    expect(fingerprint(altered)).toEqual(fingerprint(seed(key)));
    expect(titled(altered)).toEqual(titled(seed(key)));
    expect(altered.warnings.map((w) => w.code)).toEqual(seed(key).warnings.map((w) => w.code));
  });

  it('Helsedirektoratet renamed Miljødirektoratet gives the same records', () => {
    const altered = extractText(otherAgency(seedText(key)));
    expect(altered.document.recipient).toBe('Miljødirektoratet');
    expect(fingerprint(altered)).toEqual(fingerprint(seed(key)));
    expect(titled(altered)).toEqual(
      titled(seed(key)).map((t) => t.replace(/Helsedirektoratet/g, 'Miljødirektoratet')),
    );
  });
});

describe('headings in other wording', () => {
  it('the 2014 letter with "Særskilte oppdrag" for "Spesielle oppdrag" gives the same 59 records', () => {
    const altered = extractText(seedText('tb2014').replace(/Spesielle oppdrag/g, 'Særskilte oppdrag'));
    expect(altered.assignments).toHaveLength(59);
    expect(fingerprint(altered)).toEqual(fingerprint(seed('tb2014')));
    expect(titled(altered)).toEqual(titled(seed('tb2014')));
  });

  it('the 2014 letter with plain "Oppdrag" headings gives the same records', () => {
    const altered = extractText(seedText('tb2014').replace(/Spesielle oppdrag/g, 'Oppdrag'));
    expect(fingerprint(altered)).toEqual(fingerprint(seed('tb2014')));
  });

  it('the 2025 letter introducing its goals with "følgende mål:" gives the same 13 goals', () => {
    const altered = extractText(seedText('tb2025').replace('følgende hovedmål:', 'følgende mål:'));
    expect(altered.goals.map((g) => [g.number, g.section, g.title])).toEqual(
      seed('tb2025').goals.map((g) => [g.number, g.section, g.title]),
    );
    expect(altered.goals).toHaveLength(13);
    expect(altered.goals[0]).toMatchObject({
      section: '3.1',
      title: 'Folkehelsearbeidet er kunnskapsbasert og tverrsektorielt',
    });
  });
});

describe('a letter whose assignments or goals cannot be read says so', () => {
  it('warns no_assignments_found, naming the heading, when no assignment heading is recognised', () => {
    // "2.1.4 Tiltak og oppdrag i 2014": a heading that speaks of assignments in words no rule knows.
    const altered = extractText(seedText('tb2014').replace(/Spesielle oppdrag/g, 'Tiltak og oppdrag i'));
    expect(altered.assignments).toEqual([]);
    const w = altered.warnings.filter((x) => x.code === 'no_assignments_found');
    expect(w).toHaveLength(1);
    expect(w[0]!.line).toBe(465);
    expect(w[0]!.message).toContain('2.1.4 Tiltak og oppdrag i');
  });

  it('warns goals_none_found when an allocation letter yields no goals', () => {
    const r = extractText(
      [
        'Tildelingsbrev til Prøvedirektoratet for 2026',
        '',
        '1 Innledning',
        '',
        'Direktoratet skal drive godt.',
      ].join('\n'),
    );
    expect(r.goals).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain('goals_none_found');
    expect(r.warnings.map((w) => w.code)).toContain('no_assignments_found');
  });
});

/** Another ministry's ID scheme: "OPP2024-3" for "TB2024-3", "TOPP2022-5" for "TTB2022-5", "ROPP" for "RTB". */
const renameIds = (text: string) =>
  text.replace(/(?<![A-Za-zÆØÅæøå])([RT]{0,2})TB(?=[ -]?(?:\d{4}|\d{3}x|\d{2}xx))/g, '$1OPP');

describe.each(LETTERS)('%s with the ID prefix OPP instead of TB', (key) => {
  it('gives the same records under the renamed IDs, with kinds and references', () => {
    const altered = extractText(renameIds(seedText(key)));
    const rename = (s: string) => renameIds(s);
    const expected = fingerprint(seed(key));
    const got = fingerprint(altered);
    expect(got.assignments).toEqual(
      expected.assignments
        .map((a) => ({
          ...a,
          id: rename(a.id),
          otherIds: a.otherIds.map(rename),
          references: a.references.map(rename).sort(),
        }))
        .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : x.kind < y.kind ? -1 : 1)),
    );
    expect(altered.document.year).toBe(seed(key).document.year);
    expect(altered.warnings.map((w) => w.code)).toEqual(seed(key).warnings.map((w) => w.code));
  });
});

describe('ID prefixes are learnt from header positions only', () => {
  it('does not take "NOU 2023-…" or a plan period in prose for assignment IDs', () => {
    const r = extractText(
      [
        'Tildelingsbrev til Prøvedirektoratet for 2026',
        '',
        'OPP2026-1\tAvd. KLD: FRA\tKartlegge tilsynsbehovet',
        'OPP2026-2\tAvd. KLD: KLA\tEvaluere ordningen, jf. NHSP 2020-2023 og OPP2026-1',
        'OPP2026-3\tAvd. KLD: FRA\tOppdatere veilederen',
        'NHSP 2020-2023 gjelder fortsatt.',
      ].join('\n'),
    );
    expect(r.assignments.map((a) => [a.id, a.departments])).toEqual([
      ['OPP2026-1', ['FRA']],
      ['OPP2026-2', ['KLA']],
      ['OPP2026-3', ['FRA']],
    ]);
    expect(r.assignments[1]!.references.map((x) => x.id)).toEqual(['OPP2026-1']);
  });

  it('warns unparsed_assignment_header for an ID-shaped header whose prefix occurs once', () => {
    const r = extractText(
      [
        'Tildelingsbrev til Prøvedirektoratet for 2026',
        '',
        'TB2026-1\tAvd. KLD: FRA\tKartlegge tilsynsbehovet',
        '',
        'XQ2026-7 Avd. KLD: KLA Evaluere ordningen',
      ].join('\n'),
    );
    expect(r.assignments.map((a) => a.id)).toEqual(['TB2026-1']);
    expect(r.warnings.filter((w) => w.code === 'unparsed_assignment_header').map((w) => w.line)).toEqual([5]);
  });
});

/**
 * Another agency's annual report words its goal-area template in its own way. The areas are found by
 * layout (a heading directly followed by the sub-heading every area repeats), so the wording must not
 * matter. Lines 542 and 1944 are the first and last area headings, 584 and 2060 their assessments.
 */
const otherTemplate = (text: string) =>
  text
    .replace(/^Status og utvikling på målområdet$/gm, 'Utviklingen i året')
    .replace(/^Styringsindikatorer$/gm, 'Rapportering på indikatorene')
    .replace(/^Sentrale aktiviteter i direktoratet$/gm, 'Viktige tiltak')
    .replace(/^Måloppnåelse$/gm, 'Vurdering av måloppnåelse')
    .replace(/^3\. Årets resultater og aktiviteter$/gm, '3. Årets aktiviteter og resultater');

describe('the annual report with its goal-area template in other wording', () => {
  const original = seed('ar2023');
  const text = otherTemplate(seedText('ar2023'));
  const altered = extractText(text);

  it('rewords every template sub-heading', () => {
    expect(text).not.toMatch(/^(?:Status og utvikling på målområdet|Sentrale aktiviteter i direktoratet)$/m);
    expect(text.match(/^Utviklingen i året$/gm)).toHaveLength(13);
  });

  it('still finds the 13 goal areas with their indicators', () => {
    expect(altered.goals).toHaveLength(13);
    expect(altered.goals[0]).toMatchObject({
      number: '1',
      section: '3',
      title: 'Folkehelsearbeidet er kunnskapsbasert og tverrsektorielt',
    });
    expect(altered.goals[0]!.lines[0]).toBe(542);
    expect(altered.goals[12]!.title).toBe('Helseaktører og innbyggere får rett ytelse til rett tid');
    expect(altered.goals[12]!.lines[0]).toBe(1944);
    expect(fingerprint(altered).goals).toEqual(fingerprint(original).goals);
    expect(altered.warnings.map((w) => w.code)).not.toContain('goals_none_found');
  });

  it('still reads the 13 assessments, ending at the reworded template heading', () => {
    expect(altered.goalAssessments.map((a) => a.goal)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
    ]);
    expect(altered.goalAssessments[0]!.lines).toEqual([584, 584]);
    expect(altered.goalAssessments[12]!.lines[0]).toBe(2060);
    expect(altered.goalAssessments.map((a) => a.text)).toEqual(original.goalAssessments.map((a) => a.text));
    expect(altered.warnings.map((w) => w.code)).not.toContain('goal_assessment_unplaced');
  });
});

describe('an annual report whose goal areas are numbered sections or "Mål N" headings', () => {
  const report = [
    'Årsrapport 2025',
    '',
    '1. Leders beretning',
    '',
    'Året var godt.',
    '',
    '2. Årets aktiviteter og resultater',
    '',
    '2.1 Trygg forvaltning',
    '',
    'Styringsparameter: Andel saker behandlet innen fristen',
    '',
    '92 prosent.',
    '',
    'Måloppnåelse',
    '',
    'Målet er nådd.',
    '',
    '2.2 Gode tjenester',
    '',
    'Nøkkeltall 1: Antall brukere',
    '',
    'Vi vurderer måloppnåelsen som god.',
    '',
    '3. Styring og kontroll',
    '',
    'Internkontrollen er god.',
  ].join('\n');

  it('takes the numbered sub-sections of the results part that report on indicators', () => {
    const r = extractText(report);
    expect(r.goals.map((g) => [g.number, g.title, g.section, g.lines])).toEqual([
      ['1', 'Trygg forvaltning', '2.1', [9, 17]],
      ['2', 'Gode tjenester', '2.2', [19, 23]],
    ]);
    expect(r.goals[0]!.steeringParameters).toEqual([
      { text: 'Andel saker behandlet innen fristen', line: 11 },
    ]);
    expect(r.goals[1]!.keyFigures).toEqual([{ text: 'Antall brukere', line: 21 }]);
    expect(r.goalAssessments).toEqual([{ goal: '1', text: 'Målet er nådd.', lines: [17, 17] }]);
  });

  it('takes "Mål 1: …" headings as the areas', () => {
    const r = extractText(
      report
        .replace('2.1 Trygg forvaltning', 'Mål 1: Trygg forvaltning')
        .replace('2.2 Gode tjenester', 'Mål 2: Gode tjenester'),
    );
    expect(r.goals.map((g) => [g.number, g.title, g.lines])).toEqual([
      ['1', 'Trygg forvaltning', [9, 17]],
      ['2', 'Gode tjenester', [19, 23]],
    ]);
  });
});

describe('sections printed out of numeric order', () => {
  const letter = [
    'Tildelingsbrev til Prøvedirektoratet for 2026',
    '',
    '1 Innledning',
    '',
    'Brevet gjelder 2026.',
    '',
    '2 Oppdrag',
    '',
    '2.2 Tilsyn',
    '',
    'Direktoratet skal prioritere:',
    '1. Tilsyn med de største aktørene',
    '2. Oppfølging av avvik',
    '',
    '2.1 Forvaltning',
    '',
    '2.1.1 Regelverk',
    '',
    'Direktoratet skal revidere forskriften.',
    '',
    '2.3 Beredskap',
    '',
    '3 Budsjett',
    '',
    'Tildelingen følger.',
  ].join('\n');

  it('keeps a heading whose parent and predecessor are sections, but not the numbered list', () => {
    const r = extractText(letter);
    expect(r.sections.map((s) => [s.number, s.lines])).toEqual([
      ['1', [3, 5]],
      ['2', [7, 21]],
      ['2.2', [9, 13]],
      ['2.1', [15, 19]],
      ['2.1.1', [17, 19]],
      ['2.3', [21, 21]],
      ['3', [23, 25]],
    ]);
  });
});

describe('goal headings in other wording', () => {
  it('the 2014 letter with "Mål for området" for "Langsiktige mål" gives the same 39 goals', () => {
    const altered = extractText(seedText('tb2014').replace(/Langsiktige? mål\b/g, 'Mål for området'));
    const goals = (r: ReturnType<typeof seed>) => r.goals.map((g) => [g.number, g.section, g.title]);
    expect(altered.goals).toHaveLength(39);
    expect(goals(altered)).toEqual(goals(seed('tb2014')));
    expect(altered.warnings.map((w) => w.code)).not.toContain('goals_none_found');
    // "6.1 Mål for styringsdokumentene" (chapter 6, the steering dialogue) is a one-off, not an area's goals.
    expect(altered.goals.some((g) => g.section === '6.1')).toBe(false);
  });
});
