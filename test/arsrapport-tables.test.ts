/**
 * Annual report 2023 (Helsedirektoratet): the key-figure tables as time series and the accounts
 * (Tabell 6-1 bevilgningsrapportering, Tabell 6-2 artskontorapportering) as budget lines, with the
 * printed sums cross-footed. Every expected value below is read from the seed file's lines.
 */
import { describe, expect, it } from 'vitest';
import { readAppropriationReport } from '../src/core/extract/budget/appropriation-report.js';
import type { ExtractContext } from '../src/core/extract/context.js';
import type { BudgetLine } from '../src/core/model/extraction.js';
import { splitRawLines, toLines } from '../src/core/text/lines.js';
import { extractText, seed, seedText } from './helpers/seeds.js';

const ar = seed('ar2023');
const APPROPRIATION = 'Tabell 6-1 Bevilgningsrapportering 31.12.2023';
const ARTSKONTO = 'Tabell 6-2 Artskontorrapportering 31.12.2023';
const appropriation = ar.budgetLines.filter((l) => l.table === APPROPRIATION);
const artskonto = ar.budgetLines.filter((l) => l.table === ARTSKONTO);
const mismatches = ar.warnings.filter((w) => w.code === 'appropriation_sum_mismatch');

function series(label: string) {
  const s = ar.keyFigureSeries.find((k) => k.label === label);
  if (!s) throw new Error(`no key-figure series ${label}`);
  return s;
}

const valuesOf = (label: string) => series(label).values.map((v) => [v.year, v.value]);

describe('key figures as time series', () => {
  it('reads Tabell 2-4 row by row: label, unit, one value per year 2023–2020', () => {
    const t24 = ar.keyFigureSeries.filter((s) => s.table === 'Tabell 2-4 Nøkkeltall årsverk og utgifter');
    expect(t24.map((s) => [s.label, s.unit, s.lines[0]])).toEqual([
      ['Avtalte årsverk', null, 489],
      ['Samlet tildeling post 01-99 (mill. kroner)', 'mill. kroner', 490],
      ['Utnyttelsesgrad post 1-29', '%', 491],
      ['Sum driftsutgifter (mill. kroner)', 'mill. kroner', 492],
      ['Lønnsandel av driftsutgifter', '%', 493],
      ['Lønnsutgifter per årsverk (hele tusen)', 'hele tusen', 494],
    ]);
    expect(valuesOf('Avtalte årsverk')).toEqual([
      [2023, 720],
      [2022, 741],
      [2021, 763],
      [2020, 685],
    ]);
    expect(valuesOf('Samlet tildeling post 01-99 (mill. kroner)')).toEqual([
      [2023, 8882],
      [2022, 9236],
      [2021, 13023],
      [2020, 10022],
    ]);
    expect(valuesOf('Utnyttelsesgrad post 1-29')).toEqual([
      [2023, 96],
      [2022, 87],
      [2021, 89],
      [2020, 89],
    ]);
    expect(valuesOf('Sum driftsutgifter (mill. kroner)').map((v) => v[1])).toEqual([1815, 2047, 2002, 1673]);
    expect(valuesOf('Lønnsandel av driftsutgifter').map((v) => v[1])).toEqual([41, 35, 36, 38]);
    expect(valuesOf('Lønnsutgifter per årsverk (hele tusen)').map((v) => v[1])).toEqual([
      1154, 1088, 1072, 1035,
    ]);
  });

  it('reads Tabell 7-1 (Helfo) across the blank line inside it, with units printed in the cells', () => {
    const t71 = ar.keyFigureSeries.filter((s) => s.table === 'Tabell 7-1 Nøkkeltall Helfo');
    expect(t71).toHaveLength(19);
    // Group rows without values ("Om servicetjenester⇥⇥") are not series.
    expect(t71.some((s) => s.label.startsWith('Om '))).toBe(false);
    expect(valuesOf('Antall forpliktete årsverk')).toEqual([
      [2023, 426],
      [2022, 431],
    ]);
    expect(series('Antall besøk på Helfos sider på helsenorge.no')).toMatchObject({
      lines: [2978, 2978],
      values: [
        { year: 2023, value: 11_106_226 },
        { year: 2022, value: 9_382_785 },
      ],
    });
    expect(series('Antall egenandeler registrert')).toMatchObject({ unit: 'millioner' });
    expect(valuesOf('Antall egenandeler registrert').map((v) => v[1])).toEqual([95, 94]);
    expect(series('Andel fastlegebytter på nett').unit).toBe('%');
    expect(valuesOf('Andel fastlegebytter på nett').map((v) => v[1])).toEqual([94.6, 94.8]);
    expect(series('Refusjonsutgifter totalt').unit).toBe('mrd. kr');
    expect(valuesOf('Refusjonsutgifter totalt').map((v) => v[1])).toEqual([45.5, 42.3]);
    // Footnote marker "²" is not part of the label.
    expect(valuesOf('Antall krav mottatt – utland (§§ 5-24 og 5-24a)').map((v) => v[1])).toEqual([
      20_641, 22_728,
    ]);
    expect(
      valuesOf('Antall søknader mottatt om rettighetsblanketter (utlandsområdet)').map((v) => v[1]),
    ).toEqual([63_281, 53_769]);
  });

  it('does not read other year tables (artskonto, balances) as key figures', () => {
    expect(new Set(ar.keyFigureSeries.map((s) => s.table))).toEqual(
      new Set(['Tabell 2-4 Nøkkeltall årsverk og utgifter', 'Tabell 7-1 Nøkkeltall Helfo']),
    );
  });
});

