/** Search snippets: the server's `**` hit marks become parts the screen renders as <mark>, never HTML. */
import { describe, expect, it } from 'vitest';
import { snippetParts } from '../../web/src/screens/sok/highlight.js';

describe('snippetParts', () => {
  it('splits marked hits from the text around them', () => {
    expect(snippetParts('Arbeid med **tobakk** og **tobakksstrategi**.')).toEqual([
      { text: 'Arbeid med ', hit: false },
      { text: 'tobakk', hit: true },
      { text: ' og ', hit: false },
      { text: 'tobakksstrategi', hit: true },
      { text: '.', hit: false },
    ]);
  });

  it('keeps markup in the text as text', () => {
    expect(snippetParts('<b>x</b> **<img src=x onerror=alert(1)>**')).toEqual([
      { text: '<b>x</b> ', hit: false },
      { text: '<img src=x onerror=alert(1)>', hit: true },
    ]);
  });

  it('shows an unpaired marker as text', () => {
    expect(snippetParts('a **b** c ** d')).toEqual([
      { text: 'a ', hit: false },
      { text: 'b', hit: true },
      { text: ' c ** d', hit: false },
    ]);
    expect(snippetParts('')).toEqual([]);
  });
});
