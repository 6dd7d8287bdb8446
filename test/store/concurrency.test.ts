/**
 * Safe concurrency: many editors on one register at once (on PostgreSQL through a pool of several
 * connections, on PGlite through its one session). No reported success may be lost, every loser gets a
 * clear conflict, and the status events replay through the transition table from `ny`.
 */
import { describe, expect, it } from 'vitest';
import { RegisterError } from '../../src/adapters/store/errors.js';
import type { Register } from '../../src/adapters/store/register.js';
import { isStatus, type Status, TRANSITIONS } from '../../src/core/register/status.js';
import { assignment, letter } from '../register/fixtures.js';
import { BACKENDS, registerPerTest } from './harness.js';

const reg = registerPerTest();

const IDS = ['TB2025-1', 'TB2025-2', 'TB2025-3'];
const tb2025 = letter({ year: 2025, assignments: IDS.map((id) => assignment(id)) });

/** The next status an editor moves to: never a final one, so every editor can have its turn. */
const NEXT: Partial<Record<Status, Status>> = { ny: 'pågår', pågår: 'levert', levert: 'pågår' };

async function current(r: Register, id: string): Promise<{ id: number; status: string; version: number }> {
  const a = await r.show(id);
  if (!a) throw new Error(`missing ${id}`);
  return { id: a.id, status: a.status, version: a.version };
}

