/** The store contract suite: the same assertions on PGlite and (in CI) on PostgreSQL. */
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Register } from '../../src/adapters/store/register.js';
import { PUBLIC_VIEWER } from '../../src/core/register/viewer.js';
import { assignment, budgetLine, deadline, goal, letter } from '../register/fixtures.js';
import { BACKENDS, dropTestSchemas, freshDb, freshRegister, tableCounts as countRows } from './harness.js';

const open: Register[] = [];
async function reg(backend: (typeof BACKENDS)[number], viewerPublic = false): Promise<Register> {
  const r = await freshRegister(backend, viewerPublic ? { viewer: PUBLIC_VIEWER } : {});
  open.push(r);
  return r;
}
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});
afterAll(dropTestSchemas);

const COUNTED = [
  'document',
  'document_version',
  'assignment',
  'appearance',
  'goal',
  'budget_line',
  'audit_log',
];
const tableCounts = (r: Register) => countRows(r, COUNTED);

const tb2022 = letter({
  year: 2022,
  goals: [goal('1', 'Redusert bruk av tobakk')],
  budgetLines: [budgetLine('740', '01', 1_200_000_000)],
  assignments: [
    assignment('TB2022-45', {
      title: 'Nasjonal tobakksstrategi',
      body: 'Direktoratet skal utarbeide et forslag til ny tobakksstrategi.',
      deadlines: [deadline('2022-12-01')],
    }),
    assignment('TB2019-7', { title: 'Screeningprogram for tarmkreft' }),
    assignment('TB2022-46', {
      title: 'Kartlegge bruken av snus og tobakken blant unge',
      departments: ['KTA'],
    }),
  ],
});
const tb2024 = letter({
  year: 2024,
  budgetLines: [budgetLine('740', '01', 1_300_000_000)],
  assignments: [
    assignment('TB2022-45', {
      kind: 'carried_over',
      title: 'Nasjonal tobakksstrategi',
      statusText: 'Videreføres med ny frist: 31. mars 2024',
      deadlines: [deadline('2024-03-31', 'Videreføres med ny frist: 31. mars 2024')],
    }),
    assignment('TTB2019-38', { kind: 'carried_over', title: 'Screeningprogram for tarmkreft' }),
    assignment('TB2024-07', {
      title: 'Presisering av oppdrag TB2022-45',
      references: [{ id: 'TB2022-45', relation: 'clarifies' }],
      deadlines: [deadline('2025-03-10')],
    }),
    assignment('TB2024-08', { title: 'Hemmelig beredskapsoppdrag om tobakk', confidential: true }),
  ],
});
const tb2025 = letter({
  year: 2025,
  assignments: [
    assignment('TB2019-7', {
      otherIds: ['TTB2019-38'],
      kind: 'carried_over',
      title: 'Screeningprogram for tarmkreft',
    }),
    assignment('TB2025-1', {
      title: 'Ny tobakksstrategi',
      references: [{ id: 'TB2022-45', relation: 'replaces' }],
      deadlines: [deadline('2025-06-30')],
    }),
  ],
});

