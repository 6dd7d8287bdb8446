import { describe, expect, it } from 'vitest';
import { columnBreaks } from '../src/core/extract/budget/column-gaps.js';
import { budgetOfText, row } from './budget-helpers.js';

// Constructed letters in the PDF text layout: what the source's spacing, dashes and the prose under a
// table tell the reader.
const letter = (rows: string[], below: string[] = []) =>
  ['3.1 Tildeling', 'Kap. Post Postnavn Bevilgning 2026 Tildeling 2026', ...rows, ...below].join('\n');

describe('column gaps in the source line', () => {
  it('finds the wide gaps inside the amount run', () => {
    expect(columnBreaks('driftsutgifter  165 147  182 294 ', ['165', '147', '182', '294'])).toEqual([2]);
    expect(columnBreaks('driftsutgifter 37 159  37 692 ', ['37', '159', '37', '692'])).toEqual([2]);
    // No gap, or a run the raw line does not hold: no hint.
    expect(columnBreaks('Kompetansesentra 94 092 94 092', ['94', '092', '94', '092'])).toEqual([]);
    expect(columnBreaks('Tilskudd  1 000', ['2', '000'])).toEqual([]);
  });

  it('lets the gap decide a split that the amounts alone would read otherwise', () => {
    // "2 150 300 120" under two columns reads as 2 150 + 300 120 or 2 150 300 + 120, both far apart, or as
    // one amount; the double space after "300" says the second.
    const r = budgetOfText(
      letter(['750 21 Spesielle driftsutgifter 2 150 300  120'], ['(alle tall i 1 000 kroner)']),
    );
    expect(row(r.budgetLines, '750', '21').amounts).toEqual([2_150_300_000, 120_000]);
    expect(r.warnings.filter((w) => w.code === 'ambiguous_amount')).toEqual([]);
    // Without the gap the same run is taken as one amount, with a warning.
    const plain = budgetOfText(
      letter(['750 21 Spesielle driftsutgifter 2 150 300 120'], ['(alle tall i 1 000 kroner)']),
    );
    expect(row(plain.budgetLines, '750', '21').amounts).toEqual([null, 2_150_300_120_000]);
    expect(plain.warnings.map((w) => [w.code, w.line])).toEqual([['budget_column_uncertain', 3]]);
  });

  it('ignores a gap that no reading into the columns honours', () => {
    // Two gaps, two columns: the gaps do not separate columns here.
    const r = budgetOfText(letter(['750 21 Drift 4  000  4 100'], ['(alle tall i 1 000 kroner)']));
    expect(row(r.budgetLines, '750', '21').amounts).toEqual([4_000_000, 4_100_000]);
  });
});

describe('garbled amounts', () => {
  it('leaves an amount beyond the safe integer range empty, with a warning', () => {
    const r = budgetOfText(letter(['750 21 Drift 4 000 99999999999999'], ['(i 1000 kr)']));
    expect(row(r.budgetLines, '750', '21').amounts).toEqual([4_000_000, null]);
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([['budget_amount_unreadable', 3]]);
  });
});

describe('nil cells', () => {
  it('reads a dash as no amount, not zero', () => {
    const r = budgetOfText(
      letter(['750 21 Spesielle driftsutgifter 4 000 4 100', '750 22 Beredskapslagring -'], ['(i 1000 kr)']),
    );
    expect(row(r.budgetLines, '750', '22').amounts).toEqual([null, null]);
  });
});

describe('comments from prose below the table', () => {
  const r = budgetOfText(
    letter(
      ['750 21 Spesielle driftsutgifter 4 000 4 100', '750 70 Tilskudd 40 000 40 000'],
      [
        '(alle tall i 1 000 kroner)',
        'Kap. 750, post 70 Tilskudd',
        'Helsedirektoratet tildeles 40 mill. kroner, herav 10 mill. kroner til forsøk.',
        'Kap. 750, post 21 Spesielle driftsutgifter',
        'Det settes av 4,1 mill. kroner til utredninger.',
      ],
    ),
  );

  it('takes the prose into the row lines when it follows the row directly', () => {
    expect(row(r.budgetLines, '750', '70')).toMatchObject({
      comment: 'Helsedirektoratet tildeles 40 mill. kroner, herav 10 mill. kroner til forsøk.',
      lines: [4, 7],
    });
  });

  it('keeps the row lines when other rows stand between', () => {
    expect(row(r.budgetLines, '750', '21')).toMatchObject({
      comment: 'Det settes av 4,1 mill. kroner til utredninger.',
      earmarks: [{ amount: 4_100_000, text: '4,1 mill. kroner til utredninger.' }],
      lines: [3, 3],
    });
  });
});
