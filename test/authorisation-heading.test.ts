/** A numbered section heading above a fullmakt is not part of the fullmakt's text. */
import { expect, it } from 'vitest';
import { extractText } from './helpers/seeds.js';

it('leaves the heading "4 Fullmakter" out of the statement below it', () => {
  const r = extractText(
    'Tildelingsbrev til Kystdirektoratet for 2025\n\n4 Fullmakter\n\n' +
      'Kystdirektoratet gis fullmakt til å overskride bevilgningen under kap. 1360 post 01 mot tilsvarende ' +
      'merinntekter under kap. 4360 post 02.\n',
  );
  expect(r.authorisations.map((a) => [a.kind, a.text.slice(0, 30), a.lines])).toEqual([
    ['merinntektsfullmakt', 'Kystdirektoratet gis fullmakt ', [5, 5]],
  ]);
});
