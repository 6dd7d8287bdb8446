/** The statsregnskapet CSV export: Windows-1252, header-driven columns, Norwegian amounts, warnings by line. */
import { describe, expect, it } from 'vitest';
import { parseKroner, readAccountsCsv, splitCsvLine } from '../../src/adapters/readers/accounts-csv.js';

const cp1252 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('statsregnskapet CSV', () => {
  it('reads a Windows-1252 export by its header names and sums per chapter and post', () => {
    const csv = [
      'Regnskapsår;Kapittelnavn;Kapittel;Post;Posttekst;Beløp',
      '2025;Helsedirektoratet;0740;01;Driftsutgifter;"1 234 567"',
      '2025;Helsedirektoratet;0740;01;Driftsutgifter;-4567,40',
      '2025;Helsedirektoratet;740;21;Spesielle driftsutgifter – særskilt;1.000.000,00',
      '2025;Sum kapittel;;;;1 230 000',
      '2025;Helsedirektoratet;0740;7x;Feil post;100',
      '2025;Helsedirektoratet;0741;70;Tilskudd;ikke oppgitt',
      '',
    ].join('\r\n');
    const f = readAccountsCsv(cp1252(csv), 'statsregnskap.csv');
    expect(f.rows).toEqual([
      { chapter: '740', post: '01', kroner: 1_230_000 },
      { chapter: '740', post: '21', kroner: 1_000_000 },
    ]);
    expect(f.read).toBe(3);
    expect(f.warnings.map((w) => w.line)).toEqual([null, 6, 7]);
    expect(f.warnings[0]?.message).toMatch(/Windows-1252/);
    expect(f.warnings[1]?.message).toBe('Linje 6 er hoppet over: ugyldig post «7x».');
    expect(f.warnings[2]?.message).toBe('Linje 7 er hoppet over: ugyldig beløp «ikke oppgitt».');
  });

  it('says which columns the header lacks', () => {
    const f = readAccountsCsv(cp1252('Kapittel;Navn;Sum kroner\n740;Drift;100\n'), 'x.csv');
    expect(f.rows).toEqual([]);
    expect(f.warnings).toEqual([
      {
        line: 1,
        message: 'Overskriftslinjen mangler kolonnen Post, Beløp (fant: Kapittel, Navn, Sum kroner).',
      },
    ]);
  });

  it('reads Norwegian amounts in kroner', () => {
    expect(parseKroner('1 234 567')).toBe(1_234_567);
    expect(parseKroner('-1234567,00')).toBe(-1_234_567);
    expect(parseKroner('1.234.567,50')).toBe(1_234_568);
    expect(parseKroner('(2 000)')).toBe(-2000);
    expect(parseKroner('2 000-')).toBe(-2000);
    expect(parseKroner('1234.5')).toBe(1235);
    expect(parseKroner('12,3,4')).toBeNull();
    expect(parseKroner('')).toBeNull();
  });

  it('splits quoted fields with semicolons and doubled quotes', () => {
    expect(splitCsvLine('a;"b;c";"d ""e""";')).toEqual(['a', 'b;c', 'd "e"', '']);
  });
});