/** What an editor re-reads after a conflict: the row alone (show() builds a whole timeline). */
async function reread(r: Register, id: number): Promise<{ status: string; version: number }> {
  return r.db
    .selectFrom('assignment')
    .select(['status', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/**
 * One editor. A status editor works like an HTTP client with If-Match: it sends the version and status
 * it read and, on a conflict, reads again and retries (returns how many conflicts it met). Note and
 * deadline editors send no version: their change does not depend on what they read, so none may be lost.
 */
async function editor(r: Register, id: string, n: number): Promise<number> {
  if (n % 3 === 1) {
    await r.note(id, `notat ${n}`, 'note');
    return 0;
  }
  if (n % 3 === 2) {
    await r.moveDeadline(id, `2026-01-${String((n % 28) + 1).padStart(2, '0')}`, `frist ${n}`);
    return 0;
  }
  let conflicts = 0;
  const first = await current(r, id);
  let cur: { status: string; version: number } = first;
  for (;;) {
    const to = isStatus(cur.status) ? NEXT[cur.status] : undefined;
    if (!to) throw new Error(`no next status from ${cur.status}`);
    try {
      await r.setStatus(id, to, `redaktør ${n}`, {
        expectedVersion: cur.version,
        expectedStatus: cur.status,
      });
      return conflicts;
    } catch (e) {
      if (!(e instanceof RegisterError) || e.code !== 'conflict') throw e;
      expect(e.message).toMatch(/versjon \d+|status «/);
      conflicts++;
      cur = await reread(r, first.id);
    }
  }
}

/** Replay the assignment's status events from `ny`: every step must be in the transition table. */
async function replay(r: Register, id: string): Promise<{ status: string; steps: number }> {
  const a = await r.show(id);
  const events = await r.db
    .selectFrom('status_event')
    .selectAll()
    .where('assignment_id', '=', a?.id ?? -1)
    .orderBy('id')
    .execute();
  let status: string = 'ny';
  for (const e of events) {
    expect(e.from_status).toBe(status);
    expect(isStatus(status) && (TRANSITIONS[status] as readonly string[]).includes(e.to_status)).toBe(true);
    status = e.to_status;
  }
  expect(a?.status).toBe(status);
  return { status, steps: events.length };
}

async function auditCount(r: Register, entityId: number, actions: string[]): Promise<number> {
  const rows = await r.db
    .selectFrom('audit_log')
    .select('id')
    .where('entity', '=', 'assignment')
    .where('entity_id', '=', String(entityId))
    .where('action', 'in', actions)
    .execute();
  return rows.length;
}

describe.each(BACKENDS)('concurrency on %s', (backend) => {
  it('50 editors on one assignment: no lost update, a legal audit trail, conflicts for the stale', async () => {
    const r = await reg(backend);
    await r.import([{ file: 'tb2025.txt', result: tb2025 }]);
    const before = await r.show('TB2025-1');
    const editors = Array.from({ length: 50 }, (_, n) => editor(r, 'TB2025-1', n));
    const conflicts = (await Promise.all(editors)).reduce((s, c) => s + c, 0);
    expect(conflicts).toBeGreaterThan(0);
    const after = await r.show('TB2025-1');
    expect(after?.version).toBe((before?.version ?? 0) + 50);
    const statusEditors = Array.from({ length: 50 }, (_, n) => n).filter((n) => n % 3 === 0).length;
    expect((await replay(r, 'TB2025-1')).steps).toBe(statusEditors);
    const notes = after?.timeline.filter((t) => t.kind === 'note') ?? [];
    expect(notes).toHaveLength(Array.from({ length: 50 }, (_, n) => n).filter((n) => n % 3 === 1).length);
    expect(await auditCount(r, after?.id ?? -1, ['status', 'note', 'deadline_change'])).toBe(50);
  });

  it('50 editors over three assignments: each assignment counts exactly its own edits', async () => {
    const r = await reg(backend);
    await r.import([{ file: 'tb2025.txt', result: tb2025 }]);
    const before = await Promise.all(IDS.map((id) => current(r, id)));
    await Promise.all(Array.from({ length: 50 }, (_, n) => editor(r, IDS[n % 3] ?? '', Math.floor(n / 3))));
    for (const [i, id] of IDS.entries()) {
      const edits = Array.from({ length: 50 }, (_, n) => n).filter((n) => n % 3 === i).length;
      expect((await current(r, id)).version).toBe((before[i]?.version ?? 0) + edits);
      await replay(r, id);
    }
  });

  it('edits without a version are all kept: 50 notes at once give 50 notes', async () => {
    const r = await reg(backend);
    await r.import([{ file: 'tb2025.txt', result: tb2025 }]);
    const v0 = (await current(r, 'TB2025-2')).version;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        n % 2 === 0 ? r.note('TB2025-2', `notat ${n}`) : r.owner('TB2025-2', `Person ${n}`),
      ),
    );
    expect(new Set(results.map((x) => x.version)).size).toBe(50);
    const after = await r.show('TB2025-2');
    expect(after?.version).toBe(v0 + 50);
    expect(after?.timeline.filter((t) => t.kind === 'note')).toHaveLength(25);
    expect(after?.owners).toHaveLength(25);
  });

  it('a race for a transition from the same status has one winner and clear conflicts', async () => {
    const r = await reg(backend);
    await r.import([{ file: 'tb2025.txt', result: tb2025 }]);
    const { version } = await current(r, 'TB2025-3');
    const targets = ['pågår', 'levert', 'trukket', 'videreført'];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, n) =>
        r.setStatus('TB2025-3', targets[n % 4] ?? '', `forsøk ${n}`, { expectedVersion: version }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const o of outcomes)
      if (o.status === 'rejected') {
        expect(o.reason).toBeInstanceOf(RegisterError);
        expect((o.reason as RegisterError).code).toBe('conflict');
        expect((o.reason as RegisterError).message).toMatch(/nå versjon \d+ med status «/);
      }
    // By status alone (a CLI user who saw `ny`): the second mover is told, not silently applied.
    await r.import([
      { file: 'b.txt', result: letter({ year: 2026, assignments: [assignment('TB2026-9')] }) },
    ]);
    const [a, b] = await Promise.allSettled([
      r.setStatus('TB2026-9', 'levert', 'levert', { expectedStatus: 'ny' }),
      r.setStatus('TB2026-9', 'pågår', 'startet', { expectedStatus: 'ny' }),
    ]);
    expect([a?.status, b?.status].sort()).toEqual(['fulfilled', 'rejected']);
    const lost = [a, b].find((o) => o?.status === 'rejected');
    expect(lost?.status === 'rejected' && (lost.reason as RegisterError).code).toBe('conflict');
    await replay(r, 'TB2025-3');
    await replay(r, 'TB2026-9');
  });

  it('two imports of the same file at once give one document version', async () => {
    const r = await reg(backend);
    const reports = await Promise.all([
      r.import([{ file: 'a.txt', result: tb2025 }]),
      r.import([{ file: 'b.txt', result: tb2025 }]),
    ]);
    expect(reports.map((rep) => rep[0]?.outcome).sort()).toEqual(['new', 'unchanged']);
    const versions = await r.db.selectFrom('document_version').select('id').execute();
    expect(versions).toHaveLength(1);
    expect(await r.assignments()).toHaveLength(3);
  });
});
