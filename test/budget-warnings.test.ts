import { describe, expect, it } from 'vitest';
import { budgetOfText, sum } from './budget-helpers.js';

const codes = (text: string) => budgetOfText(text).warnings.map((w) => [w.code, w.line]);

describe('budget warnings on constructed tables', () => {
  it('earmarks_sum_mismatch: the listed earmarks miss the row by 0,5 mill.', () => {
    const r = budgetOfText(
      [
        '5.1 Tildelinger',
        'Alle tall i hele tusen',
        'Kap.\tPost\tNavn\tTildeling 2030\tKommentar',
        '700\t21\tSpesielle driftsutgifter\t10 000\t<p>6 mill. kr til A.</p> <p>3,5 mill. kr til B, herunder 1 mill. kr til C.</p>',
      ].join('\n'),
    );
    expect(r.budgetLines[0]?.earmarks.map((e) => e.amount)).toEqual([6_000_000, 3_500_000]);
    expect(r.warnings).toEqual([
      {
        code: 'earmarks_sum_mismatch',
        message: expect.stringContaining('9 500 000 kr, men raden er på 10 000 000 kr'),
        line: 4,
      },
    ]);
  });

  it('earmarks_sum_mismatch also when the comment says "fordeles slik" and the sum is far off', () => {
    expect(
      codes(
        [
          'Alle tall i hele tusen',
          'Kap.\tPost\tNavn\tTildeling\tKommentar',
          '700\t70\tTilskudd\t50 000\tBevilgningen fordeles slik: 10 mill. kr til A og 5 mill. kr til B.',
        ].join('\n'),
      ),
    ).toEqual([['earmarks_sum_mismatch', 3]]);
  });

  it('no warning when earmarks are only a part of a large row', () => {
    const r = budgetOfText(
      [
        'Alle tall i hele tusen',
        'Kap.\tPost\tNavn\tTildeling\tKommentar',
        '700\t21\tDrift\t200 000\t2 mill. kr til A. 1 mill. kr til B.',
      ].join('\n'),
    );
    expect(sum(r.budgetLines[0]?.earmarks ?? [])).toBe(3_000_000);
    expect(r.warnings).toEqual([]);
  });

  it('budget_sum_mismatch: a printed "Sum kap." and "Sum" are cross-footed', () => {
    const r = budgetOfText(
      [
        '(i 1000 kr)',
        'Kap.\tPost\tNavn\tTildeling 2030',
        '700\t01\tDriftsutgifter\t1 000',
        '\t21\tSpesielle driftsutgifter\t500',
        'Sum kap. 700\t\t\t1 600',
        '710\t21\tSpesielle driftsutgifter\t200',
        'Sum\t\t\t1 700',
      ].join('\n'),
    );
    expect(r.budgetLines.map((l) => `${l.chapter}.${l.post}`)).toEqual(['700.01', '700.21', '710.21']);
    expect(r.warnings).toEqual([
      { code: 'budget_sum_mismatch', message: expect.stringContaining('1 600 000 kr'), line: 5 },
    ]);
  });

  it('budget_sum_mismatch in a PDF text table is silent when the sum is right', () => {
    const r = budgetOfText(
      [
        'Alle tall i hele tusen',
        'Kap. Post Postnavn Bevilgning 2030 Tildeling 2030',
        '740 01 Driftsutgifter 1 000 900',
        ' 21 Spesielle driftsutgifter, kan overføres 500 500',
        'Sum kap. 740 1 500 1 400',
      ].join('\n'),
    );
    expect(r.budgetLines.map((l) => l.amounts)).toEqual([
      [1_000_000, 900_000],
      [500_000, 500_000],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('ambiguous_amount lists the alternatives; the closest pair is chosen', () => {
    const r = budgetOfText(
      [
        'Alle tall i hele tusen',
        'Kap. Post Postnavn 2029 2030',
        '783 21 Spesielle driftsutgifter 127 045 213 192',
      ].join('\n'),
    );
    expect(r.budgetLines[0]?.amounts).toEqual([127_045_000, 213_192_000]);
    expect(r.warnings).toEqual([
      {
        code: 'ambiguous_amount',
        message: expect.stringContaining('Alternativer: 127 045 213 000 kr + 192 000 kr'),
        line: 3,
      },
    ]);
  });

  it('an amount named in the prose after the table resolves the split without a warning', () => {
    const r = budgetOfText(
      [
        'Alle tall i hele tusen',
        'Kap. Post Postnavn 2029 2030',
        '783 21 Spesielle driftsutgifter 127 045 213 192',
        'Kap. 783, post 21',
        'Helsedirektoratet tildeles 213,192 mill. kroner.',
      ].join('\n'),
    );
    expect(r.budgetLines[0]?.amounts).toEqual([127_045_000, 213_192_000]);
    expect(r.warnings).toEqual([]);
  });

  it('budget_unit_unknown: a table without a unit is read as thousands, with a warning', () => {
    const r = budgetOfText(['Kap.\tPost\tNavn\tTildeling', '700\t01\tDrift\t5'].join('\n'));
    expect(r.budgetLines[0]?.amounts).toEqual([5000]);
    expect(r.warnings.map((w) => w.code)).toEqual(['budget_unit_unknown']);
  });

  it('reads a table in million kroner with decimal comma', () => {
    const r = budgetOfText(
      ['Beløp i mill. kroner', 'Kap.\tPost\tNavn\tTildeling', '700\t01\tDrift\t12,5'].join('\n'),
    );
    expect(r.budgetLines[0]?.amounts).toEqual([null]);
    expect(r.warnings.map((w) => w.code)).toEqual(['budget_amount_unreadable']);
  });

  it('budget_chapter_missing: a first row without a chapter is reported, not guessed', () => {
    expect(
      codes(['Alle tall i hele tusen', 'Kap.\tPost\tNavn\tTildeling', '\t21\tDrift\t5'].join('\n')),
    ).toEqual([['budget_chapter_missing', 3]]);
  });

  it('budget_column_uncertain: one amount under two columns', () => {
    const r = budgetOfText(
      [
        'Alle tall i hele tusen',
        'Kap. Post Postnavn Bevilgning 2030 Tildeling 2030',
        '702 21 Beredskap 13 681',
      ].join('\n'),
    );
    expect(r.budgetLines[0]?.amounts).toEqual([null, 13_681_000]);
    expect(r.warnings.map((w) => w.code)).toEqual(['budget_column_uncertain']);
  });

  it('survives garbage without throwing', () => {
    const junk =
      'Kap.\tPost\tTildeling\n\t\t\t\n9999\t99\t\u0000\t- -\nKap Post 2013 2014\n123 45 6 7 8 9 0\nSum\t\t';
    expect(() => budgetOfText(junk)).not.toThrow();
    for (let seed = 1; seed < 30; seed++) {
      let s = '';
      let x = seed;
      for (let k = 0; k < 400; k++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        s += 'Kap.\tPost 0123456789 mill.kr,\n-'[x % 28] ?? ' ';
      }
      expect(() => budgetOfText(s)).not.toThrow();
    }
  });

  it('stays fast on pathological lines (no regex backtracking blow-up)', () => {
    const text = [
      'Alle tall i hele tusen',
      'Kap. Post Postnavn 2029 2030',
      `700 21 ${'000 '.repeat(20000)}x`,
      `701 21 ${'a'.repeat(50000)}X`,
      'Kap.\tPost\tNavn\tTildeling\tKommentar',
      `700\t01\tDrift\t5\t${'1 mill. kr til A, herunder '.repeat(5000)}${'- '.repeat(20000)}x`,
      `${'kap. 700 post 01 '.repeat(50)}overskride mot tilsvarende merinntekter`,
    ].join('\n');
    const t0 = performance.now();
    const r = budgetOfText(text);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.warnings.every((w) => w.message.length < 400)).toBe(true);
  });
});