// [line, chapter, post, amounts]: Tabell 6-1 as printed, in whole kroner. The first part has the columns
// Samlet tildeling, Regnskap 2023, Merutgift (-) og mindreutgift, Postert på avgitte belastningsfullmakter,
// Avvik fra tildeling; the part "Oppgjørvirksomhet" has Samlet tildeling, Regnskap 2023, Merinntekt og
// mindreinntekt(-).
const ROWS: [number, string, string, (number | null)[]][] = [
  [2378, '702', '21', [18_300_000, 14_585_605, 3_714_395, null, null]],
  [2379, '702', '22', [210_000_000, 151_364_779, 58_635_221, null, null]],
  [2380, '702', '70', [4_450_000, 4_457_000, -7_000, null, null]],
  [2381, '709', '01', [87_196_000, 84_965_868, 2_230_132, null, null]],
  [2382, '714', '21', [87_690_000, 86_728_243, 961_757, null, null]],
  [2383, '714', '22', [13_181_000, 12_901_787, 279_213, null, null]],
  [2384, '714', '60', [84_353_000, 84_353_000, 0, null, null]],
  [2385, '714', '70', [190_383_000, 186_899_073, 3_483_927, null, null]],
  [2386, '714', '74', [22_110_000, 20_115_677, 1_994_323, null, null]],
  [2387, '714', '79', [73_700_000, 74_277_950, -577_950, null, null]],
  [2388, '717', '70', [9_000_000, 9_000_000, 0, null, null]],
  [2389, '732', '70', [19_200_000, 19_200_000, 0, null, null]],
  [2390, '732', '77', [3_969_989_000, 3_983_384_513, -13_395_513, null, null]],
  [2391, '733', '21', [3_713_000, 5_987_417, -2_274_417, null, null]],
  [2392, '733', '79', [3_591_000, 1_328_000, 2_263_000, null, null]],
  [2393, '734', '01', [95_321_000, 2_429_389, 92_891_611, null, null]],
  [2394, '734', '21', [14_697_000, 11_998_036, 2_698_964, null, null]],
  [2395, '734', '70', [3_195_000, 0, 3_195_000, null, null]],
  [2398, '734', '72', [14_125_000, 14_125_000, 0, null, null]],
  [2399, '737', '70', [71_958_000, 84_624_339, -12_666_339, null, null]],
  [2400, '740', '01', [1_371_030_000, 1_333_983_405, 37_046_595, null, null]],
  [2401, '740', '21', [45_906_000, 155_901_120, -109_995_120, null, null]],
  [2402, '761', '21', [184_020_000, 108_004_030, 76_015_970, null, null]],
  [2403, '761', '60', [9_993_000, 9_993_000, 0, null, null]],
  [2404, '761', '61', [921_747_000, 921_747_200, -200, null, null]],
  [2405, '761', '65', [60_254_000, 60_254_000, 0, null, null]],
  [2406, '761', '67', [90_899_000, 77_307_844, 13_591_156, null, null]],
  [2407, '761', '68', [407_499_000, 61_958_000, 345_541_000, null, null]],
  [2408, '761', '71', [31_892_000, 31_711_423, 180_577, null, null]],
  [2409, '761', '72', [92_509_000, 92_509_000, 0, null, null]],
  [2410, '761', '73', [47_803_000, 47_743_718, 59_282, null, null]],
  [2411, '761', '75', [15_361_000, 14_940_032, 420_968, null, null]],
  [2412, '761', '79', [155_349_000, 180_802_867, -25_453_867, null, null]],
  [2413, '762', '21', [218_702_000, 181_108_458, 37_593_542, null, null]],
  [2414, '762', '60', [474_807_000, 472_532_327, 2_274_673, null, null]],
  [2415, '762', '61', [203_227_000, 203_047_977, 179_023, null, null]],
  [2416, '762', '63', [682_525_000, 646_578_453, 35_946_547, null, null]],
  [2417, '762', '70', [81_761_000, 95_874_300, -14_113_300, null, null]],
  [2420, '762', '73', [63_614_000, 63_611_856, 2_144, null, null]],
  [2421, '762', '74', [20_907_000, 20_907_000, 0, null, null]],
  [2422, '765', '21', [221_204_000, 159_624_767, 61_579_233, null, null]],
  [2423, '765', '60', [329_602_000, 10_536_910, 319_065_090, null, null]],
  [2424, '765', '62', [454_126_000, 0, 454_126_000, null, null]],
  [2425, '765', '71', [170_252_000, 157_949_671, 12_302_329, null, null]],
  [2426, '765', '72', [565_098_000, 564_014_416, 1_083_584, null, null]],
  [2427, '765', '73', [155_168_000, 123_777_910, 31_390_090, null, null]],
  [2428, '765', '74', [342_636_000, 341_158_797, 1_477_203, null, null]],
  [2429, '765', '75', [282_712_000, 274_616_368, 8_095_632, null, null]],
  [2430, '770', '21', [10_000_000, 8_850_970, 1_149_030, null, null]],
  [2431, '770', '70', [399_976_000, 390_633_810, 9_342_190, null, null]],
  [2432, '781', '21', [20_531_000, 20_194_523, 336_477, null, null]],
  [2433, '781', '79', [58_385_000, 54_313_000, 4_072_000, null, null]],
  [2434, '783', '21', [33_118_000, 19_005_963, 14_112_037, null, null]],
  [2435, '783', '61', [223_642_000, 223_667_231, -25_231, null, null]],
  [2436, '783', '79', [30_715_000, 18_345_818, 12_369_182, null, null]],
  [2437, '2711', '70', [2_760_000_000, 2_730_292_555, 29_707_445, null, null]],
  [2438, '2711', '71', [436_000_000, 433_434_562, 2_565_438, null, null]],
  [2439, '2711', '72', [2_670_000_000, 2_659_973_255, 10_026_745, null, null]],
  [2440, '2711', '76', [1_185_000_000, 1_211_497_845, -26_497_845, null, null]],
  [2441, '2751', '70', [12_900_000_000, 13_183_963_992, -283_963_992, null, null]],
  [2444, '2751', '71', [16_000_000, 14_595_434, 1_404_566, null, null]],
  [2445, '2751', '72', [2_240_000_000, 2_243_733_047, -3_733_047, null, null]],
  [2446, '2752', '72', [8_150_000_000, 8_184_981_760, -34_981_760, null, null]],
  [2447, '2755', '62', [560_000_000, 561_921_364, -1_921_364, null, null]],
  [2448, '2755', '70', [6_911_500_000, 6_885_372_679, 26_127_321, null, null]],
  [2449, '2755', '71', [1_573_500_000, 1_581_390_302, -7_890_302, null, null]],
  [2450, '2755', '72', [87_000_000, 87_181_949, -181_949, null, null]],
  [2451, '2755', '73', [222_000_000, 221_081_022, 918_978, null, null]],
  [2452, '2755', '75', [299_000_000, 297_736_449, 1_263_551, null, null]],
  [2453, '2756', '70', [7_000_000, 5_375_124, 1_624_876, null, null]],
  [2454, '2756', '71', [440_000_000, 563_386_759, -123_386_759, null, null]],
  [2455, '2756', '72', [340_000_000, 368_294_629, -28_294_629, null, null]],
  [2456, '2790', '70', [250_000_000, 250_013_338, -13_338, null, null]],
  [2457, '351', '21', [0, 340_000, null, null, null]],
  [2458, '540', '25', [0, 35_559_469, null, null, null]],
  [2459, '571', '21', [0, 95_409, null, null, null]],
  [2460, '575', '60', [0, 11_606_481_000, null, null, null]],
  [2461, '575', '61', [0, 82_800_000, null, null, null]],
  [2464, '605', '22', [0, 114_493, null, null, null]],
  [2465, '660', '70', [0, 0, null, null, null]],
  [2466, '660', '71', [0, 0, null, null, null]],
  [2467, '701', '21', [0, 2_534_942, null, null, null]],
  [2468, '703', '21', [0, 1_050_376, null, null, null]],
  [2469, '704', '21', [0, 1_007_326, null, null, null]],
  [2470, '710', '23', [0, 4_840, null, null, null]],
  [2471, '741', '01', [0, 626_190, null, null, null]],
  [2472, '858', '01', [0, 115_428, null, null, null]],
  [2473, '1320', '01', [0, 5_046_867, null, null, null]],
  [2474, '2651', '72', [0, 395_875_455, null, null, null]],
  [2475, '2661', '77', [0, 23_540_788, null, null, null]],
  [2476, '1633', '01', [0, 173_865_295, null, null, null]],
  [2481, '740', '60', [0, 0, 0]],
  [2482, '740', '61', [0, 2_288_117, -2_288_117]],
  [2483, '740', '70', [0, 508_444, -508_444]],
  [2484, '740', '71', [0, 99_721_485, -99_721_485]],
  [2485, '740', '72', [0, 16_503_205, -16_503_205]],
  [2486, '740', '73', [0, -25_280, 25_280]],
];

