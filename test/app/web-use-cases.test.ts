/**
 * The use cases the web app's first screens added: `dashboard` (Oversikt), the bulk changes of the
 * Oppdrag list (`bulkChangeStatus`, `bulkSetOwner`: one transaction, all or nothing, per-ID errors,
 * each change audited) and what `showAssignment` now tells the browser (allowed transitions, sources).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, CONFIDENTIAL_IDS, CONFIDENTIAL_TEXT, idSpellings, type World } from '../http/world.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 60_000);
afterAll(async () => w?.close());

async function run(persona: string, name: string, input: unknown) {
  const p = w.persona(persona);
  const res = await w.request(`/api/use-cases/${name}`, {
    method: 'POST',
    headers: { ...p.writeHeaders, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function noConfidential(text: string) {
  for (const id of CONFIDENTIAL_IDS) expect(text).not.toMatch(idSpellings(id));
  for (const t of CONFIDENTIAL_TEXT) expect(text).not.toContain(t);
}

describe('dashboard', () => {
  it('counts by status and department, lists overdue and due-soon, per month', async () => {
    const r = await run('hdir-leser', 'dashboard', { year: 2026 });
    expect(r.status).toBe(200);
    const d = r.body as {
      total: number;
      byStatus: { status: string; count: number }[];
      byDepartment: { department: string; count: number }[];
      matrix: { department: string; counts: Record<string, number> }[];
      overdue: { count: number; items: { ref: string }[] };
      dueSoon: { count: number; items: { ref: string }[] };
      deadlinesPerMonth: { year: number; months: { month: string; count: number }[] };
      years: number[];
    };
    expect(d.total).toBe(3);
    expect(d.byStatus.reduce((s, x) => s + x.count, 0)).toBe(3);
    const fha = d.byDepartment.find((x) => x.department === 'FHA')?.count ?? 0;
    expect(fha).toBeGreaterThan(0);
    const row = d.matrix.find((x) => x.department === 'FHA')?.counts ?? {};
    expect(Object.values(row).reduce((s, n) => s + n, 0)).toBe(fha);
    // TB2026-3: its deadline 15 January has passed; TB2026-1 falls due 10 March (NOW is 1 March).
    expect(d.overdue.items.map((a) => a.ref)).toEqual(['TB2026-3']);
    expect(d.dueSoon.items.map((a) => a.ref)).toContain('TB2026-1');
    expect(d.deadlinesPerMonth.months).toHaveLength(12);
    expect(d.deadlinesPerMonth.months.find((m) => m.month === '2026-03')?.count).toBe(1);
    expect(d.years).toEqual([2026]);
    noConfidential(JSON.stringify(d));
  });

  it('counts confidential assignments only for the exempt grant', async () => {
    const plain = await run('hdir-leser', 'dashboard', {});
    const exempt = await run('hdir-leser-unntatt', 'dashboard', {});
    expect((exempt.body.total as number) - (plain.body.total as number)).toBe(CONFIDENTIAL_IDS.length);
  });
});

describe('showAssignment for the web app', () => {
  it('gives each side its own workflow buttons, none to a reader', async () => {
    const allowed = async (p: string, id: string) =>
      (await run(p, 'showAssignment', { id })).body.allowedTransitions;
    expect(await allowed('hdir-saksbehandler', 'TB2026-1')).toEqual(['pågår', 'levert']);
    expect(await allowed('dep-saksbehandler', 'TB2026-1')).toEqual(['videreført', 'trukket', 'erstattet']);
    expect(await allowed('hdir-leser', 'TB2026-1')).toEqual([]);
    expect((await run('hdir-leser', 'showAssignment', { id: 'TB2026-1' })).body.canEdit).toBe(false);
  });

  it('names the document lines it came from, redacting hidden IDs', async () => {
    const r = await run('hdir-leser', 'showAssignment', { id: 'TB2026-1' });
    const sources = r.body.sources as { lines: number[]; format: string; body: string }[];
    expect(sources).toHaveLength(1);
    expect(sources[0]?.lines).toEqual([10, 12]);
    expect(sources[0]?.format).toBe('txt');
    noConfidential(JSON.stringify(sources));
  });
});

describe('bulk changes', () => {
  it('refuses all when one cannot be changed, and names it', async () => {
    const r = await run('dep-saksbehandler', 'bulkChangeStatus', {
      ids: ['TB2026-1', 'TB2026-404'],
      status: 'trukket',
      reason: 'Bortfalt etter tildelingsbrevet for 2027',
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('bulk_refused');
    expect(r.body.failures).toEqual([
      expect.objectContaining({ id: 'TB2026-404', code: 'assignment_not_found' }),
    ]);
    expect((await run('dep-leser', 'showAssignment', { id: 'TB2026-1' })).body.status).toBe('ny');
  });

  it('a hidden assignment is refused like one that does not exist', async () => {
    const r = await run('dep-saksbehandler', 'bulkChangeStatus', {
      ids: ['TB2026-5'],
      status: 'trukket',
      reason: 'Bortfalt',
    });
    expect(r.body.failures).toEqual([expect.objectContaining({ code: 'assignment_not_found' })]);
  });

  it('the agency may not withdraw; a reader changes nothing', async () => {
    const agency = await run('hdir-saksbehandler', 'bulkChangeStatus', {
      ids: ['TB2026-1'],
      status: 'trukket',
      reason: 'Bortfalt',
    });
    expect(agency.status).toBe(409);
    expect(agency.body.failures).toEqual([expect.objectContaining({ code: 'side_not_allowed' })]);
    const reader = await run('dep-leser', 'bulkSetOwner', { ids: ['TB2026-1'], person: 'Kari' });
    expect(reader.status).toBe(403);
  });

  it('closes many with one reason, each change audited, and sets one owner for many', async () => {
    const owner = await run('hdir-saksbehandler', 'bulkSetOwner', {
      ids: ['TB2026-1', 'TB2026-6'],
      person: 'Ola Nordmann',
    });
    expect(owner.status).toBe(200);
    expect((owner.body.changed as unknown[]).length).toBe(2);
    const r = await run('dep-saksbehandler', 'bulkChangeStatus', {
      ids: ['TB2026-1', 'TB2026-6'],
      status: 'trukket',
      reason: 'Bortfalt etter tildelingsbrevet for 2027',
    });
    expect(r.status).toBe(200);
    for (const id of ['TB2026-1', 'TB2026-6']) {
      const shown = (await run('dep-leser', 'showAssignment', { id })).body;
      expect(shown.status).toBe('trukket');
      expect(shown.owners).toContain('Ola Nordmann');
    }
    const audit = await run('installasjon-admin', 'auditLog', { entity: 'assignment', limit: 1000 });
    const items = audit.body.items as { action: string; actor: string; details: { reason?: string } }[];
    const lapsed = items.filter(
      (e) => e.action === 'status' && e.details.reason === 'Bortfalt etter tildelingsbrevet for 2027',
    );
    expect(lapsed).toHaveLength(2);
    expect(lapsed.every((e) => e.actor === 'dep-saksbehandler')).toBe(true);
  });
});
