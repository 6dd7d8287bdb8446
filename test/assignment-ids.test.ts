/** Assignment IDs, department cells and header layouts on small hand-written inputs. */
import { describe, expect, it } from 'vitest';
import { codesOnlyLine, deptLine, readCodes } from '../src/core/extract/assignments/departments.js';
import { findIds, normaliseId, readIdCell } from '../src/core/extract/assignments/ids.js';
import type { Assignment } from '../src/core/model/extraction.js';
import { extractText, seed, seedText } from './helpers/seeds.js';

describe('assignment IDs', () => {
  it('normalises the irregular spellings letters use', () => {
    expect(normaliseId('TB-2021-29')).toBe('TB2021-29');
    expect(normaliseId('TB 2022-53')).toBe('TB2022-53');
    expect(normaliseId('TB2022 –21')).toBe('TB2022-21');
    expect(normaliseId('ID-TB2021-45')).toBe('TB2021-45');
    expect(normaliseId('TTB2019-45.7')).toBe('TTB2019-45.7');
    expect(normaliseId('RTB2020-17')).toBe('RTB2020-17');
    expect(normaliseId('(TB2020-57/2)')).toBe('TB2020-57/2');
    expect(normaliseId('oppdrag ET13 i TB 2023')).toBeNull();
  });

  it('finds every ID in running text', () => {
    expect(findIds('jf. TB2022-44 og TTB2021-78; se TB2023-35/ TB2021-45').map((x) => x.id)).toEqual([
      'TB2022-44',
      'TTB2021-78',
      'TB2023-35',
      'TB2021-45',
    ]);
  });

  it('reads an ID cell with several IDs, labels and placeholders', () => {
    expect(readIdCell('TB2023-35/ TB2021-45/ TTB2021-21')).toMatchObject({
      ids: ['TB2023-35', 'TB2021-45', 'TTB2021-21'],
      rest: '',
    });
    expect(readIdCell('TB2021-01, TB2021-31')?.ids).toEqual(['TB2021-01', 'TB2021-31']);
    expect(readIdCell('ID: TB2019-7/TTB2019-38 Eieravdeling HOD: FHA')?.ids).toEqual([
      'TB2019-7',
      'TTB2019-38',
    ]);
    expect(readIdCell('ID: ukjent Eieravdeling HOD: FHA Prosjekt')).toMatchObject({
      ids: [],
      placeholder: 'ukjent',
    });
    expect(readIdCell('ID: TB202x- Eieravdeling HOD: KTA')).toMatchObject({
      ids: [],
      placeholder: 'TB202x-',
    });
    expect(readIdCell('ID: TB2019-')).toMatchObject({ ids: [], placeholder: 'TB2019-', open: true });
    expect(readIdCell('Helsedirektoratet skal')).toBeNull();
  });
});

describe('department cells', () => {
  it('accepts any code of 2–5 capitals joined by / , og', () => {
    expect(readCodes('SHA/KTA Title').codes).toEqual(['SHA', 'KTA']);
    expect(readCodes('KTA/SHA/ FHA').codes).toEqual(['KTA', 'SHA', 'FHA']);
    expect(readCodes('SHA og KTA (pkt. 1)').codes).toEqual(['SHA', 'KTA']);
    expect(readCodes('XYZQ, ABC Tittel').codes).toEqual(['XYZQ', 'ABC']);
    // A title that starts with an acronym stays in the title: codes need a separator between them.
    expect(readCodes('SHA NPR - rapportering')).toMatchObject({ codes: ['SHA'], rest: 'NPR - rapportering' });
    expect(readCodes('KTA, ').open).toBe(true);
    expect(codesOnlyLine('og KTA')).toEqual(['KTA']);
    expect(codesOnlyLine('SHA, FHA, DIG')).toEqual(['SHA', 'FHA', 'DIG']);
    expect(codesOnlyLine('Alvorlig sykt barn')).toBeNull();
    expect(deptLine('Ansvarlig avdeling i HOD: SHA/KTA')).toEqual(['SHA', 'KTA']);
    expect(deptLine('Ansvarlig avdeling: KTA.')).toEqual(['KTA']);
  });
});

