import { describe, expect, it } from 'vitest';
import { budgetOfSeed, countByTable, row, sum } from './budget-helpers.js';

// Tildelingsbrev 2024: tab-separated table under "5.1 Budsjetttildelinger", "Alle tall i hele tusen".
const r = budgetOfSeed('tb2024');
const lines = r.budgetLines;

describe('2024 letter, table 5.1', () => {
  it('reads all 82 data rows of the table and nothing else', () => {
    expect(countByTable(lines)).toEqual({ '5.1 Budsjetttildelinger': 82 });
    expect(lines[0]?.lines).toEqual([1131, 1131]);
    expect(lines.at(-1)?.lines[0]).toBe(1231);
  });

  it('reads chapter, post, name, column and amount in whole kroner', () => {
    const first = row(lines, '701', '21', 1131);
    expect(first).toMatchObject({
      name: 'Spesielle driftsutgifter',
      columns: ['Tildeling 2024'],
      amounts: [20_000_000],
      flags: [],
      comment: 'Tilskudd til innføring av digital samhandling',
    });
    expect(row(lines, '740', '01').amounts).toEqual([1_538_891_000]);
    expect(row(lines, '2751', '70').amounts).toEqual([13_875_500_000]);
    expect(row(lines, '732', '77').amounts).toEqual([4_187_644_000]);
    // Printed without a thousands space: "15786".
    expect(row(lines, '761', '75').amounts).toEqual([15_786_000]);
    expect(row(lines, '3714', '04').amounts).toEqual([12_713_000]);
  });

  it('inherits the chapter from the row above when the first cell is empty', () => {
    expect(row(lines, '701', '73').name).toBe('Tilskudd til e-helse i kommunal sektor');
    expect(row(lines, '2755', '75')).toMatchObject({
      name: 'Logopedisk og ortoptisk behandling',
      amounts: [326_000_000],
    });
  });

  it('reads a dash and an empty cell as null (no amount, not zero)', () => {
    // `⇥22⇥Beredskapslagring legemidler, …⇥-⇥Overførte midler`: nothing allocated this year.
    expect(row(lines, '702', '22')).toMatchObject({ amounts: [null], comment: 'Overførte midler' });
    expect(row(lines, '702', '71')).toMatchObject({
      amounts: [null],
      comment: 'Avvikles og overføres til 732.',
    });
    expect(row(lines, '733', '21').amounts).toEqual([null]);
  });

  it('parses budget flags from the name', () => {
    expect(row(lines, '701', '21', 1134)).toMatchObject({
      name: 'Spesielle driftsutgifter, kan overføres, kan nyttes under post 70',
      flags: ['kan_overfores', 'kan_nyttes_under_post'],
      usableUnderPosts: ['70'],
    });
    expect(row(lines, '737', '70')).toMatchObject({
      name: 'Tilskudd, overslagsbevilgning',
      flags: ['overslagsbevilgning'],
    });
    expect(row(lines, '762', '21').usableUnderPosts).toEqual(['70']);
    expect(row(lines, '762', '21').flags).toEqual(['kan_overfores', 'kan_nyttes_under_post']);
    expect(row(lines, '2755', '71').usableUnderPosts).toEqual(['62']);
  });

  it('joins a comment continued on a later line', () => {
    const r58 = row(lines, '701', '21', 1135);
    expect(r58.lines).toEqual([1135, 1137]);
    expect(r58.comment).toContain('aktørene til ferdigstilling av utprøvingen i Bergen');
    const r72 = row(lines, '702', '72');
    expect(r72.comment).toContain('trer i kraft etter oppsigelsestidens utløp for dagens avtaler.');
  });

  it('reads earmarks in kroner and nests "herunder"/"hvorav"/"inkludert" amounts in their parent', () => {
    const p21 = row(lines, '714', '21');
    expect(p21.earmarks).toHaveLength(14);
    expect(p21.earmarks[0]).toEqual({
      amount: 26_520_000,
      text: '26,52 mill. kr til kommunikasjon om levevaner og helse.',
    });
    expect(p21.earmarks[1]?.amount).toBe(19_780_000);
    expect(p21.earmarks[1]?.text).toContain('herunder 12,5 mill. kroner til implementering');
    expect(p21.earmarks.some((e) => e.amount === 12_500_000)).toBe(false);
    expect(sum(p21.earmarks)).toBe(95_420_000);

    const p58 = row(lines, '701', '21', 1135);
    expect(p58.earmarks.map((e) => e.amount)).toEqual([
      35_300_000, 7_500_000, 7_000_000, 5_500_000, 2_700_000,
    ]);
    expect(sum(p58.earmarks)).toBe(58_000_000);

    expect(row(lines, '714', '60').earmarks.map((e) => e.amount)).toEqual([84_600_000, 4_700_000]);
    expect(sum(row(lines, '714', '22').earmarks)).toBe(26_927_000);
    expect(sum(row(lines, '714', '70').earmarks)).toBe(195_400_000);
    expect(row(lines, '714', '70').earmarks[2]?.text).toContain('på rusmiddel-, doping- og spillområdet');
    expect(row(lines, '714', '79').earmarks).toHaveLength(9);
    expect(sum(row(lines, '714', '79').earmarks)).toBe(65_300_000);
    expect(row(lines, '3714', '04').earmarks.map((e) => e.amount)).toEqual([9_871_000, 2_842_000]);
  });

  it('keeps a row total restated in the comment as one earmark with its parts', () => {
    const p = row(lines, '717', '70');
    expect(p.earmarks).toHaveLength(1);
    expect(p.earmarks[0]?.amount).toBe(9_000_000);
    expect(p.earmarks[0]?.text).toContain('Minst 1 mill. kroner settes av til sekretariatet');
    expect(row(lines, '702', '21').earmarks).toEqual([expect.objectContaining({ amount: 18_300_000 })]);
  });

  it('every row whose earmarks cover it adds up, so no warning is raised', () => {
    const covered = lines.filter(
      (l) =>
        l.earmarks.length > 1 && Math.abs(sum(l.earmarks) - (l.amounts[0] ?? 0)) <= (l.amounts[0] ?? 0) * 0.1,
    );
    expect(covered.map((l) => `${l.chapter}.${l.post}`)).toEqual([
      '701.21',
      '714.21',
      '714.22',
      '714.60',
      '714.70',
      '714.79',
      '3714.04',
    ]);
    for (const l of covered) expect(sum(l.earmarks)).toBe(l.amounts[0]);
    expect(r.warnings.filter((w) => w.code !== 'authorisation_amount_missing')).toEqual([]);
  });
});
