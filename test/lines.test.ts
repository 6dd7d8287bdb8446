import { describe, expect, it } from 'vitest';
import { splitBlocks, toLines } from '../src/core/text/lines.js';
import { fixLookalikes, normaliseText } from '../src/core/text/normalise.js';

describe('normaliseText', () => {
  it('replaces private-use bullets, U+2212 minus and no-break spaces', () => {
    expect(normaliseText('\uF0B7 punkt')).toBe('• punkt');
    expect(normaliseText('\uF0FC sjekk')).toBe('✓ sjekk');
    expect(normaliseText('\u22125 000')).toBe('-5 000');
    expect(normaliseText('15.\u00A0mars  2025')).toBe('15. mars 2025');
  });
  it('drops control characters but keeps tabs', () => {
    expect(normaliseText('Frist\u0000: 1.\u0007 mai\t2025\u001F')).toBe('Frist: 1. mai\t2025');
  });
  it('fixes Cyrillic look-alikes inside Norwegian words only', () => {
    expect(fixLookalikes('H\u0435lsedirektoratet')).toBe('Helsedirektoratet');
    expect(fixLookalikes('tj\u0435n\u0435st\u0435r')).toBe('tjenester');
    expect(fixLookalikes('Москва')).toBe('Москва');
  });
  it('strips inline HTML and markdown emphasis but keeps tabs', () => {
    expect(normaliseText('<i>Rapport</i> om **viktig** og *lite* arbeid')).toBe(
      'Rapport om viktig og lite arbeid',
    );
    expect(normaliseText('\t22\tGebyr')).toBe('\t22\tGebyr');
  });
});

describe('splitBlocks', () => {
  it('splits paragraphs and list items of an HTML export', () => {
    const parts = splitBlocks(
      '<p>Innledning:</p> <ul style="x"> - Første punkt - Andre punkt <p>Frist: 1. mai.</p>',
    );
    expect(parts.map((p) => p.trim())).toEqual([
      'Innledning:',
      '- Første punkt',
      '- Andre punkt',
      'Frist: 1. mai.',
    ]);
  });
  it('splits ordered items only before a capital letter', () => {
    const parts = splitBlocks(
      '<p>Skal:</p> <ol> 1) Legge til rette for 3 kurs. 2) Utrede saken. a. Innføre prøve.',
    );
    expect(parts.map((p) => p.trim())).toEqual([
      'Skal:',
      '1) Legge til rette for 3 kurs.',
      '2) Utrede saken.',
      'a. Innføre prøve.',
    ]);
  });
});

describe('toLines', () => {
  it('keeps 1-based source line numbers and flags page starts and footers', () => {
    const lines = toLines(['Første linje', ' Ny side her', 'Side 37', '<p>a</p> <p>b</p>']);
    expect(lines.map((l) => [l.no, l.text, l.pageStart, l.footer])).toEqual([
      [1, 'Første linje', false, false],
      [2, 'Ny side her', true, false],
      [3, '', false, true],
      [4, 'a', false, false],
      [4, 'b', false, false],
    ]);
  });
  it('joins words hyphenated across lines and pages but not suspended compounds', () => {
    const lines = toLines([
      'Oppdraget gjelder opp-',
      '',
      ' følging av planen for helse-',
      'og omsorgstjenesten',
    ]);
    expect(lines.map((l) => l.text)).toEqual([
      'Oppdraget gjelder oppfølging',
      '',
      'av planen for helse-',
      'og omsorgstjenesten',
    ]);
  });
});