describe('Tabell 6-1 bevilgningsrapportering', () => {
  it('has every chapter/post row, in whole kroner, with the printed columns', () => {
    expect(appropriation.map((l) => [l.lines[0], l.chapter, l.post, l.amounts])).toEqual(ROWS);
    const main = appropriation.find((l) => l.chapter === '740' && l.post === '01')!;
    expect(main).toMatchObject({
      name: 'Driftsutgifter',
      columns: [
        'Samlet tildeling',
        'Regnskap 2023',
        'Merutgift (-) og mindreutgift',
        'Postert på avgitte belastnings fullmakter',
        'Avvik fra tildeling',
      ],
      amounts: [1_371_030_000, 1_333_983_405, 37_046_595, null, null],
      comment: 'Helsedirektoratet, note A',
      lines: [2400, 2400],
    });
    const settlement = appropriation.find((l) => l.chapter === '740' && l.post === '71')!;
    expect(settlement).toMatchObject({
      name: 'Oppgjørsordning h-reseptlegemidler',
      columns: ['Samlet tildeling', 'Regnskap 2023', 'Merinntekt og mindreinntekt(-)'],
      amounts: [0, 99_721_485, -99_721_485],
    });
    // Chapters printed with a leading zero ("0702") are written as letters write them ("702").
    expect(appropriation.filter((l) => l.chapter.startsWith('0'))).toEqual([]);
  });

  it('reads chapters of other ministries charged under received authorisations', () => {
    expect(appropriation.find((l) => l.chapter === '575' && l.post === '60')).toMatchObject({
      name: 'Toppfinansieringordning',
      amounts: [0, 11_606_481_000, null, null, null],
    });
    expect(appropriation.find((l) => l.chapter === '2751' && l.post === '70')?.amounts).toEqual([
      12_900_000_000,
      13_183_963_992,
      -283_963_992,
      null,
      null,
    ]);
  });

  it('cross-foots every column against the printed sum rows', () => {
    const t61 = mismatches.filter((w) => (w.line ?? 0) >= 2378 && (w.line ?? 0) <= 2488);
    // "Sum utgiftsført": Samlet tildeling adds up (54 520 122 000); Regnskap 2023 is printed 2 kr short.
    // "Netto rapportert fra aktører utenfor statsregnskapet" (118 995 971) adds up.
    // "Netto rapportert til bevilgningsregnskapet" (65 383 668 652) is not expenses + settlements: the
    // report prints no income part, so 548 543 100 kr are unaccounted for.
    expect(t61.map((w) => w.line)).toEqual([2477, 2488]);
    expect(t61[0]!.message).toContain('«Sum utgiftsført», kolonne «Regnskap 2023»');
    expect(t61[0]!.message).toContain('65 813 215 781 kr');
    expect(t61[0]!.message).toContain('65 813 215 783 kr');
    expect(t61[1]!.message).toContain(
      '«Netto rapportert til bevilgningsregnskapet», kolonne «Regnskap 2023»',
    );
    expect(t61[1]!.message).toContain('65 932 211 752 kr');
    expect(t61[1]!.message).toContain('-548 543 100 kr');
    // The capital accounts and the net should sum to the printed "Sum rapportert⇥⇥0" (line 2499); they sum to
    // 65 383 668 652 + 397 761 550 - 19 549 001 + 553 + 7 905 783 569 - 54 055 489 + 344 + 6 493 660 - 89 216 533.
    const capital = mismatches.filter((w) => w.line === 2499);
    expect(capital).toHaveLength(1);
    expect(capital[0]!.message).toContain('73 530 887 305 kr');
    // Every row's Merutgift/mindreutgift is Samlet tildeling less Regnskap.

    expect(ar.warnings.filter((w) => w.code === 'appropriation_row_mismatch')).toEqual([]);
  });
});

