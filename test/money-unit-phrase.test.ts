/** "i 1 000 kroner" states a table's unit; read as an amount it replaced a fullmakt's real amount. */
import { describe, expect, it } from 'vitest';
import { moneyPhrases } from '../src/core/extract/budget/amounts.js';
import { budgetOfText } from './budget-helpers.js';
import { extractText } from './helpers/seeds.js';

describe('a unit phrase is not an amount', () => {
  it('skips "(beløp i 1 000 kroner)" and "i 1000 kr" but keeps real amounts of 1 000 kroner', () => {
    expect(moneyPhrases('(beløp i 1 000 kroner)')).toEqual([]);
    expect(moneyPhrases('Alle tall i 1000 kr')).toEqual([]);
    expect(moneyPhrases('gebyret er 1 000 kroner').map((p) => p.kroner)).toEqual([1000]);
  });

  it('gives an authorisation the amount it grants', () => {
    const r = extractText(
      'Tildelingsbrev til Kystdirektoratet for 2025\n\n4 Fullmakter\n\n' +
        'Bestillingsfullmakt (beløp i 1 000 kroner): Kystdirektoratet gis fullmakt til å bestille utstyr for ' +
        'inntil 15 000 000 kroner under kap. 1360 post 45.\n',
    );
    expect(r.authorisations.map((a) => [a.kind, a.chapter, a.post, a.amount])).toEqual([
      ['bestillingsfullmakt', '1360', '45', 15_000_000],
    ]);
  });
});

describe('a number with more digit groups than an amount has', () => {
  const n = '12 345 678 901 234 567';
  it('is no money phrase, and is reported whole instead of read from its last five groups', () => {
    const unreadable: string[] = [];
    expect(moneyPhrases(`inntil ${n} kr til A`, unreadable)).toEqual([]);
    expect(unreadable).toEqual([`${n} kr`]);
    // Five groups are still one amount; a year before an amount is no group of it.
    expect(moneyPhrases('inntil 345 678 901 234 567 kr').map((p) => p.kroner)).toEqual([345_678_901_234_567]);
    expect(moneyPhrases('for 2025 100 mill. kr').map((p) => p.kroner)).toEqual([100_000_000]);
  });

  it('leaves an authorisation without an amount and warns', () => {
    const r = extractText(
      'Tildelingsbrev til Kystdirektoratet for 2025\n\n4 Fullmakter\n\n' +
        `Bestillingsfullmakt: Kystdirektoratet gis fullmakt til å bestille utstyr for inntil ${n} kroner under kap. 1360 post 45.\n`,
    );
    expect(r.authorisations.map((a) => [a.chapter, a.post, a.amount])).toEqual([['1360', '45', null]]);
    const w = r.warnings.filter((x) => x.code === 'budget_amount_unreadable');
    expect(w.map((x) => x.line)).toEqual([5]);
    expect(w[0]?.message).toContain(`«${n} kroner»`);
  });

  it('in a budget comment is warned about, not silently left out of the earmarks', () => {
    const r = budgetOfText(
      [
        'Alle tall i hele tusen',
        'Kap.\tPost\tNavn\tTildeling\tKommentar',
        `700\t21\tDrift\t200 000\t${n} kr til A.`,
      ].join('\n'),
    );
    expect(r.budgetLines[0]?.earmarks).toEqual([]);
    expect(r.warnings.map((x) => [x.code, x.line])).toEqual([['budget_amount_unreadable', 3]]);
  });
});
