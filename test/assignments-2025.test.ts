/**
 * Assignments of the 2025 letter (double-spaced PDF text): `TB2025-N Avd. HOD: CODE Title`, department
 * cells that wrap onto the following lines, titles that wrap, items "Unntatt offentlighet".
 * Every expected value below was read in the document itself.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../src/core/model/extraction.js';
import { EXAMPLES_DIR, extractText, seed } from './helpers/seeds.js';

const r = seed('tb2025');
const byId = (id: string, list: readonly Assignment[] = r.assignments): Assignment => {
  const a = list.find((x) => x.id === id);
  if (!a) throw new Error(`mangler ${id}`);
  return a;
};

describe('2025 letter: assignments', () => {
  it('has TB2025-1 … TB2025-72 (unpadded), all new', () => {
    expect(r.assignments.map((a) => a.id)).toEqual(Array.from({ length: 72 }, (_, i) => `TB2025-${i + 1}`));
    expect(r.assignments.every((a) => a.kind === 'new' && !a.synthetic)).toBe(true);
  });

  it('reads department cells that wrap over several lines', () => {
    expect(byId('TB2025-1').departments).toEqual(['FHA']);
    expect(byId('TB2025-4').departments).toEqual(['KTA', 'SHA', 'FHA']); // "Avd. HOD:" + "KTA/SHA/ FHA"
    expect(byId('TB2025-18').departments).toEqual(['KTA', 'SHA', 'FHA', 'DIG']); // "KTA," + "SHA, FHA, DIG"
    expect(byId('TB2025-19').departments).toEqual(['KTA']); // "KTA,  Opptrappingsplan …"
    expect(byId('TB2025-43').departments).toEqual(['SHA']); // "Avd. HOD SHA" without colon
    expect(byId('TB2025-61').departments).toEqual(['DIG']); // "Avd.HOD: DIG"
    expect(byId('TB2025-64').departments).toEqual(['DIG', 'KTA']); // "DIG" + "og KTA"
    expect(byId('TB2025-67').departments).toEqual(['KTA', 'DIG']);
    expect(byId('TB2025-27').departments).toEqual(['HRA']);
    expect(byId('TB2025-54').departments).toEqual(['ADA']);
    expect(r.assignments.every((a) => a.departments.length > 0)).toBe(true);
  });

  it('joins wrapped titles and starts the body where the title ends', () => {
    expect(byId('TB2025-3').title).toBe('Nasjonalt program for rusforebyggende arbeid blant barn og unge');
    expect(byId('TB2025-4').title).toBe(
      'Innsats innen alkoholområdet – forebyggings- og behandlingsreformen for rusfeltet',
    );
    expect(byId('TB2025-9').title).toBe('Mindreåriges tilgang på alkohol, tobakk og e-sigaretter');
    expect(byId('TB2025-12').title).toBe(
      'Revidering av forskrift om tilskudd til frivillig rusmiddelforebyggende og spillavhengighetsforebyggende innsats',
    );
    expect(byId('TB2025-18').title).toBe(
      'Opptrappingsplan for psykisk helse – digitale verktøy psykisk helse',
    );
    expect(byId('TB2025-33').title).toBe(
      'Vurdering av hvorvidt midlene til ACT, FACT og FACT ung skal innlemmes i rekrutterings- og samhandlingstilskuddet',
    );
    // "Verdikartlegging" is a sub-heading of the body, not part of the title.
    expect(byId('TB2025-54').title).toBe('Forebyggende sikkerhet for økt motstandsdyktighet');
    expect(byId('TB2025-54').body).toMatch(/^Verdikartlegging\n/);
    expect(byId('TB2025-1').body).toMatch(
      /^Helsedirektoratet skal i samarbeid med Folkehelseinstituttet beskrive/,
    );
  });

  it('gives line ranges and sections', () => {
    expect(byId('TB2025-1').lines).toEqual([297, 333]);
    expect(byId('TB2025-2').lines).toEqual([385, 399]);
    expect(byId('TB2025-72').lines).toEqual([3020, 3034]);
    expect(byId('TB2025-1').section).toBe('3.1.3');
    expect(byId('TB2025-68').section).toBe('3.11.3');
  });

  it('reads deadlines in their many forms', () => {
    const dl = (id: string) => byId(id).deadlines.map((d) => [d.date, d.precision, d.line]);
    expect(dl('TB2025-1')).toEqual([['2025-12-31', 'day', 333]]); // "Frist: 31.12.2025"
    expect(dl('TB2025-2')).toEqual([['2025-03-14', 'day', 399]]); // "Frist 14.03.2025"
    expect(dl('TB2025-68')).toEqual([['2025-05-01', 'day', 2915]]); // "Frist: 1.5.2025"
  });

  it('ties "Frist: 15. mars for oppdrag 4; 15. november 2025 for oppdrag 1-3" to the sub-tasks', () => {
    const a = byId('TB2025-20');
    expect(a.parts.map((p) => p.label)).toEqual(['1', '2', '3', '4']);
    expect(a.deadlines.map((d) => [d.part, d.date])).toEqual([
      ['4', '2025-03-15'],
      ['1', '2025-11-15'],
      ['2', '2025-11-15'],
      ['3', '2025-11-15'],
    ]);
  });

  it('reads lettered sub-tasks', () => {
    expect(byId('TB2025-22').parts.map((p) => [p.label, p.lines[0]])).toEqual([
      ['a', 1084],
      ['b', 1108],
      ['c', 1112],
      ['d', 1118],
    ]);
  });

  it('marks items exempt from public access', () => {
    const conf = r.assignments.filter((a) => a.confidential).map((a) => a.id);
    expect(conf).toEqual(['TB2025-34', 'TB2025-60']);
    expect(byId('TB2025-60').body).toMatch(/unntatt offentlighet, jf\. Offl\. §22/);
  });

  it('finds references, normalising "TB-2023-73"', () => {
    expect(byId('TB2025-40').references).toEqual([{ id: 'TB2024-47', relation: 'replaces' }]);
    expect(byId('TB2025-57').references).toEqual([
      { id: 'TB2023-73', relation: 'refers' },
      { id: 'TB2024-62', relation: 'refers' },
    ]);
    expect(byId('TB2025-43').references).toEqual([{ id: 'TTB2024-58', relation: 'refers' }]);
    expect(byId('TB2025-28').references.map((x) => x.id)).toEqual(['TB2023-25', 'TB2023-26', 'TB2022-33']);
    expect(r.warnings.filter((w) => /assignment|duplicate/.test(w.code))).toEqual([]);
  });
});

describe('layout "Oppdrag <ID> (ansvarlig avdeling: X)"', () => {
  const text = readFileSync(join(EXAMPLES_DIR, 'tildelingsbrev-2026-friluftsdirektoratet.txt'), 'utf8');
  const ex = extractText(text).assignments;

  it('reads three new assignments and one carried over', () => {
    expect(ex.map((a) => [a.id, a.kind, a.departments])).toEqual([
      ['TB2026-01', 'new', ['FRA']],
      ['TB2026-02', 'new', ['FRA', 'KLA']],
      ['TB2026-03', 'new', ['KLA']],
      ['TB2025-09', 'carried_over', ['FRA']],
    ]);
  });

  it('takes the title from the next line and the body after it', () => {
    const a = byId('TB2026-01', ex);
    expect(a.title).toBe('Kartlegge merkede turstier i kommunene');
    expect(a.body).toMatch(/^Direktoratet skal kartlegge/);
    expect(a.lines).toEqual([35, 39]);
    expect(a.deadlines.map((d) => d.date)).toEqual(['2026-10-01']);
    expect(byId('TB2026-02', ex).parts.map((p) => p.label)).toEqual(['a', 'b', 'c']);
    expect(byId('TB2026-03', ex).references).toEqual([{ id: 'TB2025-14', relation: 'refers' }]);
    const c = byId('TB2025-09', ex);
    expect(c.statusText).toBe('Videreføres med ny frist: 31. mars 2026.');
    expect(c.lines).toEqual([62, 64]);
  });
});
