/** "i 1 000 kroner" states a table's unit; read as an amount it replaced a fullmakt's real amount. */
import { describe, expect, it } from 'vitest';
import { moneyPhrases } from '../src/core/extract/budget/amounts.js';
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
