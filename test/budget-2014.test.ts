import { describe, expect, it } from 'vitest';
import { budgetOfSeed, countByTable, row } from './budget-helpers.js';

// Tildelingsbrev 2014 (PDF text): many small tables with 2013/2014 columns, headers that are chapter
// rows ("761  Omsorgstjenester 2013 2014Forslag"), units stated below a table or not at all, one table in
// mill. kroner with decimal comma, one-column tables per chapter, rows wrapping over lines.
const r = budgetOfSeed('tb2014');
const lines = r.budgetLines;
const inTable = (t: string) => lines.filter((l) => l.table === t);
const warningsAt = (code: string) => r.warnings.filter((w) => w.code === code).map((w) => w.line);

describe('2014 letter', () => {
  // The letter has 14 budget tables, one under each "Bevilgning(er)" heading that prints one: 1.2,
  // 2.1.3, 2.2.1.2, 2.2.2.3, 2.2.2.4, 2.2.2.5, 2.2.3.3, 2.2.4.3, 3.1.2, 3.4.3, 3.6.1, 3.8.3, 4.2 and 4.3
  // (the other "Bevilgninger" sections are prose only: 2.3.3, 3.2.3, 3.3.3, 3.7.2, 4.1). Table 3.4.3
  // "Programområde 30 Stønad ved helsetjenester" is printed as six chapter blocks (2711, 2751, 2752,
  // 2755, 2756, 2790), each with its "Kap. 27xx …" caption and the header "Kap Post  Betegnelse 2014"
  // repeated, with nothing else between them: one table, not six.
  it('reads 85 rows in 14 tables', () => {
    expect(countByTable(lines)).toEqual({
      '1.2 Bevilgning': 6,
      '2.1.3 Bevilgninger': 12,
      '2.2.1.2 Bevilgninger': 13,
      '2.2.2.3 Bevilgninger rusområdet': 4,
      '2.2.2.4 Bevilgninger psykisk helse': 4,
      '2.2.2.5 Øvrige bevilgninger': 4,
      '2.2.3.3 Bevilginger': 8,
      '2.2.4.3 Bevilgninger': 2,
      '3.1.2 Bevilgning': 2,
      '3.4.3 Bevilgninger:': 19,
      '3.6.1 Bevilgninger:': 2,
      '3.8.3 Bevilgninger': 3,
      '4.2 Kommunal- og regionaldepartementet': 1,
      '4.3 Etatsstyringsansvar': 5,
    });
    expect(new Set(inTable('3.4.3 Bevilgninger:').map((l) => l.chapter))).toEqual(
      new Set(['2711', '2751', '2752', '2755', '2756', '2790']),
    );
    // One table, one unit question: the blocks after the first take its unit without a warning.
    expect(warningsAt('budget_unit_unknown').filter((l) => l !== null && l >= 1942 && l <= 2015)).toEqual([
      1942,
    ]);
  });

  it('reads the one-year table in mill. kroner under a chapter header "711  Ernæring og mattrygghet 2014"', () => {
    expect(row(lines, '711', '21')).toMatchObject({
      name: 'Spesielle driftsutgifter, kan overføres, kan nyttes under post 70',
      columns: ['2014'],
      amounts: [13_000_000],
      lines: [197, 201],
    });
    expect(row(lines, '711', '70').amounts).toEqual([1_112_000]);
    expect(row(lines, '718', '70').amounts).toEqual([113_605_000]);
    // "3718  Rusmiddelforebygging" / " 04 Gebyrinntekter" with no amount printed.
    expect(row(lines, '3718', '04')).toMatchObject({ name: 'Gebyrinntekter', amounts: [null] });
    // "kan nyttes under post 21  6,891": the post number stays in the name.
    expect(row(lines, '719', '79')).toMatchObject({
      name: 'Andre tilskudd, kan overføres, kan nyttes under post 21',
      amounts: [6_891_000],
    });
    // The unit is printed below the table: "Beløp i mill. kroner".
    expect(warningsAt('budget_unit_unknown')).not.toContain(193);
    // Its comments are the "Kap. 711, post 70" paragraphs below: "Det stilles 1,112 mill. kroner …".
    expect(row(lines, '711', '70').comment).toContain(
      'til tilskudd til den frivillige organisasjonen Ammehjelpen',
    );
  });

  it('splits amounts at the double space the source prints between the columns', () => {
    // "driftsutgifter  165 147  182 294" (line 2384) would also read 165 + 147 182 294 or 165 147 182 + 294.
    expect(row(lines, '725', '01')).toMatchObject({
      name: 'Nasjonalt kunnskapssenter for helsetjenesten, driftsutgifter',
      amounts: [165_147_000, 182_294_000],
      lines: [2380, 2384],
    });
    expect(warningsAt('ambiguous_amount')).not.toContain(2380);
    // "driftsutgifter 37 159  37 692", "Pasient- og brukerombud – driftsutgifter 58 831  59 691".
    expect(row(lines, '724', '01').amounts).toEqual([37_159_000, 37_692_000]);
    expect(row(lines, '729', '01').amounts).toEqual([58_831_000, 59_691_000]);
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
