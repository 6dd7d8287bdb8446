import { describe, expect, it } from 'vitest';
import { budgetOfSeed, countByTable, row } from './budget-helpers.js';

// Tildelingsbrev 2014 (PDF text): many small tables with 2013/2014 columns, headers that are chapter
// rows ("761  Omsorgstjenester 2013 2014Forslag"), units stated below a table or not at all, one table in
// mill. kroner with decimal comma, one-column tables per chapter, rows wrapping over lines.
const r = budgetOfSeed('tb2014');
const lines = r.budgetLines;
const warningsAt = (code: string) => r.warnings.filter((w) => w.code === code).map((w) => w.line);

describe('2014 letter', () => {
  it('reads 73 rows in 18 tables', () => {
    expect(countByTable(lines)).toEqual({
      '1.2 Bevilgning': 6,
      '2.2.1.2 Bevilgninger': 13,
      '2.2.2.3 Bevilgninger rusområdet': 4,
      '2.2.2.4 Bevilgninger psykisk helse': 4,
      '2.2.2.5 Øvrige bevilgninger': 4,
      '2.2.3.3 Bevilginger': 8,
      '2.2.4.3 Bevilgninger': 2,
      '3.1.2 Bevilgning': 2,
      'Kap. 2711 Spesialisthelsetjeneste mv.': 4,
      'Kap. 2751 Legemidler mv.': 3,
      'Kap. 2752 Refusjon av egenbetaling': 2,
      'Kap. 2755 Helsetjeneste i kommunene mv.': 6,
      'Kap. 2756 Andre helsetjenester': 3,
      'Kap. 2790 Andre helsetiltak': 1,
      '3.6.1 Bevilgninger:': 2,
      '3.8.3 Bevilgninger': 3,
      '4.2 Kommunal- og regionaldepartementet': 1,
      '4.3 Etatsstyringsansvar': 5,
    });
  });

  it('splits two adjacent amounts: "985 176 1 040 644"', () => {
    expect(row(lines, '720', '01')).toMatchObject({
      columns: ['2013', '2014'],
      amounts: [985_176_000, 1_040_644_000],
    });
    expect(row(lines, '575', '60').amounts).toEqual([5_850_000_000, 6_863_205_000]);
    expect(row(lines, '725', '02').amounts).toEqual([136_000, 141_000]);
  });

  it('resolves "127 045 213 192" with the prose "tildeles 213,2 mill. kroner"', () => {
    expect(row(lines, '761', '21')).toMatchObject({
      name: 'Spesielle driftsutgifter, kan nyttes under post 79',
      columns: ['2013', '2014 Forslag'],
      amounts: [127_045_000, 213_192_000],
      lines: [529, 533],
    });
    expect(warningsAt('ambiguous_amount')).not.toContain(529);
  });

  it('warns with alternatives when neither prose nor equal columns settle a split', () => {
    expect(row(lines, '763', '71').amounts).toEqual([175_500_000, 176_013_000]);
    expect(warningsAt('ambiguous_amount')).toContain(872);
    expect(r.warnings.find((w) => w.line === 872)?.message).toContain('175 000 kr + 500 176 013 000 kr');
  });

  it('takes the chapter from a chapter heading row or a chapter header', () => {
    expect(row(lines, '3720', '05')).toMatchObject({
      name: 'Helsetjenester til utenlandsboende mv.',
      amounts: [null, 50_000_000],
    });
    expect(row(lines, '751', '21')).toMatchObject({
      amounts: [4_000_000, 7_000_000],
      flags: ['kan_overfores'],
    });
    expect(row(lines, '770', '70').amounts).toEqual([143_808_000, 174_841_000]);
  });

  it('reads a table in mill. kroner with decimal comma and warns that the unit was inferred', () => {
    expect(row(lines, '734', '01')).toMatchObject({
      name: 'Driftsutgifter – Kontrollkommisjonene',
      amounts: [39_135_000, 39_650_000],
    });
    expect(row(lines, '734', '21').amounts).toEqual([null, 14_900_000]);
    expect(row(lines, '734', '70').amounts).toEqual([2_329_000, 2_411_000]);
    expect(r.warnings.find((w) => w.line === 1109)).toMatchObject({
      code: 'budget_unit_unknown',
      message: expect.stringContaining('mill. kroner'),
    });
  });

  it('finds a unit printed below the table', () => {
    expect(warningsAt('budget_unit_unknown')).not.toContain(64);
    expect(warningsAt('budget_unit_unknown')).not.toContain(2341);
  });

  it('reads wrapped header labels "Tildeling / Hdir / Totalbevilgning"', () => {
    expect(row(lines, '763', '21')).toMatchObject({
      columns: ['Tildeling Hdir', 'Totalbevilgning'],
      amounts: [46_000_000, 50_706_000],
    });
  });

  it('keeps numbers that end a post name in the name', () => {
    expect(row(lines, '2755', '62')).toMatchObject({
      name: 'Fastlønnsordning fysioterapeuter, kan nyttes under post 71',
      amounts: [309_000_000],
      usableUnderPosts: ['71'],
    });
    expect(row(lines, '2752', '70')).toMatchObject({ name: 'Egenandelstak 1', amounts: [3_848_200_000] });
    expect(row(lines, '2752', '71')).toMatchObject({ name: 'Egenandelstak 2', amounts: [165_000_000] });
    expect(row(lines, '702', '21')).toMatchObject({
      usableUnderPosts: ['70'],
      amounts: [22_300_000, 23_600_000],
    });
  });

  it('reads one-column tables and rows whose name wraps before the amounts', () => {
    expect(row(lines, '2751', '70')).toMatchObject({ columns: ['2014'], amounts: [8_666_000_000] });
    expect(row(lines, '724', '01')).toMatchObject({
      name: 'Statens autorisasjonskontor for helsepersonell, driftsutgifter',
      amounts: [37_159_000, 37_692_000],
      lines: [2372, 2376],
    });
    expect(row(lines, '783', '61').amounts).toEqual([129_138_000, 133_400_000]);
  });
});
