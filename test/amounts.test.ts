import { describe, expect, it } from 'vitest';
import {
  formatKroner,
  greedyNumbers,
  moneyPhrases,
  parseGrouped,
  splitRun,
} from '../src/core/extract/budget/amounts.js';
import { flagsFromName } from '../src/core/extract/budget/flags.js';
import { splitRest } from '../src/core/extract/budget/text-rows.js';
import { unitIn } from '../src/core/extract/budget/units.js';

describe('grouped numbers', () => {
  it('parses space-grouped and ungrouped numbers', () => {
    expect(parseGrouped('1 538 891')).toBe(1_538_891);
    expect(parseGrouped('15786')).toBe(15_786);
    expect(parseGrouped('-4 000')).toBe(-4000);
    expect(parseGrouped('12 34')).toBeNull();
    expect(parseGrouped('')).toBeNull();
  });

  it('lists every split of a run into a given number of amounts', () => {
    // "045" cannot open an amount, so two readings remain.
    expect(splitRun('127 045 213 192'.split(' '), 2)).toEqual([
      [127_045, 213_192],
      [127_045_213, 192],
    ]);
    expect(splitRun('985 176 1 040 644'.split(' '), 2)).toEqual([[985_176, 1_040_644]]);
    expect(splitRun('21 050 21 100'.split(' '), 2)).toEqual([[21_050, 21_100]]);
    expect(splitRun('107 596 0'.split(' '), 2)).toEqual([[107_596, 0]]);
    expect(splitRun('15 104 900'.split(' '), 1)).toEqual([[15_104_900]]);
    expect(splitRun('1 2 3'.split(' '), 2)).toEqual([]);
  });

  it('keeps a split point where the source printed a column gap', () => {
    expect(splitRun('165 147 182 294'.split(' '), 2)).toHaveLength(3);
    expect(splitRun('165 147 182 294'.split(' '), 2, [2])).toEqual([[165_147, 182_294]]);
    expect(splitRun('2 150 300 120'.split(' '), 2, [3])).toEqual([[2_150_300, 120]]);
    // A gap that no reading honours leaves no reading.
    expect(splitRun('21 050 21 100'.split(' '), 2, [1])).toEqual([]);
  });

  it('reads a run greedily', () => {
    expect(greedyNumbers('119 171 20'.split(' ')).map((n) => n.value)).toEqual([119_171, 20]);
  });

  it('formats kroner the Norwegian way', () => {
    expect(formatKroner(15_104_900_000)).toBe('15 104 900 000 kr');
    expect(formatKroner(-1_247_000)).toBe('-1 247 000 kr');
  });
});

describe('money phrases', () => {
  it('reads mill. with decimal comma, mrd. and whole kroner', () => {
    const p = moneyPhrases(
      '26,52 mill. kr til kommunikasjon, 8mill. kr til prøvesvar, 1 mrd. kroner og 100 000 kroner',
    );
    expect(p.map((x) => x.kroner)).toEqual([26_520_000, 8_000_000, 1_000_000_000, 100_000]);
    expect(p[0]?.tolerance).toBe(5_000);
    expect(p[1]?.tolerance).toBe(0);
    expect(moneyPhrases('på inntil 4,7 mill kr. til DSB')[0]?.kroner).toBe(4_700_000);
    expect(moneyPhrases('2,842 mill. kroner')[0]?.kroner).toBe(2_842_000);
  });
});

describe('units', () => {
  it('recognises the captions letters use', () => {
    expect(unitIn('Alle tall i hele tusen')?.factor).toBe(1000);
    expect(unitIn('(alle tall i 1 000 kroner)')?.factor).toBe(1000);
    expect(unitIn('(i 1000 kr)')?.factor).toBe(1000);
    expect(unitIn('Beløp i 1000 kroner.')?.factor).toBe(1000);
    expect(unitIn('(mill. kr)')?.factor).toBe(1_000_000);
    expect(unitIn('Alle tall i mill. kroner')?.factor).toBe(1_000_000);
    expect(unitIn('Beløp i hele kroner')?.factor).toBe(1);
    expect(unitIn('Tildelinger 2022')).toBeNull();
  });
});

describe('post names', () => {
  it('keeps digits after "post" in the name', () => {
    expect(splitRest('Spesielle driftsutgifter, kan nyttes under post 71 309 000')).toMatchObject({
      name: 'Spesielle driftsutgifter, kan nyttes under post 71',
      run: ['309', '000'],
    });
    expect(splitRest('Tilskudd (kan nyttes under post 70 og 71) 1 000')).toMatchObject({ run: ['1', '000'] });
    expect(splitRest('Andre tilskudd, kan nyttes under postene 70, 74 og 79 21 050 21 100')).toMatchObject({
      name: 'Andre tilskudd, kan nyttes under postene 70, 74 og 79',
      run: ['21', '050', '21', '100'],
    });
  });

  it('leaves a comment amount to the comment', () => {
    expect(splitRest('Kommunale tiltak 119 171 20 mill. kroner til tilskuddsordningen')).toMatchObject({
      name: 'Kommunale tiltak',
      run: ['119', '171'],
      comment: '20 mill. kroner til tilskuddsordningen',
    });
  });

  it('reads flags, also Nynorsk and in parentheses', () => {
    expect(flagsFromName('Spesielle driftsutgifter (kan overføres, kan nyttes under post 70 og 71)')).toEqual(
      {
        flags: ['kan_overfores', 'kan_nyttes_under_post'],
        usableUnderPosts: ['70', '71'],
      },
    );
    expect(flagsFromName('Toppfinansieringsordning, overslagsløyving').flags).toEqual([
      'overslagsbevilgning',
    ]);
    expect(flagsFromName('Driftsutgifter')).toEqual({ flags: [], usableUnderPosts: [] });
  });
});