describe.each(BACKENDS)('register on %s', (backend) => {
  it('imports a letter and reports counts per record type', async () => {
    const r = await reg(backend);
    const [rep] = await r.import([{ file: 'tb2022.txt', result: tb2022 }]);
    expect(rep?.outcome).toBe('new');
    expect(rep?.counts.assignments).toEqual({ new: 3, changed: 0, unchanged: 0, removed: 0 });
    expect(rep?.counts.goals.new).toBe(1);
    expect(rep?.counts.calendar.new).toBe(1);
    expect(rep?.warnings.map((w) => w.code)).toEqual(['test_warning']);
    const list = await r.assignments();
    expect(list.map((a) => a.ids[0])).toEqual(['TB2019-7', 'TB2022-45', 'TB2022-46']);
  });

  it('is idempotent: the same file twice changes nothing', async () => {
    const r = await reg(backend);
    await r.import([{ file: 'a.txt', result: tb2022 }]);
    const before = await tableCounts(r);
    const [rep] = await r.import([{ file: 'a.txt', result: tb2022 }]);
    expect(rep?.outcome).toBe('unchanged');
    expect(rep?.counts.assignments).toEqual({ new: 0, changed: 0, unchanged: 3, removed: 0 });
    expect(await tableCounts(r)).toEqual(before);
  });

  it('updates a corrected version in place and keeps what users entered', async () => {
    const r = await reg(backend);
    await r.import([{ file: 'v1.txt', result: tb2022 }]);
    await r.setStatus('TB2022-45', 'pågår', 'Arbeidet er startet');
    await r.note('TB2022-45', 'Koordineres med FHI');
    await r.owner('TB2022-45', 'Kari Nordmann');
    const before = await r.show('TB2022-45');
    const v2 = letter({
      year: 2022,
      revision: 'v2',
      goals: tb2022.goals,
      budgetLines: tb2022.budgetLines,
      assignments: [
        {
          ...(tb2022.assignments[0] ?? assignment('x')),
          body: 'Direktoratet skal utarbeide en ny tobakksstrategi innen 2023.',
        },
        tb2022.assignments[1] ?? assignment('x'),
        assignment('TB2022-47', { title: 'Nytt oppdrag i rettet versjon' }),
      ],
    });
    const [rep] = await r.import([{ file: 'v2.txt', result: v2 }]);
    expect(rep?.outcome).toBe('new_version');
    expect(rep?.version).toBe(2);
    expect(rep?.counts.assignments).toEqual({ new: 1, changed: 1, unchanged: 1, removed: 1 });
    const after = await r.show('TB2022-45');
    expect(after?.id).toBe(before?.id);
    expect(after?.body).toContain('innen 2023');
    expect(after?.status).toBe('pågår');
    expect(after?.owners).toEqual(['Kari Nordmann']);
    expect(after?.timeline.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual([
      'Koordineres med FHI',
    ]);
    const versions = await r.db
      .selectFrom('document_version')
      .select(['version', 'sha256'])
      .orderBy('version')
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]?.sha256).toBe(tb2022.document.sha256);
    expect(await r.db.selectFrom('document').select('id').execute()).toHaveLength(1);
  });

  it('links an assignment across 2022, 2024 and 2025 into one timeline', async () => {
    const r = await reg(backend);
    await r.import([
      { file: '2022', result: tb2022 },
      { file: '2024', result: tb2024 },
      { file: '2025', result: tb2025 },
    ]);
    const s = await r.show('TB2022-45');
    expect(s).not.toBeNull();
    const apps = s?.timeline.filter((e) => e.kind === 'appearance') ?? [];
    expect(apps.map((e) => e.document?.year)).toEqual([2022, 2024]);
    const refs = s?.timeline.filter((e) => e.kind === 'referenced_by') ?? [];
    expect(refs.map((e) => [e.details.from, e.details.relation, e.document?.year])).toEqual([
      ['TB2024-07', 'clarifies', 2024],
      ['TB2025-1', 'replaces', 2025],
    ]);
    // "Videreføres med ny frist" in 2024: a deadline change with the 2024 letter as its source.
    const dc = s?.timeline.find((e) => e.kind === 'deadline_change');
    expect(dc?.details).toMatchObject({ from: '2022-12-01', to: '2024-03-31', source: 'document' });
    expect(dc?.document?.year).toBe(2024);
    // Carried over in 2024 → videreført; replaced by TB2025-1 in 2025 → erstattet.
    expect(s?.timeline.filter((e) => e.kind === 'status').map((e) => e.details.to)).toEqual([
      'videreført',
      'erstattet',
    ]);
    expect(s?.status).toBe('erstattet');
  });

  it('merges records with several IDs (TB2019-7/TTB2019-38) by union of their IDs', async () => {
    const r = await reg(backend);
    await r.import([
      { file: '2022', result: tb2022 },
      { file: '2024', result: tb2024 },
    ]);
    const a = await r.show('TB2019-7');
    const b = await r.show('TTB2019-38');
    expect(a?.id).not.toBe(b?.id);
    await r.setStatus('TTB2019-38', 'pågår', 'Startet');
    const [rep] = await r.import([{ file: '2025', result: tb2025 }]);
    expect(rep?.lineage.merged).toBe(1);
    const m1 = await r.show('TB2019-7');
    const m2 = await r.show('tb 2019-38'.replace('tb ', 'TTB'));
    expect(m1?.id).toBe(m2?.id);
    expect(m1?.ids.sort()).toEqual(['TB2019-7', 'TTB2019-38']);
    expect(m1?.timeline.filter((e) => e.kind === 'appearance').map((e) => e.document?.year)).toEqual([
      2022, 2024, 2025,
    ]);
    // The status set on the younger half survives the merge.
    expect(m1?.status).toBe('videreført');
    expect(m1?.timeline.some((e) => e.kind === 'status' && e.details.to === 'pågår')).toBe(true);
  });

  it("puts what the agency's annual report says about an assignment on its timeline", async () => {
    const r = await reg(backend);
    const base = letter({ year: 2023, type: 'arsrapport', date: '2024-03-01' });
    const report = {
      ...base,
      document: {
        ...base.document,
        issuer: 'Helsedirektoratet',
        recipient: 'Helse- og omsorgsdepartementet',
      },
      statusNotes: [
        {
          text: 'Oppdrag TB2022-45 er levert, jf. rapport av 1. desember.',
          ids: ['TB2022-45'],
          lines: [120, 121] as [number, number],
        },
      ],
    };
    await r.import([
      { file: '2022', result: tb2022 },
      { file: 'ar2023', result: report },
    ]);
    const s = await r.show('TB2022-45');
    const note = s?.timeline.find((e) => e.kind === 'report');
    expect(note?.text).toContain('er levert');
    expect(note?.document?.type).toBe('arsrapport');
    expect(note?.details.lines).toEqual([120, 121]);
    const agencies = await r.db.selectFrom('agency').select('name').execute();
    expect(agencies.map((a) => a.name)).toEqual(['Helsedirektoratet']);
  });

  it('keeps the same ID of two different agencies apart', async () => {
    const r = await reg(backend);
    const other = letter({
      year: 2022,
      recipient: 'Friluftsdirektoratet',
      assignments: [assignment('TB2022-45', { title: 'Turstier i nærmiljøet' })],
    });
    await r.import([
      { file: '2022', result: tb2022 },
      { file: 'fd', result: other },
    ]);
    const list = await r.assignments({ agency: 'friluft' });
    expect(list.map((a) => [a.key, a.title])).toEqual([['TB2022-45', 'Turstier i nærmiljøet']]);
    expect(
      (await r.assignments({ agency: 'Helsedirektoratet' })).find((a) => a.key === 'TB2022-45')?.title,
    ).toBe('Nasjonal tobakksstrategi');
  });

  it('validates status transitions and records who, when and why', async () => {
    const r = await reg(backend);
    await r.import([{ file: '2022', result: tb2022 }]);
    await expect(r.setStatus('TB2022-46', 'ferdig', 'x')).rejects.toThrow(
      /Kan ikke gå fra «ny» til «ferdig»/,
    );
    await expect(r.setStatus('TB2022-46', 'levert', '')).rejects.toThrow(/begrunnelse/);
    await expect(r.setStatus('TB2022-46', 'avlyst', 'x')).rejects.toThrow(/Ukjent status/);
    await r.setStatus('TB2022-46', 'levert', 'Rapport sendt 1. mars');
    await r.setStatus('TB2022-46', 'ferdig', 'Godkjent av departementet');
    await expect(r.setStatus('TB2022-46', 'pågår', 'x')).rejects.toThrow(/endelig/);
    const ev = await r.db.selectFrom('status_event').selectAll().orderBy('id').execute();
    expect(ev.map((e) => [e.from_status, e.to_status, e.actor, e.reason])).toEqual([
      ['ny', 'levert', 'tester', 'Rapport sendt 1. mars'],
      ['levert', 'ferdig', 'tester', 'Godkjent av departementet'],
    ]);
    expect(ev[0]?.at).toBe('2025-03-01T09:00:00.000Z');
    await expect(r.setStatus('TB1999-1', 'pågår', 'x')).rejects.toThrow(/Fant ikke/);
  });

  it('derives forfalt and snart forfall from the injected clock (1 March 2025)', async () => {
    const r = await reg(backend);
    const plain2025 = letter({
      year: 2025,
      assignments: [assignment('TB2025-1', { deadlines: [deadline('2025-06-30')] })],
    });
    await r.import([
      { file: '2024', result: tb2024 },
      { file: '2025', result: plain2025 },
    ]);
    const list = await r.assignments();
    const by = new Map(list.map((a) => [a.key, a]));
    expect(by.get('TB2022-45')?.derived).toBe('forfalt'); // 31.03.2024, still videreført
    expect(by.get('TB2024-7')?.derived).toBe('snart forfall'); // 10.03.2025
    expect(by.get('TB2025-1')?.derived).toBe(null); // 30.06.2025
    const soon = await r.deadlines({ withinDays: 14 });
    expect(soon.map((d) => [d.date, d.assignment.key])).toEqual([['2025-03-10', 'TB2024-7']]);
    expect((await r.assignments({ status: 'forfalt' })).map((x) => x.key)).toEqual(['TB2022-45']);
    const overdue = await r.deadlines({ overdue: true });
    expect(overdue.map((d) => d.assignment.key)).toEqual(['TB2022-45']);
    await r.moveDeadline('TB2022-45', '2025-04-30', 'Utsatt i etatsstyringsmøtet');
    const moved = await r.show('TB2022-45');
    expect(moved?.derived).toBe(null);
    expect(moved?.timeline.filter((e) => e.kind === 'deadline_change').map((e) => e.details.source)).toEqual([
      'person',
    ]);
  });

  it('keeps the audit log append-only in the database', async () => {
    const db = await freshDb(backend);
    try {
      await sql`insert into audit_log (at, actor, action, entity, details) values (now(), 'a', 'x', 'y', '{}')`.execute(
        db.db,
      );
      await expect(sql`update audit_log set actor = 'b'`.execute(db.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(db.db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate audit_log`.execute(db.db)).rejects.toThrow(/append-only/);
    } finally {
      await db.close();
    }
  });

  it('records an actor for every change in the audit log', async () => {
    const r = await reg(backend);
    await r.import([{ file: '2022', result: tb2022 }]);
    await r.setStatus('TB2022-45', 'pågår', 'Startet');
    await r.note('TB2022-45', 'Et notat');
    const log = await r.db.selectFrom('audit_log').select(['actor', 'action']).orderBy('id').execute();
    expect(log).toEqual([
      { actor: 'tester', action: 'import' },
      { actor: 'tester', action: 'status' },
      { actor: 'tester', action: 'note' },
    ]);
  });

  it('never shows confidential assignments to a public viewer', async () => {
    const internal = await reg(backend);
    await internal.import([{ file: '2024', result: tb2024 }]);
    const pub = new (internal.constructor as typeof Register)(internal.store, {
      ...internal.opts,
      viewer: PUBLIC_VIEWER,
    });
    expect((await internal.assignments()).some((a) => a.key === 'TB2024-8')).toBe(true);
    expect((await pub.assignments()).some((a) => a.key === 'TB2024-8')).toBe(false);
    expect((await internal.search('beredskapsoppdrag')).length).toBe(1);
    expect(await pub.search('beredskapsoppdrag')).toEqual([]);
    expect(await pub.show('TB2024-08')).toBeNull();
    await expect(pub.setStatus('TB2024-08', 'pågår', 'x')).rejects.toThrow(/Fant ikke/);
    const exported = JSON.stringify(await pub.export());
    expect(exported).not.toContain('beredskapsoppdrag');
    expect(exported).not.toContain('TB2024-08');
    expect((await pub.stats())[0]?.assignmentsNew).toBe(1);
  });

  it('finds Norwegian word forms and compounds, best match first, with snippets', async () => {
    const r = await reg(backend);
    await r.import([{ file: '2022', result: tb2022 }]);
    const hits = await r.search('tobakk');
    const refs = hits.map((h) => h.ref);
    expect(refs).toContain('TB2022-45'); // "tobakksstrategi"
    expect(refs).toContain('TB2022-46'); // "tobakken"
    expect(refs).toContain('Mål 1'); // "tobakk"
    expect(refs.indexOf('TB2022-46')).toBeLessThan(refs.indexOf('TB2022-45'));
    const h45 = hits.find((h) => h.ref === 'TB2022-45');
    expect(h45?.snippet).toContain('**tobakksstrategi**');
    expect(h45?.document.year).toBe(2022);
    expect((await r.search('tobakken', { department: 'KTA' })).map((h) => h.ref)).toEqual(['TB2022-46']);
    expect(await r.search('tobakk', { year: 2019 })).toEqual([]);
    expect(await r.search('   ')).toEqual([]);
  });

  it('compares budget lines year over year and counts steering load per letter', async () => {
    const r = await reg(backend);
    await r.import([
      { file: '2022', result: tb2022 },
      { file: '2024', result: tb2024 },
    ]);
    const b = await r.budget();
    expect(b.years).toEqual([2022, 2024]);
    expect(b.rows).toEqual([
      {
        chapter: '740',
        post: '01',
        name: 'Post 01',
        byYear: { '2022': 1_200_000_000, '2024': 1_300_000_000 },
      },
    ]);
    const st = await r.stats();
    expect(
      st.map((s) => [s.year, s.goals, s.assignmentsNew, s.assignmentsCarriedOver, s.withConcreteDeadline]),
    ).toEqual([
      [2022, 1, 3, 0, 1],
      [2024, 0, 2, 2, 2],
    ]);
    expect(st[0]?.perDepartment).toEqual({ FHA: 2, KTA: 1 });
  });

  it('round-trips export and restore losslessly', async () => {
    const r = await reg(backend);
    await r.import([
      { file: '2022', result: tb2022 },
      { file: '2024', result: tb2024 },
    ]);
    await r.setStatus('TB2022-46', 'pågår', 'Startet');
    await r.note('TB2022-46', 'Svar sendt', 'answer');
    await r.moveDeadline('TB2022-46', '2025-05-01', 'Avtalt i møte');
    const dump = await r.export();
    const copy = await reg(backend);
    await (
      await import('../../src/adapters/store/export.js')
    ).restoreRegister(copy.db, JSON.parse(JSON.stringify(dump)));
    const again = await copy.export();
    expect({ ...again, exportedAt: '' }).toEqual({ ...dump, exportedAt: '' });
    // Sequences continue after the restored ids, and search works on the restored rows.
    await copy.note('TB2022-46', 'Etter gjenoppretting');
    expect((await copy.search('tobakksstrategi')).length).toBeGreaterThan(0);
    await expect(copy.restore(dump, 'x.json')).rejects.toThrow(/ikke tomt/);
  });
});