const NOTE_A = 'Note A Forklaring av samlet tildeling utgifter';
const NOTE_B = 'Note B Forklaring til brukte fullmakter';
const noteA = ar.budgetLines.filter((l) => l.table === NOTE_A);
const noteB = ar.budgetLines.filter((l) => l.table === NOTE_B);

describe('notes A and B to the appropriation report', () => {
  it("reads Note A by its six-digit codes, named after the report's rows", () => {
    expect(noteA).toHaveLength(75);
    expect(noteA.find((l) => l.lines[0] === 2517)).toMatchObject({
      chapter: '702',
      post: '22',
      name: 'Beredskapslagring legemidler og smittevernustyr',
      columns: ['Overført fra i fjor', 'Årets tildelinger', 'Samlet tildeling'],
      amounts: [140_400_000, 69_600_000, 210_000_000],
    });
    // Every "Samlet tildeling" in Note A equals the report's own.
    expect(ar.warnings.filter((w) => w.code === 'appropriation_note_mismatch')).toEqual([]);
  });

  it('warns about the rows Note A prints twice and the sum that leaves them out', () => {
    expect(
      ar.warnings.filter((w) => w.code === 'appropriation_duplicate_row').map((w) => [w.line, w.message]),
    ).toEqual([
      [2593, 'Kap. 783 post 79 står flere ganger i «Note A Forklaring av samlet tildeling utgifter».'],
      [2594, 'Kap. 2711 post 70 står flere ganger i «Note A Forklaring av samlet tildeling utgifter».'],
    ]);
    const sum = ar.warnings.filter((w) => w.line === 2595);
    // "Sum totalt⇥221 065 000⇥54 299 057 000⇥54 520122 000": the first column adds up, the second is short
    // by the two repeated rows (30 715 000 + 2 760 000 000), the third is not a readable amount.
    expect(sum.map((w) => w.code)).toEqual(['appropriation_amount_unreadable', 'appropriation_sum_mismatch']);
    expect(sum[1]!.message).toContain('«Årets tildelinger»');
    expect(sum[1]!.message).toContain('-2 790 715 000 kr');
  });

  it('reads Note B across its page break, with flags from «Stikkord» and the joined income codes', () => {
    expect(noteB).toHaveLength(39);
    expect(noteB.find((l) => l.chapter === '740' && l.post === '01')).toMatchObject({
      comment: 'sammen med 3740.02, 3740.04',
      amounts: [37_046_595, -62_704_689, -25_658_094, 143_334_245, 0, 0, 117_676_151, 67_956_500, 7_681_031],
    });
    expect(noteB.find((l) => l.chapter === '702' && l.post === '21')).toMatchObject({
      flags: ['kan_overfores', 'kan_nyttes_under_post'],
      usableUnderPosts: ['70'],
      amounts: [3_714_395, -3_390_458, 323_937, 0, 0, 0, 323_937, 37_300_000, 316_937],
    });
    // "Ikke aktuell" is no amount.
    expect(noteB.find((l) => l.chapter === '733' && l.post === '79')?.amounts.slice(3)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    // The sum row (line 2641) is 1 kr off in two columns, right in the others.
    const sum = mismatches.filter((w) => w.line === 2641);
    expect(sum.map((w) => /kolonne «([^»]+)»/.exec(w.message)?.[1])).toEqual([
      'Utgiftsført av andre iht. avgitte belastningsfullmakter(-)',
      'Sum grunnlag for overføring',
    ]);
  });
});

const artskontoRow = (name: string): BudgetLine => {
  const l = artskonto.find((r) => r.name === name);
  if (!l) throw new Error(`no artskonto row ${name}`);
  return l;
};

describe('Tabell 6-2 artskontorapportering', () => {
  it('has one budget line per account, without chapter and post, per year', () => {
    expect(artskonto.map((l) => l.name)).toEqual([
      'Innbetalinger fra gebyrer',
      'Innbetalinger fra tilskudd og overføringer',
      'Salgs- og leieinnbetalinger',
      'Andre innbetalinger',
      'Utbetalinger til lønn',
      'Andre utbetalinger til drift',
      'Innbetaling av finansinntekter',
      'Utbetaling til investeringer',
      'Utbetaling til kjøp av aksjer',
      'Utbetaling av finansutgifter',
      'Innbetaling av skatter, avgifter, gebyrer m.m.',
      'Utbetalinger av tilskudd og stønader',
      'Gruppelivsforsikring konto 1985 (ref. kap. 5309, inntekt)',
      'Arbeidsgiveravgift konto 1986 (ref. kap. 5700, inntekt)',
      'Nettoføringsordning for merverdiavgift konto 1987 (ref. kap. 1633, utgift)',
      'Oppgjørsvirksomhet',
      'Fordringer på ansatte',
      'Ande fordringer',
      'Bankkontoer med statlige midler utenfor Norges Bank',
      'Skyldig skattetrekk og andre trekk',
      'Skyldige offentlige avgifter',
      'Avsatt pensjonspremie til Statens pensjonskasse',
      'Mottatte forskuddsbetalinger',
      'Lønn (negativ netto, for mye utbetalt lønn m.m)',
      'Annen Kortsiktig gjeld',
      'Differanser på bank og uidentifiserte innbetalinger',
    ]);
    expect(artskonto.every((l) => l.chapter === '' && l.post === '')).toBe(true);
    expect(artskontoRow('Utbetalinger til lønn')).toMatchObject({
      columns: ['2023', '2022'],
      amounts: [1_088_918_442, 1_033_807_351],
      comment: 'note 2',
      lines: [2754, 2754],
    });
    expect(artskontoRow('Andre utbetalinger til drift').amounts).toEqual([1_143_606_334, 1_430_613_464]);
    expect(artskontoRow('Innbetalinger fra gebyrer').amounts).toEqual([48_052_301, 50_673_308]);
    expect(artskontoRow('Andre innbetalinger').amounts).toEqual([2_134_511, 126_600]);
    expect(artskontoRow('Innbetaling av finansinntekter').amounts).toEqual([4_485, 12_568]);
    expect(artskontoRow('Utbetaling til kjøp av aksjer')).toMatchObject({
      amounts: [0, 0],
      comment: 'note 5,8B',
    });
    expect(artskontoRow('Oppgjørsvirksomhet').amounts).toEqual([118_995_971, 36_544_856]);
    // Printed without amounts.
    expect(artskontoRow('Utbetalinger av tilskudd og stønader').amounts).toEqual([null, null]);
    expect(artskontoRow('Arbeidsgiveravgift konto 1986 (ref. kap. 5700, inntekt)').amounts).toEqual([
      null,
      null,
    ]);
    expect(artskontoRow('Annen Kortsiktig gjeld').amounts).toEqual([-436_493_710, -918_526]);
  });

  it('cross-foots the sums and nets and warns where the printed figures do not add up', () => {
    const t62 = mismatches.filter((w) => (w.line ?? 0) >= 2746 && (w.line ?? 0) <= 2792);
    const at = (line: number) =>
      t62.filter((w) => w.line === line).map((w) => /kolonne «(\d{4})»/.exec(w.message)?.[1]);
    // Sum innbetalinger fra drift (209 177 726 / 225 067 300) adds up: no warning.
    expect(at(2752)).toEqual([]);
    // 1 088 918 442 + 1 143 606 334 = 2 232 524 776, printed 2 232 524 775.
    expect(at(2756)).toEqual(['2023']);
    // 2022: 2 464 420 815 - 225 067 300 = 2 239 353 515, printed 2 239 353 514.
    expect(at(2757)).toEqual(['2022']);
    // Investments: sums and net add up.
    expect(at(2765)).toEqual([]);
    expect(at(2766)).toEqual([]);
    // The grants row is printed empty, its sum 63 402 232 578.
    expect(at(2772)).toEqual(['2023', '2022']);
    // Only the VAT account has an amount (2 056 603), the net is printed 136 674 422.
    expect(at(2777)).toEqual(['2023', '2022']);
    expect(at(2779)).toEqual(['2023', '2022']);
    expect(t62.find((w) => w.line === 2779)!.message).toContain('65 485 208 804 kr');
    // The balance lines sum to -189 721 158 (2023) and -106 998 286 (2022), printed -106 998 285 and -49 602 119.
    expect(at(2792)).toEqual(['2023', '2022']);
    expect(t62.find((w) => w.line === 2792)!.message).toContain('-189 721 158 kr');
    expect(t62).toHaveLength(10);
  });

  it('reads a group heading that repeats the sum above it as a heading, with a warning', () => {
    expect(artskonto.some((l) => l.name === 'Inntekter og utgifter rapportert på felleskapitler')).toBe(
      false,
    );
    expect(ar.warnings.filter((w) => w.code === 'artskonto_repeated_sum').map((w) => w.line)).toEqual([2773]);
  });
});

describe('letters have no accounts tables', () => {
  it.each(['tb2024', 'tb2022', 'tb2025', 'tb2014'] as const)(
    '%s: no key figures, no appropriation or artskonto rows',
    (key) => {
      const r = seed(key);
      expect(r.keyFigureSeries).toEqual([]);
      expect(
        r.budgetLines.filter(
          (l) => l.chapter === '' || /bevilgningsrapportering|artskonto/i.test(l.table ?? ''),
        ),
      ).toEqual([]);
      expect(
        r.warnings.filter((w) => w.code.startsWith('appropriation_') || w.code.startsWith('artskonto_')),
      ).toEqual([]);
      // The accounts reader alone finds no table in a letter.
      const warnings: string[] = [];
      const ctx: ExtractContext = {
        lines: toLines(splitRawLines(seedText(key))),
        year: r.document.year,
        document: r.document,
        sections: r.sections,
        warn: (code) => warnings.push(code),
      };
      expect(readAppropriationReport(ctx)).toEqual([]);
      expect(warnings).toEqual([]);
    },
  );
});

describe('another agency, another year, the same layouts', () => {
  const T = (...cells: string[]) => cells.join('\t');
  const report = [
    'Årsrapport 2024 for Eksempeldirektoratet',
    '',
    'Nøkkeltall fra årsregnskapet',
    '',
    T('Nøkkeltall', '2024', '2023', '2022'),
    T('Antall årsverk', '312,5', '298', '−'),
    T('Driftsresultat (mill. kroner)', '−4,2', '1,5', '0,8'),
    T('Andel saker behandlet innen frist', '91 %', '88 %', '86 %'),
    '',
    'Tabell 6-1 Bevilgningsrapportering 31.12.2024',
    '',
    T(
      'Utgiftskapittel',
      'Kapittelnavn',
      'Post',
      'Posttekst',
      'Note',
      'Samlet tildeling',
      'Regnskap 2024',
      'Merutgift (-) og mindreutgift',
    ),
    T('0900', 'Næringsdepartementet', '01', 'Driftsutgifter', 'A', '100 000 000', '98 000 000', '2 000 000'),
    T(
      '0900',
      'Næringsdepartementet',
      '21',
      'Spesielle driftsutgifter',
      'A',
      '20 000 000',
      '21 500 000',
      '-1 500 000',
    ),
    T('Sum kap. 0900', '', '', '', '', '120 000 000', '119 500 000', '500 000'),
    T('0902', 'Justervesenet', '01', 'Driftsutgifter', 'A', '50 000 000', '49 000 000', '1 000 000'),
    T('Sum utgiftsført', '', '', '', '', '170 000 000', '168 500 000', ''),
    '',
    T(
      'Inntektskapittel',
      'Kapittelnavn',
      'Post',
      'Posttekst',
      'Note',
      'Samlet tildeling',
      'Regnskap 2024',
      'Merinntekt og mindreinntekt(-)',
    ),
    T('3900', 'Næringsdepartementet', '01', 'Ymse inntekter', 'A', '1 000 000', '1 200 000', '200 000'),
    T('5309', 'Tilfeldige inntekter', '29', 'Ymse', '', '0', '300 000', '300 000'),
    T('5700', 'Folketrygdens inntekter', '72', 'Arbeidsgiveravgift', '', '0', '9 000 000', '9 000 000'),
    T('Sum inntektsført', '', '', '', '', '1 000 000', '10 500 000', ''),
    '',
    T('Netto rapportert til bevilgningsregnskapet', '', '', '', '', '', '158 000 000', ''),
    '',
    'Tabell 6-2 Artskontorapportering 31.12.2024',
    '',
    T('', 'Note', '2024', '2023'),
    T('Driftsinntekter rapportert til bevilgningsregnskapet', '', '', ''),
    T('Innbetalinger fra gebyrer', '1', '1 200 000', '1 100 000'),
    T('Sum innbetalinger fra drift', '', '1 200 000', '1 100 000'),
    T('Driftsutgifter rapportert til bevilgningsregnskapet', '', '', ''),
    T('Utbetalinger til lønn', '2', '80 000 000', '75 000 000'),
    T('Andre utbetalinger til drift', '3', '40 000 000', '38 000 000'),
    T('Sum utbetalinger til drift', '', '120 000 000', '113 000 000'),
    T('Netto rapporterte driftsutgifter', '', '118 800 000', '111 900 000'),
    T('Inntekter og utgifter rapportert på felleskapitler', '', '', ''),
    T('Arbeidsgiveravgift konto 1986 (ref. kap. 5700, inntekt)', '', '9 000 000', '8 500 000'),
    T(
      'Nettoføringsordning for merverdiavgift konto 1987 (ref. kap. 1633, utgift)',
      '',
      '2 000 000',
      '1 900 000',
    ),
    T('Netto rapporterte utgifter på felleskapitler', '', '-7 000 000', '-6 600 000'),
    T('Netto rapportert til bevilgningsregnskapet', '', '111 800 000', '105 300 000'),
    '',
    'Framtidsutsikter',
  ].join('\n');
  const r = extractText(report);

  it('reads a key-figure table with decimal commas, U+2212 minus and a dash for no value', () => {
    expect(r.keyFigureSeries.map((s) => [s.label, s.unit, s.values.map((v) => v.value)])).toEqual([
      ['Antall årsverk', null, [312.5, 298, null]],
      ['Driftsresultat (mill. kroner)', 'mill. kroner', [-4.2, 1.5, 0.8]],
      ['Andel saker behandlet innen frist', '%', [91, 88, 86]],
    ]);
    expect(r.keyFigureSeries[0]!.table).toBe('Nøkkeltall fra årsregnskapet');
  });

  it('reads expense and income chapters (3xxx, 5xxx) and nets income against expenses', () => {
    const rows = r.budgetLines.filter((l) => l.table === 'Tabell 6-1 Bevilgningsrapportering 31.12.2024');
    expect(rows.map((l) => `${l.chapter}.${l.post}`)).toEqual([
      '900.01',
      '900.21',
      '902.01',
      '3900.01',
      '5309.29',
      '5700.72',
    ]);
    expect(rows[3]).toMatchObject({
      columns: ['Samlet tildeling', 'Regnskap 2024', 'Merinntekt og mindreinntekt(-)'],
      amounts: [1_000_000, 1_200_000, 200_000],
    });
    // 168 500 000 - 10 500 000 = 158 000 000; every sum, chapter sum and row adds up.
    expect(
      r.warnings.filter((w) => w.code.startsWith('appropriation_') || w.code.startsWith('artskonto_')),
    ).toEqual([]);
  });

  it('cross-foots an artskonto report that adds up without warnings, and warns on a changed figure', () => {
    const accounts = r.budgetLines.filter((l) => l.chapter === '' && l.post === '');
    expect(accounts.map((l) => l.name)).toEqual([
      'Innbetalinger fra gebyrer',
      'Utbetalinger til lønn',
      'Andre utbetalinger til drift',
      'Arbeidsgiveravgift konto 1986 (ref. kap. 5700, inntekt)',
      'Nettoføringsordning for merverdiavgift konto 1987 (ref. kap. 1633, utgift)',
    ]);
    const wrong = extractText(
      report.replace(
        T('Utbetalinger til lønn', '2', '80 000 000'),
        T('Utbetalinger til lønn', '2', '80 000 001'),
      ),
    );
    expect(wrong.warnings.filter((w) => w.code === 'appropriation_sum_mismatch').map((w) => w.line)).toEqual([
      36,
    ]);
    const wrongIncome = extractText(
      report.replace(
        T('5309', 'Tilfeldige inntekter', '29', 'Ymse', '', '0', '300 000'),
        T('5309', 'Tilfeldige inntekter', '29', 'Ymse', '', '0', '400 000'),
      ),
    );
    expect(
      wrongIncome.warnings.filter((w) => w.code.startsWith('appropriation_')).map((w) => [w.code, w.line]),
    ).toEqual([
      ['appropriation_row_mismatch', 21],
      ['appropriation_sum_mismatch', 23],
    ]);
  });
});
