/**
 * Security audit: a confidential assignment ("Unntatt offentlighet") must never reach a public viewer,
 * by any path: list, show by any of its IDs, search hits and snippets, deadlines, stats, overview,
 * budget, export, and the indirect ones (timelines of public assignments that reference it or are
 * referenced by it, status reasons, report notes naming it, lineage merges, typed notes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Register } from '../../src/adapters/store/register.js';
import type { ExtractionResult } from '../../src/core/model/extraction.js';
import { INTERNAL_VIEWER, PUBLIC_VIEWER } from '../../src/core/register/viewer.js';
import { seed } from '../helpers/seeds.js';
import { assignment, budgetLine, deadline, letter } from '../register/fixtures.js';
import { BACKENDS, dropTestSchemas, freshRegister } from './harness.js';

// FIXED_NOW is 1 March 2025: TB2024-9's deadline 5 March is "snart forfall" and within 30 days.
const tb2024 = letter({
  year: 2024,
  budgetLines: [budgetLine('740', '01', 1_300_000_000)],
  assignments: [
    assignment('TB2024-1', {
      title: 'Kartlegge fastlegeordningen',
      deadlines: [deadline('2025-03-10')],
      lines: [10, 12],
    }),
    assignment('TB2024-9', {
      title: 'Hemmelig beredskapsplan',
      body: 'Direktoratet skal lage en beredskapsplan for legemidler.',
      departments: ['SHA'],
      confidential: true,
      deadlines: [deadline('2025-03-05')],
      references: [{ id: 'TB2024-1', relation: 'refers' }],
      lines: [20, 24],
    }),
    assignment('TB2024-3', {
      title: 'Presisering av oppdrag TB2024-9',
      body: 'Oppdraget presiserer TB 2024-09 om beredskap.',
      references: [{ id: 'TB2024-9', relation: 'clarifies' }],
      lines: [30, 32],
    }),
    assignment('TB2024-4', { title: 'Gammel legemiddelstrategi', lines: [40, 42] }),
    assignment('TB2024-5', { title: 'Omstilling av apotekene', lines: [50, 52] }),
  ],
});
const withWarning: ExtractionResult = {
  ...tb2024,
  warnings: [
    { code: 'test_warning', message: 'Et varsel', line: 3 },
    { code: 'deadline_unreadable', message: 'Fristen i TB2024-9 kunne ikke leses', line: 22 },
  ],
};

const tb2025 = letter({
  year: 2025,
  assignments: [
    assignment('TB2025-8', {
      title: 'Lukket omstillingsoppdrag',
      confidential: true,
      references: [{ id: 'TB2024-4', relation: 'replaces' }],
      lines: [10, 12],
    }),
    // Carries TB2024-9 and TB2024-5 over under one new ID without the marking: lineage merges the
    // public TB2024-5 into the confidential assignment, which stays confidential.
    assignment('TB2025-3', {
      otherIds: ['TB2024-9', 'TB2024-5'],
      kind: 'carried_over',
      title: 'Videreføring av beredskapsarbeidet',
      deadlines: [deadline('2025-03-05')],
      lines: [20, 22],
    }),
  ],
});

/** The annual report for 2024: one note names a public and a confidential assignment, one only a public. */
const base = letter({ year: 2024, revision: 'ar' });
const ar2024: ExtractionResult = {
  ...base,
  document: {
    ...base.document,
    type: 'arsrapport',
    title: 'Årsrapport 2024',
    issuer: 'Helsedirektoratet',
    recipient: 'Helse- og omsorgsdepartementet',
  },
  calendar: [],
  statusNotes: [
    {
      text: 'Oppdrag TB2024-1 og TB2024-9 er levert.',
      ids: ['TB2024-1', 'TB2024-9'],
      lines: [60, 61],
    },
    { text: 'Kartleggingen i TB2024-1 pågår.', ids: ['TB2024-1'], lines: [70, 70] },
  ],
};

