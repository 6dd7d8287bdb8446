import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetOfSeed, budgetOfText, countByTable, row, sum } from './budget-helpers.js';
import { EXAMPLES_DIR } from './helpers/seeds.js';

// Tildelingsbrev 2025 (PDF text, double-spaced): "4.1. Utgifter" keyed `701.21`, names wrapped in a
// narrow column, the comment column beside the amount; "4.2. Inntekter" continues without a header.
const r = budgetOfSeed('tb2025');
const lines = r.budgetLines;

describe('2025 letter, tables 4.1 and 4.2', () => {
  it('reads 59 expense rows and 6 income rows', () => {
    expect(countByTable(lines)).toEqual({ '4.1. Utgifter': 59, '4.2. Inntekter': 6 });
    expect(lines.every((l) => l.columns.length === 1 && l.columns[0] === 'Tildeling')).toBe(true);
  });

  it('joins an amount wrapped over two lines: 2751.70 is 15 104 900 000 kr', () => {
    expect(row(lines, '2751', '70')).toMatchObject({
      name: 'Legemidler',
      amounts: [15_104_900_000],
      lines: [3926, 3928],
    });
  });

  it('separates name, amount and comment on one line', () => {
    const p60 = row(lines, '714', '60');
    expect(p60).toMatchObject({ name: 'Kommunale tiltak', amounts: [119_171_000] });
    expect(p60.earmarks[0]?.amount).toBe(20_000_000);
    expect(row(lines, '783', '79').comment).toMatch(/^Det tildeles 100 000 kroner i økt bevilgning/);
  });

  it('rebuilds names wrapped in the narrow column, also across a page break', () => {
    expect(row(lines, '701', '60')).toMatchObject({
      name: 'Tilskudd til helseteknologi i kommunal helse- og omsorgstjeneste',
      amounts: [71_211_000],
    });
    expect(row(lines, '701', '60').comment).toBe(
      'Søknadsbasert tilskuddsordninger for kommuner for å ta helseteknologi i bruk',
    );
    expect(row(lines, '783', '21')).toMatchObject({
      name: 'Spesielle driftsutgifter, kan nyttes under post 79',
      amounts: [45_833_000],
      usableUnderPosts: ['79'],
    });
    expect(row(lines, '733', '21')).toMatchObject({ amounts: [3_967_000], usableUnderPosts: ['79'] });
    expect(row(lines, '737', '70')).toMatchObject({
      name: 'Tilskudd, overslagsbevilgning',
      flags: ['overslagsbevilgning'],
    });
    expect(row(lines, '734', '01').name).toBe('Driftsutgifter – kontrollkommisjonene');
    expect(row(lines, '760', '21').usableUnderPosts).toEqual(['70', '71']);
  });

  it('reads empty amounts as null', () => {
    expect(row(lines, '2711', '72')).toMatchObject({ name: 'Tannbehandling', amounts: [null] });
    expect(row(lines, '701', '22').amounts).toEqual([null]);
  });

  it('reads the income table under its own heading and unit', () => {
    expect(row(lines, '3714', '04')).toMatchObject({
      name: 'Gebyrinntekter',
      amounts: [24_396_000],
      table: '4.2. Inntekter',
    });
    expect(row(lines, '5572', '75').amounts).toEqual([18_952_000]);
    expect(row(lines, '5572', '74').name).toBe('Tilsynsavgift e-sigaretter');
  });

  it('checks earmarks: 714.21 adds up, 714.79 falls 1 247 000 kr short in the letter itself', () => {
    const p21 = row(lines, '714', '21');
    expect(sum(p21.earmarks)).toBe(103_000_000);
    expect(p21.earmarks).toHaveLength(20);
    const p79 = row(lines, '714', '79');
    expect(p79.earmarks).toHaveLength(10);
    expect(sum(p79.earmarks)).toBe(80_127_000);
    const w = r.warnings.filter((x) => x.code === 'earmarks_sum_mismatch');
    expect(w).toHaveLength(1);
    expect(w[0]?.line).toBe(3484);
    expect(w[0]?.message).toContain('80 127 000 kr');
    expect(w[0]?.message).toContain('81 374 000 kr');
  });

  it('does not read the order-ceiling table of Vedlegg II as an allocation table', () => {
    expect(lines.some((l) => l.lines[0] > 5000)).toBe(false);
  });
});

describe('example letter 2026 (Friluftsdirektoratet)', () => {
  const text = readFileSync(join(EXAMPLES_DIR, 'tildelingsbrev-2026-friluftsdirektoratet.txt'), 'utf8');
  const ex = budgetOfText(text);
  it('reads the three rows of the small table "Alle tall i hele tusen kroner."', () => {
    expect(ex.budgetLines.map((l) => [l.chapter, l.post, l.amounts[0], l.flags])).toEqual([
      ['1420', '01', 84_500_000, []],
      ['1420', '21', 12_300_000, ['kan_overfores']],
      ['1420', '70', 45_000_000, ['kan_overfores']],
    ]);
    expect(ex.budgetLines[2]).toMatchObject({
      name: 'Tilskudd til friluftsformål, kan overføres',
      table: '3.1 Tildeling',
      columns: ['Tildeling 2026'],
      lines: [75, 75],
    });
    expect(ex.warnings).toEqual([]);
  });
});
