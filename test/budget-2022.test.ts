import { describe, expect, it } from 'vitest';
import { budgetOfSeed, countByTable, row, sum } from './budget-helpers.js';

// Tildelingsbrev 2022 (PDF text): six space-separated tables "Kap. Post Postnavn Bevilgning 2022
// Tildeling 2022", rows wrapping over lines, plus a budget change in an appended supplementary letter.
const r = budgetOfSeed('tb2022');
const lines = r.budgetLines;
const inTable = (t: string) => lines.filter((l) => l.table === t);

describe('2022 letter', () => {
  it('reads every row of the six tables and the budget change', () => {
    expect(countByTable(lines)).toEqual({
      '1.4 Tildelinger 2022': 11,
      '2.1.2 Tildelinger': 6,
      '2.2.2 Tildelinger': 37,
      '2.3.2 Tildelinger': 4,
      '2.4.2 Tildelinger': 3,
      '2.5.2 Tildelinger': 19,
      Budsjettendringer: 1,
    });
  });

  it('reads two amount columns in whole kroner', () => {
    const t14 = inTable('1.4 Tildelinger 2022');
    expect(t14[0]).toMatchObject({
      chapter: '740',
      post: '01',
      name: 'Driftsutgifter',
      columns: ['Bevilgning 2022', 'Tildeling 2022'],
      amounts: [1_233_356_000, 1_233_356_000],
      lines: [132, 132],
    });
    expect(row(lines, '740', '21')).toMatchObject({
      amounts: [38_014_000, 37_665_000],
      flags: ['kan_overfores'],
    });
    expect(row(lines, '3740', '05')).toMatchObject({
      name: 'Helsetjenester til utenlandsboende mv.',
      amounts: [51_300_000, 51_300_000],
    });
    expect(row(lines, '740', '71').amounts).toEqual([null, null]);
    expect(row(lines, '2751', '70').amounts).toEqual([12_119_500_000, 12_119_500_000]);
    expect(row(lines, '733', '70').amounts).toEqual([107_596_000, 0]);
    expect(row(lines, '717', '70').amounts).toEqual([63_551_000, 7_000_000]);
  });

  it('joins names wrapped over lines, keeping post numbers in the name', () => {
    expect(row(lines, '714', '21')).toMatchObject({
      name: 'Spesielle driftsutgifter, kan overføres, kan nyttes under post 70, 74 og 79',
      usableUnderPosts: ['70', '74', '79'],
      lines: [255, 259],
    });
    expect(row(lines, '710', '23').name).toBe('Vaksiner og vaksinasjon mot covid-19, kan overføres');
    expect(row(lines, '762', '70')).toMatchObject({
      name: 'Tilskudd, kan nyttes under post 21',
      amounts: [70_062_000, 70_062_000],
    });
    expect(row(lines, '732', '70').name).toBe('Særskilte tilskudd, kan overføres (Livmorhalsscreening)');
  });

  it('splits "127 273 103 700" using the amount the prose names ("tildeles totalt 103,7 mill.")', () => {
    expect(row(lines, '714', '21').amounts).toEqual([127_273_000, 103_700_000]);
    expect(r.warnings.some((w) => w.line === 255)).toBe(false);
  });

  it('warns with the alternatives when a split stays ambiguous', () => {
    expect(row(lines, '761', '21').amounts).toEqual([213_249_000, 201_249_000]);
    const w = r.warnings.find((x) => x.code === 'ambiguous_amount' && x.line === 761);
    expect(w?.message).toContain('213 249 201 000 kr + 249 000 kr');
    expect(r.warnings.filter((x) => x.code === 'ambiguous_amount').map((x) => x.line)).toEqual([
      761, 791, 811,
    ]);
  });

  it('puts a lone amount in the allocation column and says so', () => {
    expect(row(lines, '702', '21').amounts).toEqual([null, 13_000_000]);
    expect(row(lines, '732', '70').amounts).toEqual([null, 20_500_000]);
    expect(row(lines, '701', '21').amounts).toEqual([null, 13_681_000]);
    expect(r.warnings.filter((x) => x.code === 'budget_column_uncertain').map((x) => x.line)).toEqual([
      717, 2098, 2504,
    ]);
  });

  it('reads the budget change "Tidligere tildeling / Ny tildeling / Sum tildelt"', () => {
    const c = inTable('Budsjettendringer')[0];
    expect(c).toMatchObject({
      chapter: '762',
      post: '21',
      columns: ['Tidligere tildeling', 'Ny tildeling', 'Sum tildelt'],
      amounts: [160_000_000, 8_000_000, 168_000_000],
      lines: [3318, 3326],
    });
    expect(c?.comment).toContain(
      'Helsedirektoratet tildeles 8 mill. kroner for tilskudd til Senter for kvalitet',
    );
    expect(r.warnings.some((w) => w.code === 'budget_sum_mismatch')).toBe(false);
  });

  it('reads the comments printed as "Kap. 714, post 21" prose below the table and checks their earmarks', () => {
    const p21 = row(lines, '714', '21');
    expect(p21.comment).toMatch(
      /^Helsedirektoratet tildeles totalt 103,7 mill. kroner fordelt på følgende tiltak/,
    );
    // The restated total is a heading, not an allocation: the 13 bullets add up to the allocation.
    expect(p21.earmarks).toHaveLength(13);
    expect(p21.earmarks[0]?.amount).toBe(28_000_000);
    expect(p21.earmarks[1]?.text).toContain('Tildelingen dekker 2,4 mill. kroner');
    expect(sum(p21.earmarks)).toBe(103_700_000);
    expect(row(lines, '714', '60').earmarks.map((e) => e.amount)).toEqual([
      77_000_000, 8_000_000, 4_500_000, 800_000,
    ]);
    expect(sum(row(lines, '714', '70').earmarks)).toBe(179_747_000);
    expect(r.warnings.some((w) => w.code === 'earmarks_sum_mismatch')).toBe(false);
  });
});
