/**
 * Assignments of the 2024 letter (HTML/DOCX export): tab-separated headers `TB2024-01⇥Avd.HOD: FHA⇥…`,
 * stacked headers (ID, department and bold title on separate lines), carried-over table rows.
 * Every expected value below was read in the document itself.
 */
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../src/core/model/extraction.js';
import { seed } from './helpers/seeds.js';

const r = seed('tb2024');
const byId = (id: string): Assignment => {
  const a = r.assignments.find((x) => x.id === id);
  if (!a) throw new Error(`mangler ${id}`);
  return a;
};
const range = (prefix: string, from: number, to: number, pad = 2) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(pad, '0')}`);

describe('2024 letter: assignments', () => {
  it('has TB2024-01 … TB2024-92 as new assignments, in order', () => {
    const fresh = r.assignments.filter((a) => a.kind === 'new').map((a) => a.id);
    expect(fresh).toEqual(range('TB2024-', 1, 92));
  });

  it('has the 64 carried-over rows under "Tidligere gitte oppdrag som ikke er ferdigstilt"', () => {
    const carried = r.assignments.filter((a) => a.kind === 'carried_over');
    expect(carried).toHaveLength(64);
    expect(carried[0]!.id).toBe('TB2021-01');
    expect(carried[0]!.otherIds).toEqual(['TB2021-31']);
    expect(carried.at(-1)!.id).toBe('TB2023-59');
    expect(carried.at(-1)!.otherIds).toEqual(['TB2022-42']);
    expect(r.assignments.filter((a) => a.kind === 'supplement')).toEqual([]);
  });

  it('reads departments in every header layout', () => {
    expect(byId('TB2024-01').departments).toEqual(['FHA']);
    expect(byId('TB2024-13').departments).toEqual(['KTA']);
    expect(byId('TB2024-17').departments).toEqual(['KTA', 'SHA']);
    expect(byId('TB2024-21').departments).toEqual(['SHA']); // "Avd. HOD: SHA"
    expect(byId('TB2024-26').departments).toEqual(['SHA', 'KTA', 'FHA']);
    expect(byId('TB2024-35').departments).toEqual(['HRA']);
    expect(byId('TB2024-38').departments).toEqual(['KTA']); // stacked: ID, "Avd.HOD: KTA", title
    expect(byId('TB2024-55').departments).toEqual(['ADA', 'EHE', 'SHA', 'FHA']);
    expect(byId('TB2024-60').departments).toEqual(['SHA', 'KTA']); // "SHA og KTA (pkt. 1)"
    expect(byId('TB2024-73').departments).toEqual(['EHE']);
    expect(byId('TB2024-87').departments).toEqual(['EIA']);
    expect(byId('TB2023-70').departments).toEqual(['KTA']); // "Avd.HOD:KTA"
    expect(byId('TTB2023-61').departments).toEqual(['HRA']);
    expect(r.assignments.every((a) => a.departments.length > 0)).toBe(true);
  });

  it('reads titles, bodies and line ranges', () => {
    const a = byId('TB2024-38');
    expect(a.title).toBe('Oppfølging av statsforvalterne – tvangsmedisineringsvedtak');
    expect(a.lines).toEqual([485, 492]);
    expect(a.body).toMatch(/^Helsedirektoratet skal vurdere status, saksbehandlingsrutiner/);
    expect(byId('TB2024-01').lines).toEqual([197, 198]);
    expect(byId('TB2024-92').title).toBe('Slå sammen tilskuddsordninger innen seksuell helse');
    expect(byId('TB2024-92').lines).toEqual([1011, 1021]);
    expect(byId('TB2024-82').lines).toEqual([872, 878]);
    expect(byId('TB2024-82').body).not.toMatch(/Finansiering og styringsinformasjon/);
    expect(byId('TB2024-01').section).toBe('2.1.2');
    expect(byId('TB2024-54').section).toBe('2.3.2');
  });

  it('gives TB2024-07 its sub-tasks a) … g) and four sub-task deadlines', () => {
    const a = byId('TB2024-07');
    expect(a.parts.map((p) => p.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(a.parts[0]!.lines).toEqual([229, 229]);
    expect(a.parts[0]!.text).toMatch(/^Utarbeide forslag til kampanjeplan for 2024 og 2025/);
    const byLine = new Map<number, string>();
    for (const d of a.deadlines) byLine.set(d.line, d.date ?? '');
    expect([...byLine]).toEqual([
      [242, '2024-02-01'],
      [243, '2024-03-15'],
      [244, '2024-07-01'],
      [245, '2024-09-01'],
    ]);
    const parts = (date: string) => a.deadlines.filter((d) => d.date === date).map((d) => d.part);
    expect(parts('2024-02-01')).toEqual(['a']);
    expect(parts('2024-03-15')[0]).toBe('b');
    expect(parts('2024-07-01')[0]).toBe('d');
    expect(parts('2024-09-01')).toEqual(['g']);
    expect(a.deadlines.every((d) => d.precision === 'day')).toBe(true);
  });

  it('reads deadlines of other records', () => {
    const d6 = byId('TB2024-06').deadlines;
    expect(d6.map((d) => [d.date, d.precision, d.line])).toEqual([['2024-09-15', 'day', 222]]);
    expect(byId('TB2024-08').deadlines.some((d) => d.date === '2024-03-04')).toBe(true);
  });

  it('numbers the ordered list of TB2024-17 as sub-tasks 1-3, though the export put it on one line', () => {
    const a = byId('TB2024-17');
    expect(a.parts.map((p) => p.label)).toEqual(['1', '2', '3']);
    expect(a.parts.every((p) => p.lines[0] === 371)).toBe(true);
  });

  it('keeps all IDs of a carried-over row and its status', () => {
    const a = byId('TB2023-35');
    expect(a.otherIds).toEqual(['TB2021-45', 'TTB2021-21']);
    expect(a.kind).toBe('carried_over');
    expect(a.title).toBe('Handlingsplan for forebygging av selvmord');
    expect(a.lines).toEqual([602, 602]);
    expect(byId('TB2022-45').otherIds).toEqual(['TTB2022-07']);
    expect(byId('TB2023-57').otherIds).toEqual(['RTB2020-17']);
    const t = byId('TTB2022-10');
    expect(t.statusText).toBe('Ny frist 31.12.2024.');
    expect(t.deadlines.map((d) => [d.date, d.line])).toEqual([['2024-12-31', 614]]);
    expect(t.lines).toEqual([613, 614]);
    expect(byId('TB2022-49').statusText).toBeNull();
  });

  it('reads carried-over points "Pkt. 2" … "Pkt. 4" as sub-tasks', () => {
    expect(byId('TB2023-70').parts.map((p) => p.label)).toEqual(['2', '3', '4']);
  });

  it('finds references with their relation', () => {
    expect(byId('TB2023-21').references).toEqual([{ id: 'TB2020-18', relation: 'replaces' }]);
    expect(byId('TB2023-22').references).toEqual([{ id: 'TB2022-26', relation: 'replaces' }]);
    expect(byId('TTB2023-10').references).toEqual([{ id: 'TB2023-32', relation: 'clarifies' }]);
    expect(byId('TB2024-08').references).toEqual([{ id: 'TB2023-01', relation: 'refers' }]);
    expect(byId('TB2024-62').references).toContainEqual({ id: 'TB2023-73', relation: 'refers' });
    expect(byId('TB2024-17').references.map((x) => x.id)).toEqual(
      expect.arrayContaining(['TB2024-03', 'TB2024-19', 'TB2024-25', 'TB2024-26', 'TB2024-67']),
    );
    // A record never refers to itself.
    expect(r.assignments.every((a) => a.references.every((x) => x.id !== a.id))).toBe(true);
  });

  it('warns about TTB2024-70 in a letter with no supplementary assignments', () => {
    expect(byId('TB2024-26').references).toContainEqual({ id: 'TTB2024-70', relation: 'refers' });
    const w = r.warnings.filter((x) => x.code === 'assignment_id_suspect');
    expect(w).toHaveLength(1);
    expect(w[0]!.line).toBe(427);
    expect(w[0]!.message).toMatch(/TB2024-70/);
  });

  it('has no confidential items and no duplicate IDs', () => {
    expect(r.assignments.filter((a) => a.confidential)).toEqual([]);
    expect(r.warnings.filter((w) => w.code === 'duplicate_assignment_id')).toEqual([]);
    expect(r.assignments.every((a) => !a.synthetic)).toBe(true);
  });
});