describe('header layouts on unseen letters', () => {
  it('reads inline headers with codes it has never seen and a wrapped department cell', () => {
    const text = [
      '3.1.3. Oppdrag',
      '',
      'TB2031-1 Avd. HOD: QRX Samordning av tilsyn med vannverk i små',
      '',
      'kommuner',
      '',
      'Direktoratet skal kartlegge tilsynet.',
      '',
      'Frist: 1. mars 2031',
      '',
      'TB2031-2 Avd. HOD:',
      '',
      'QRX/ ZZA',
      '',
      'Ny veileder',
      '',
      'Direktoratet skal lage en veileder.',
      '',
      '3.2. Neste kapittel',
    ].join('\n');
    const a = extractText(text).assignments;
    expect(a.map((x) => [x.id, x.departments, x.title])).toEqual([
      ['TB2031-1', ['QRX'], 'Samordning av tilsyn med vannverk i små kommuner'],
      ['TB2031-2', ['QRX', 'ZZA'], 'Ny veileder'],
    ]);
    expect(a[0]!.lines).toEqual([3, 9]);
    expect(a[1]!.body).toBe('Direktoratet skal lage en veileder.');
  });

  it('reads a supplementary letter whose department follows the body, ignoring the summary list', () => {
    const text = [
      'Tillegg til tildelingsbrev nr. 4',
      '',
      '- TTB2030-11 Regelverk for tilskudd',
      '- TTB2030-12 Kartlegging av kommuner',
      '',
      'TTB2030-11 Regelverk for tilskudd',
      '',
      'Departementet ber om utkast til regelverk. Oppdraget er en presisering av oppdrag TB2030-04.',
      'Frist: 1. juni 2030',
      'Ansvarlig avdeling i HOD: ABC',
      '',
      'Med hilsen',
    ].join('\n');
    const a = extractText(text).assignments;
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({
      id: 'TTB2030-11',
      kind: 'supplement',
      departments: ['ABC'],
      title: 'Regelverk for tilskudd',
      lines: [6, 10],
      references: [{ id: 'TB2030-04', relation: 'clarifies' }],
    });
  });

  it('never throws on ID-like noise', () => {
    const junk = [
      'ID:',
      'TB2024-',
      'ID: TB2019-',
      '',
      'Avd.HOD:',
      'TB2024-01\t\t',
      'Oppdrag TB2024-1 (',
      'TTB',
    ].join('\n');
    expect(() => extractText(junk)).not.toThrow();
  });
});

describe('re-wrapped text', () => {
  /** Re-wrap every blank-line-separated paragraph at `width` (table rows with tabs stay as they are). */
  function reflow(text: string, width: number): string {
    const out: string[] = [];
    let para: string[] = [];
    const flush = () => {
      let line = '';
      for (const w of para.join(' ').split(/ +/).filter(Boolean)) {
        if (line && line.length + 1 + w.length > width) {
          out.push(line);
          line = w;
        } else line = line ? `${line} ${w}` : w;
      }
      if (line) out.push(line);
      para = [];
    };
    for (const l of text.split('\n')) {
      if (l.trim() === '' || l.includes('\t')) {
        flush();
        out.push(l);
      } else para.push(l.trim());
    }
    flush();
    return out.join('\n');
  }
  const summary = (a: readonly Assignment[]) => a.map((x) => `${x.id} ${x.kind} ${x.departments.join('/')}`);

  it('finds the same 2024 and 2025 records at other widths', () => {
    for (const key of ['tb2024', 'tb2025'] as const) {
      const want = summary(seed(key).assignments);
      for (const width of [60, 140]) {
        expect(summary(extractText(reflow(seedText(key), width)).assignments)).toEqual(want);
      }
    }
  });
});
