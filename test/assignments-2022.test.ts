/**
 * Assignments of the 2022 letter and its appended supplementary letters (PDF text): `ID: TB2022-01
 * Eieravdeling HOD: FHA Title`, IDs split over lines, irregular IDs and placeholders, carried-over
 * records with a status, and TTB2022 records whose department follows the body.
 * Every expected value below was read in the document itself.
 */
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../src/core/model/extraction.js';
import { seed } from './helpers/seeds.js';

const r = seed('tb2022');
const byId = (id: string): Assignment => {
  const a = r.assignments.find((x) => x.id === id);
  if (!a) throw new Error(`mangler ${id}`);
  return a;
};
const range = (prefix: string, from: number, to: number, pad = 0) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(pad, '0')}`);
/** Where the main letter ends and the appended supplementary letters begin ("Med hilsen", line 3014). */
const MAIN_END = 3014;

describe('2022 letter with supplements: assignments', () => {
  it('has TB2022-01 … TB2022-62 as new assignments, in order', () => {
    const fresh = r.assignments.filter((a) => a.kind === 'new').map((a) => a.id);
    expect(fresh).toEqual(range('TB2022-', 1, 62, 2));
  });

  it('has 68 carried-over records in the main letter', () => {
    const carried = r.assignments.filter((a) => a.kind === 'carried_over' && a.lines[0] < MAIN_END);
    expect(carried).toHaveLength(68);
    expect(carried[0]!.lines[0]).toBe(493); // "ID: TB2016 Eieravdeling HOD: FHA Handlingsplan mot antibiotikaresistens"
    expect(carried.at(-1)!.id).toBe('TB2020-87');
  });

  it('has the 38 TTB2022 records of the supplementary letters, each once', () => {
    const supp = r.assignments.filter((a) => a.kind === 'supplement').map((a) => a.id);
    const expected = [
      ...range('TTB2022-', 2, 12),
      ...range('TTB2022-', 18, 36),
      ...range('TTB2022-', 50, 57),
    ];
    expect([...supp].sort()).toEqual([...expected].sort());
    expect(supp).toHaveLength(38);
    // The summary list "- TTB2022-50 Regelverk …" at the start of a letter is not a second record.
    expect(byId('TTB2022-50').lines[0]).toBe(4989);
    expect(byId('TTB2022-35').lines[0]).toBe(4506);
  });

  it('reads departments from the header, from wrapped cells and from the trailing line', () => {
    expect(byId('TB2022-01').departments).toEqual(['FHA']);
    expect(byId('TB2022-05').departments).toEqual(['SHA']);
    expect(byId('TB2022-14').departments).toEqual(['KTA', 'SHA', 'FHA']); // "Eieravdeling HOD:" + "KTA/SHA/FHA"
    expect(byId('TB2022-24').departments).toEqual(['KTA', 'SHA']);
    expect(byId('TB2022-37').departments).toEqual(['ADA']);
    expect(byId('TB2021-31').departments).toEqual(['SHA', 'KTA', 'HRA']);
    expect(byId('TB2021-15').departments).toEqual(['EHE', 'KTA']);
    expect(byId('TTB2022-2').departments).toEqual(['KTA']); // "Ansvarlig avdeling: KTA"
    expect(byId('TTB2022-6').departments).toEqual(['SHA']);
    expect(byId('TTB2022-18').departments).toEqual(['FHA']); // "Ansvarlig avdeling HOD: FHA"
    expect(byId('TTB2022-19').departments).toEqual(['SHA']); // "Ansvarlig avdeling i HOD: SHA"
    expect(byId('TTB2022-23').departments).toEqual(['SHA', 'KTA']);
    expect(byId('TTB2022-28').departments).toEqual(['EHE']);
    expect(byId('TTB2022-52').departments).toEqual(['HRA']);
    expect(byId('TTB2022-55').departments).toEqual(['ADA']);
    // "Eieravdeling HOD: Beredskapslagre …": the cell is empty; said so, not guessed.
    expect(byId('TB2022-50').departments).toEqual([]);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'assignment_department_missing', line: 2204 }),
    );
  });

  it('joins titles wrapped over several lines', () => {
    expect(byId('TB2022-04').title).toBe(
      'Fyrtårnprosjektet (2022-2024/26) for registrering, analyse og bruk av skadedata',
    );
    expect(byId('TB2022-17').title).toBe(
      'Oppfølging av handlingsplanen Trygghet, mangfold og åpenhet, Regjeringens handlingsplan mot diskriminering på grunn av seksuell orientering, kjønnsidentitet, kjønnsuttrykk og kjønnskarakteristika 2021–2024',
    );
    expect(byId('TB2022-14').title).toBe('Barn og unge');
    expect(byId('TB2019-05').title).toBe('Nordiske næringsstoffanbefalinger (NNR) 2022');
    expect(byId('TTB2022-8').title).toBe(
      'Tverrsektorielt samarbeid og tiltak når unge gjennomfører ungdomsoppfølging og ungdomsstraff',
    );
    expect(byId('TB2022-01').body).toMatch(
      /^Helsedirektoratet skal innen 1\. desember 2022 gjøre en vurdering/,
    );
  });

  it('normalises irregular IDs and joins IDs split over lines', () => {
    const split = byId('TB2019-7'); // "ID: TB2019-" + "7/TTB2019-38"
    expect(split.otherIds).toEqual(['TTB2019-38']);
    expect(split.title).toBe('Fallulykker i hjemmet');
    expect(split.lines).toEqual([504, 509]);
    expect(byId('TB2019-14').otherIds).toEqual(['TTB2019-6']);
    expect(byId('TB2021-42').otherIds).toEqual(['TTB2021-79']);
    expect(byId('TB2019-78').otherIds).toEqual(['TTB2021-65']); // no "ID:" label at all
    expect(byId('TTB2020-36').departments).toEqual(['KTA']);
    expect(byId('RTB2020-23').departments).toEqual(['HRA']);
    expect(byId('TB2021-45').title).toBe('Handlingsplan for forebygging av selvmord 2020 – 2025'); // "ID-TB2021-45"
    expect(byId('TB2021-29').departments).toEqual(['KTA']); // "ID: TB-2021-29"
    expect(byId('TB2022-15').departments).toEqual(['KTA']); // "ID TB2022-15"
  });

  it('gives placeholders a stable synthetic ID and a warning, never dropping the record', () => {
    const synthetic = r.assignments.filter((a) => a.synthetic);
    expect(synthetic.map((a) => a.title)).toEqual([
      'Handlingsplan mot antibiotikaresistens', // "ID: TB2016"
      'Prosjekt røykeslutt', // "ID: ukjent"
      'Tannutviklingsforstyrrelser (innslagspunkt 7), med omfattende medfødte forstyrrelser/mangler i kjever/tannanlegg.', // "TB202x-"
      'Nattransport', // "ID: RTB2020-"
    ]);
    // Numbered within their section ("2.1.3 Spesielle oppdrag", "2.2.3 Spesielle oppdrag"), so that moving
    // a section never renumbers another's placeholders.
    expect(synthetic.map((a) => [a.id, a.section])).toEqual([
      ['TB2016-X2.1.3-01', '2.1.3'],
      ['TB2022-X2.1.3-02', '2.1.3'],
      ['TB2022-X2.2.3-01', '2.2.3'],
      ['RTB2020-X2.2.3-02', '2.2.3'],
    ]);
    expect(synthetic.every((a) => a.kind === 'carried_over')).toBe(true);
    const w = r.warnings.filter((x) => x.code === 'assignment_id_placeholder').map((x) => x.line);
    expect(w).toEqual([493, 565, 1870, 1942]);
  });

  it('gives carried-over records their status', () => {
    expect(byId('TB2019-7').statusText).toBe('Videreføres med ny frist: 31. mars 2022.');
    expect(byId('TB2019-7').deadlines.map((d) => [d.date, d.line])).toEqual([['2022-03-31', 509]]);
    expect(byId('TB2019-05').statusText).toBe('Videreføres med frist 31.12.2022.');
    expect(byId('TB2020-04').statusText).toBe('Videreføres uten endringer.');
    expect(byId('TB2021-45').statusText).toBe('Videreføres uten endringer.');
    expect(byId('TB2020-50').statusText).toBe('Ny frist 1. mars 2022.');
    expect(byId('TB2020-08').statusText).toBe('Videreføres med følgende endringer:');
    expect(byId('TB2020-47').statusText).toBeNull();
    // Older assignments restated in a supplementary letter ("Endringer i frister") are carried over.
    expect(byId('TB2020-57/2').kind).toBe('carried_over');
    expect(byId('TB2021-30').statusText).toMatch(/godkjennes ny frist 1\. april 2022/);
    expect(byId('TTB2021-11').statusText).toMatch(/trekkes uten at det gis nytt/);
  });

  it('reads sub-tasks "Deloppdrag 1" … "4" with their deadlines', () => {
    const a = byId('TTB2022-4');
    expect(a.parts.map((p) => [p.label, p.lines[0]])).toEqual([
      ['1', 3147],
      ['2', 3173],
      ['3', 3201],
      ['4', 3208],
    ]);
    expect(a.deadlines.find((d) => d.line === 3171)).toMatchObject({ date: '2022-04-01', part: '1' });
    expect(a.deadlines.find((d) => d.line === 3206)).toMatchObject({ date: '2022-04-01', part: '3' });
    expect(a.deadlines.find((d) => d.line === 3217)).toMatchObject({ date: '2022-03-15', part: '4' });
    expect(a.lines).toEqual([3144, 3221]);
  });

  it('reads deadlines of supplementary records', () => {
    expect(byId('TTB2022-19').deadlines.map((d) => [d.date, d.precision, d.line])).toEqual([
      ['2023-04-01', 'day', 4016],
    ]);
    expect(byId('TTB2022-2').deadlines.map((d) => d.date)).toContain('2022-05-02');
    expect(byId('TB2022-01').deadlines[0]).toMatchObject({ date: '2022-12-01', line: 444 });
  });

  it('finds clarifications and references', () => {
    expect(byId('TTB2022-7').references).toContainEqual({ id: 'TB2022-45', relation: 'clarifies' });
    expect(byId('TTB2022-5').references).toEqual([{ id: 'TB2022-16', relation: 'clarifies' }]);
    // Title "Presisering av oppdrag TB2022-21 …"; the body's "TB2022 –21" is the same ID.
    expect(byId('TTB2022-9').references).toEqual([{ id: 'TB2022-21', relation: 'clarifies' }]);
    expect(byId('TTB2022-57').references).toEqual([{ id: 'TTB2021-64', relation: 'clarifies' }]);
    expect(byId('TB2022-09').references).toEqual([{ id: 'TB2022-44', relation: 'refers' }]);
    // "TTB2022-05" in the text links to the record printed as TTB2022-5.
    expect(byId('TTB2022-35').references).toContainEqual({ id: 'TTB2022-5', relation: 'refers' });
  });

  it('flags IDs that two different records use', () => {
    const w = r.warnings.filter((x) => x.code === 'duplicate_assignment_id');
    expect(w.map((x) => x.line)).toEqual([1847, 2025]);
    expect(r.assignments.filter((a) => a.id === 'TB2021-43').map((a) => a.title)).toEqual([
      'Smittevern i heldøgns omsorgsplasser',
      'Personell fra internasjonale operasjoner',
    ]);
  });
});
