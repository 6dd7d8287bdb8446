/**
 * The 2014 letter prints no assignment IDs: each subject section ends with "Spesielle oppdrag" and a
 * list ("•", "-" or "1.") of assignments, some with check-mark sub-items ("✓"). Values read in the document.
 */
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../src/core/model/extraction.js';
import { extractText, seed } from './helpers/seeds.js';

const r = seed('tb2014');
const byId = (id: string): Assignment => {
  const a = r.assignments.find((x) => x.id === id);
  if (!a) throw new Error(`mangler ${id}`);
  return a;
};

describe('2014 letter: assignments without IDs', () => {
  it('derives stable IDs from year, subject section and ordinal', () => {
    const ids = r.assignments.map((a) => a.id);
    expect(ids.slice(0, 6)).toEqual([
      'TB2014-S2.1-01',
      'TB2014-S2.1-02',
      'TB2014-S2.1-03',
      'TB2014-S2.1-04',
      'TB2014-S2.1-05',
      'TB2014-S2.1-06',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.assignments.every((a) => a.synthetic && a.kind === 'new')).toBe(true);
    // One list per "Spesielle oppdrag" heading: 15 headings, "•", "-" and "1." lists alike.
    const subjects = new Set(ids.map((id) => id.replace(/-\d+$/, '')));
    expect(subjects.size).toBe(15);
    expect(ids.filter((id) => id.startsWith('TB2014-S3.1-'))).toHaveLength(4); // "1." … "4."
    expect(ids.filter((id) => id.startsWith('TB2014-S3.3-'))).toHaveLength(4); // "- …"
    expect(r.warnings.filter((w) => w.code === 'assignment_ids_synthetic')).toHaveLength(1);
  });

  it('takes the first sentence as title, not cut at "Meld. St."', () => {
    expect(byId('TB2014-S3.3-01').title).toBe('Pilotfasen av Nasjonal kjernejournal skal evalueres');
    expect(byId('TB2014-S2.2.1-03').title).toMatch(
      /^Følge opp Helse- og omsorgsdepartementets tiltak i Meld\. St\. 45/,
    );
    expect(byId('TB2014-S2.1-02').lines).toEqual([473, 475]);
    expect(byId('TB2014-S2.1-02').section).toBe('2.1.4');
  });

  it('reads check-mark sub-items as sub-tasks', () => {
    const a = byId('TB2014-S2.2.1-01');
    expect(a.parts.map((p) => [p.label, p.lines])).toEqual([
      ['1', [791, 793]],
      ['2', [795, 797]],
      ['3', [799, 799]],
      ['4', [800, 804]],
    ]);
    expect(a.parts[0]!.text).toMatch(/^Utvikle og gjennomføre Program for en aktiv og fremtidsrettet/);
    expect(a.lines).toEqual([785, 810]);
  });

  it('reads deadlines inside the items', () => {
    expect(byId('TB2014-S2.1-02').deadlines.map((d) => [d.date, d.line])).toEqual([['2014-06-01', 475]]);
    expect(byId('TB2014-S2.1-03').deadlines.map((d) => [d.date, d.line])).toEqual([['2014-06-01', 483]]);
  });
});

describe('letter without IDs and without a year', () => {
  const text = [
    'Tillegg til tildelingsbrev',
    '',
    '1 Innledning',
    'Departementet gir her nye oppdrag.',
    '',
    '2 Folkehelse',
    '',
    '2.1 Spesielle oppdrag',
    '• Utarbeide en rapport om vaksinasjon.',
    '• Gjennomføre en kartlegging av tilbudet.',
  ].join('\n');
  const x = extractText(text);
  it('gives IDs that show they are synthetic, never a year 0, and warns', () => {
    expect(x.assignments.map((a) => [a.id, a.lines])).toEqual([
      ['X-S2-01', [9, 9]],
      ['X-S2-02', [10, 10]],
    ]);
    const w = x.warnings.find((w) => w.code === 'assignment_ids_year_unknown');
    expect(w).toMatchObject({ line: 9 });
    expect(w?.message).toContain('X-S2-01');
  });
});