/** Every string that names or describes a confidential assignment of the fixture. */
const SECRETS = [
  'TB2024-9',
  'TB 2024-09',
  'TB2025-8',
  'TB2025-3',
  'TB2024-5',
  'beredskapsplan',
  'Lukket omstillingsoppdrag',
  'Omstilling av apotekene',
  'Videreføring av beredskapsarbeidet',
];

function expectNoSecret(value: unknown, secrets = SECRETS) {
  const text = JSON.stringify(value);
  for (const s of secrets) expect(text, `leaks «${s}»`).not.toContain(s);
}

describe.each(BACKENDS)('confidentiality on %s', (backend) => {
  let internal: Register;
  let pub: Register;
  beforeAll(async () => {
    internal = await freshRegister(backend);
    await internal.import([
      { file: 'tb2024', result: withWarning },
      { file: 'tb2025', result: tb2025 },
      { file: 'ar2024', result: ar2024 },
    ]);
    // What a person types on a public assignment can name a confidential one, too.
    await internal.note('TB2024-1', 'Må sees sammen med TB2024-9.');
    await internal.note('TB2024-9', 'Intern vurdering av beredskapsplan');
    pub = new Register(internal.store, { ...internal.opts, viewer: PUBLIC_VIEWER });
  });
  afterAll(async () => {
    await internal.close();
    await dropTestSchemas();
  });

  it('the fixture is as intended for an internal viewer', async () => {
    const conf = (await internal.assignments()).filter((a) => a.confidential).map((a) => a.key);
    expect(conf.sort()).toEqual(['TB2024-9', 'TB2025-8']);
    const merged = await internal.show('TB2024-5');
    expect(merged?.ids).toEqual(['TB2024-5', 'TB2024-9', 'TB2025-3']);
    expect(merged?.confidential).toBe(true);
    expect((await internal.show('TB2024-4'))?.status).toBe('erstattet');
    expect(JSON.stringify(await internal.show('TB2024-1'))).toContain('TB2024-9');
  });

  it('assignments: the list leaves them out, with any filter', async () => {
    const all = await pub.assignments();
    expect(all.map((a) => a.key).sort()).toEqual(['TB2024-1', 'TB2024-3', 'TB2024-4']);
    expectNoSecret(all);
    expect(await pub.assignments({ department: 'SHA' })).toEqual([]);
    expect(await pub.assignments({ status: 'snart forfall' })).toHaveLength(1);
    expectNoSecret(await pub.assignments({ status: 'snart forfall' }));
    // "Presisering av oppdrag TB2024-9" is a public title that names the confidential ID.
    expect(all.find((a) => a.key === 'TB2024-3')?.title).toBe(
      'Presisering av oppdrag [unntatt offentlighet]',
    );
  });

  it('show: "not found" for every ID of a confidential lineage, in any spelling', async () => {
    for (const id of ['TB2024-9', 'TB 2024-09', 'ID-TB2024-9', 'TB2025-8', 'TB2025-3', 'TB2024-5'])
      expect(await pub.show(id), id).toBeNull();
    await expect(pub.note('TB2024-9', 'x')).rejects.toThrow(/Fant ikke/);
    await expect(pub.setStatus('TB2025-3', 'pågår', 'x')).rejects.toThrow(/Fant ikke/);
    await expect(pub.moveDeadline('TB2024-5', '2025-12-01', 'x')).rejects.toThrow(/Fant ikke/);
    await expect(pub.owner('TB2025-8', 'Kari')).rejects.toThrow(/Fant ikke/);
  });

  it('show: the same ID at another agency resolves to the public one, not to "not found"', async () => {
    const other = await freshRegister(backend);
    await other.import([
      { file: 'a', result: letter({ year: 2024, assignments: [assignment('TB2024-1')] }) },
      {
        file: 'b',
        result: letter({
          year: 2024,
          recipient: 'Folkehelseinstituttet',
          assignments: [assignment('TB2024-1', { title: 'Lukket FHI-oppdrag', confidential: true })],
        }),
      },
    ]);
    const p = new Register(other.store, { ...other.opts, viewer: PUBLIC_VIEWER });
    const a = await p.show('TB2024-1');
    expect(a?.title).toBe('Oppdrag TB2024-1');
    expect(a?.confidential).toBe(false);
    await other.close();
  });

  it('timeline of a public assignment referenced by a confidential one (TB2024-1)', async () => {
    const a = await pub.show('TB2024-1');
    expect(a?.timeline.some((e) => e.kind === 'referenced_by')).toBe(false);
    // The report note naming TB2024-1 and TB2024-9 is left out; the one naming TB2024-1 alone stays.
    expect(a?.timeline.filter((e) => e.kind === 'report').map((e) => e.text)).toEqual([
      'Kartleggingen i TB2024-1 pågår.',
    ]);
    expect(a?.timeline.find((e) => e.kind === 'note')?.text).toBe(
      'Må sees sammen med [unntatt offentlighet].',
    );
    expectNoSecret(a);
  });

  it('timeline of a public assignment that references a confidential one (TB2024-3)', async () => {
    const a = await pub.show('TB2024-3');
    expect(a?.timeline.some((e) => e.kind === 'references')).toBe(false);
    expect(a?.body).toBe('Oppdraget presiserer [unntatt offentlighet] om beredskap.');
    expectNoSecret(a);
  });

  it('status reason of a public assignment replaced by a confidential one (TB2024-4)', async () => {
    const a = await pub.show('TB2024-4');
    expect(a?.status).toBe('erstattet');
    const ev = a?.timeline.find((e) => e.kind === 'status');
    expect(ev?.text).toBe('Status ny → erstattet: Erstattet av [unntatt offentlighet] i tildelingsbrev 2025');
    expect(a?.timeline.some((e) => e.kind === 'referenced_by')).toBe(false);
    expectNoSecret(a);
  });

  it('search: no hit, title or snippet names them', async () => {
    expect(await pub.search('beredskapsplan')).toEqual([]);
    expect(await pub.search('omstilling')).toEqual([]);
    expect((await internal.search('beredskapsplan')).length).toBeGreaterThan(0);
    const hits = await pub.search('presisering beredskap');
    expect(hits.map((h) => h.ref)).toEqual(['TB2024-3']);
    expectNoSecret(hits);
    expectNoSecret(await pub.search('TB2024-9'));
    expect(await pub.search('beredskap', { status: 'snart forfall' })).toEqual([]);
  });

  it('deadlines: neither upcoming nor overdue', async () => {
    expect((await internal.deadlines({ withinDays: 30 })).map((d) => d.assignment.key)).toContain('TB2024-9');
    const soon = await pub.deadlines({ withinDays: 30 });
    expect(soon.map((d) => [d.date, d.assignment.key])).toEqual([['2025-03-10', 'TB2024-1']]);
    expectNoSecret(soon);
    expectNoSecret(await pub.deadlines({ overdue: true }));
  });

  it('stats and overview: public counts do not count them (no count reveals how many are hidden)', async () => {
    const inside = await internal.stats();
    const outside = await pub.stats();
    const of = (st: typeof outside, year: number, type = 'tildelingsbrev') =>
      st.find((s) => s.year === year && s.type === type);
    expect(of(inside, 2024)?.assignmentsNew).toBe(5);
    // 2024 prints five; TB2024-9 and the merged TB2024-5 are confidential.
    expect(of(outside, 2024)?.assignmentsNew).toBe(3);
    expect(of(outside, 2024)?.perDepartment).toEqual({ FHA: 3 });
    expect(of(outside, 2025)?.assignmentsNew).toBe(0);
    expect(of(outside, 2025)?.assignmentsCarriedOver).toBe(0);
    const ov = await pub.overview();
    expect(ov.assignments).toBe(3);
    expect(Object.values(ov.byStatus).reduce((x, y) => x + y, 0)).toBe(3);
    expect(ov.dueSoon).toBe(1);
    expect(ov.documents.find((d) => d.year === 2025)?.assignments).toBe(0);
    expectNoSecret(ov);
  });

  it('budget: carries no assignment data, so public and internal views are the same', async () => {
    const b = await pub.budget();
    expect(b).toEqual(await internal.budget());
    expectNoSecret(b);
  });

  it('export --public: nothing names them, not even import counts or warnings', async () => {
    const full = await internal.export();
    expect(JSON.stringify(full)).toContain('TB2024-9');
    const dump = await pub.export();
    expect(dump.public).toBe(true);
    expectNoSecret(dump);
    const imports = (dump.tables.audit_log ?? []).filter((r) => r.action === 'import');
    expect(imports).toHaveLength(3);
    for (const r of imports) {
      const d = r.details as { counts: Record<string, unknown>; lineage?: unknown };
      expect(d.counts.assignments).toBeUndefined();
      expect(d.lineage).toBeUndefined();
      expect(d.counts.budgetLines).toBeDefined();
    }
    expect((dump.tables.extraction_warning ?? []).map((w) => w.code)).not.toContain('deadline_unreadable');
    expect((dump.tables.report_note ?? []).map((n) => n.text)).toEqual(['Kartleggingen i TB2024-1 pågår.']);
  });

  it('an internal viewer still sees everything', async () => {
    expect(INTERNAL_VIEWER.canSeeConfidential).toBe(true);
    const a = await internal.show('TB2024-1');
    expect(a?.timeline.filter((e) => e.kind === 'report')).toHaveLength(2);
    expect(a?.timeline.find((e) => e.kind === 'note')?.text).toBe('Må sees sammen med TB2024-9.');
  });
});

describe('confidentiality on the real 2025 letter (PGlite)', () => {
  let internal: Register;
  let pub: Register;
  beforeAll(async () => {
    internal = await freshRegister('pglite');
    await internal.import([{ file: '003', result: seed('tb2025') }]);
    pub = new Register(internal.store, { ...internal.opts, viewer: PUBLIC_VIEWER });
  });
  afterAll(() => internal.close());

  // "TB2025-34 Avd. HOD: KTA Allmennlegetjenesten … 1. (Unntatt offentlighet, jf. Offl. § 22, 2. ledd)"
  // and "TB2025-60 Avd. HOD: KTA Rekrutteringsprogram / Oppdraget er unntatt offentlighet".
  const REAL = ['TB2025-34', 'TB2025-60', 'Rekrutteringsprogram', 'Oppdraget er unntatt offentlighet'];

  it('marks TB2025-34 and TB2025-60 confidential', async () => {
    expect((await internal.show('TB2025-34'))?.title).toBe('Allmennlegetjenesten');
    expect((await internal.show('TB2025-60'))?.confidential).toBe(true);
  });

  it('hides them from every public path', async () => {
    expect(await pub.show('TB2025-34')).toBeNull();
    expect(await pub.show('TB2025-060')).toBeNull();
    const list = await pub.assignments({ year: 2025 });
    expect(list.length).toBe((await internal.assignments({ year: 2025 })).length - 2);
    expectNoSecret(list, REAL);
    expectNoSecret(await pub.search('rekrutteringsprogram'), REAL);
    expectNoSecret(await pub.search('allmennlegetjenesten'), REAL);
    expectNoSecret(await pub.assignments({ department: 'KTA' }), REAL);
    expectNoSecret(await pub.deadlines({ withinDays: 365 }), REAL);
    expectNoSecret(await pub.overview(), REAL);
    const st = (await pub.stats())[0];
    const all = (await internal.stats())[0];
    expect(st?.assignmentsNew).toBe((all?.assignmentsNew ?? 0) - 2);
    expect(st?.perDepartment.KTA).toBe((all?.perDepartment.KTA ?? 0) - 2);
    expectNoSecret(await pub.export(), REAL);
  });
});
