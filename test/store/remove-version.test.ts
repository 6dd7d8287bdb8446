/**
 * Removing a wrongly imported document version: the previous version's records come back, what people
 * entered is kept, the removal is audited, and importing the same file again restores the same register.
 */
import { describe, expect, it } from 'vitest';
import { RegisterError } from '../../src/adapters/store/errors.js';
import type { Register } from '../../src/adapters/store/register.js';
import { isStatus, TRANSITIONS } from '../../src/core/register/status.js';
import { assignment, budgetLine, deadline, goal, letter } from '../register/fixtures.js';
import { BACKENDS, registerPerTest, tableCounts } from './harness.js';

const reg = registerPerTest();

/** Every assignment's status events replay from `ny` through the transition table to its status. */
async function replayAll(r: Register): Promise<void> {
  const as = await r.db.selectFrom('assignment').select(['id', 'status']).execute();
  for (const a of as) {
    const events = await r.db
      .selectFrom('status_event')
      .selectAll()
      .where('assignment_id', '=', a.id)
      .orderBy('id')
      .execute();
    let status = 'ny';
    for (const e of events) {
      expect(e.from_status).toBe(status);
      expect(isStatus(status) && (TRANSITIONS[status] as readonly string[]).includes(e.to_status)).toBe(true);
      status = e.to_status;
    }
    expect(a.status).toBe(status);
  }
}

const v1 = letter({
  year: 2022,
  goals: [goal('4', 'Bedre psykisk helse')],
  budgetLines: [budgetLine('765', '21', 1_200_000_000)],
  assignments: [
    assignment('TB2022-45', {
      title: 'Nasjonal tobakksstrategi',
      body: 'Direktoratet skal utarbeide et forslag.',
      deadlines: [deadline('2022-12-01')],
    }),
    assignment('TB2022-46', { title: 'Kartlegge snusbruk' }),
    assignment('TB2019-7', { title: 'Screeningprogram for tarmkreft' }),
  ],
});
/** A wrong "correction": changes one assignment, drops one, adds two, one replacing TB2019-7. */
const v2 = letter({
  year: 2022,
  revision: 'feil',
  goals: [goal('4', 'Bedre psykisk helse'), goal('5', 'Feil mål')],
  budgetLines: [budgetLine('765', '21', 9_999_000_000)],
  assignments: [
    assignment('TB2022-45', {
      title: 'Nasjonal tobakksstrategi',
      body: 'Feil tekst fra feil fil.',
      deadlines: [deadline('2023-06-01')],
    }),
    assignment('TB2022-47', { title: 'Feil oppdrag' }),
    assignment('TB2022-48', {
      title: 'Erstatter screening',
      references: [{ id: 'TB2019-7', relation: 'replaces' }],
    }),
  ],
});

async function removalEntries(r: Register) {
  return r.db.selectFrom('audit_log').selectAll().where('action', '=', 'remove_version').execute();
}

describe.each(BACKENDS)('removing a document version on %s', (backend) => {
  it('makes the previous version current again, and a re-import brings the removed one back', async () => {
    const r = await reg(backend);
    await r.import([{ file: 'v1.txt', result: v1 }]);
    await r.note('TB2022-45', 'Koordineres med FHI');
    const c1 = await tableCounts(r);
    const [rep2] = await r.import([{ file: 'v2.txt', result: v2 }]);
    expect(rep2?.version).toBe(2);
    const c2 = await tableCounts(r);
    expect((await r.show('TB2019-7'))?.status).toBe('erstattet');
    const versionBefore = (await r.show('TB2022-45'))?.version ?? 0;

    const removed = await r.removeVersion(rep2?.documentId ?? -1, 2);
    expect(removed).toMatchObject({
      version: 2,
      sha256: v2.document.sha256,
      currentVersion: 1,
      assignmentsRemoved: 2,
      assignmentsKept: 0,
      statusesUndone: 1,
    });
    expect(await tableCounts(r)).toEqual(c1);
    const a45 = await r.show('TB2022-45');
    expect(a45?.body).toBe('Direktoratet skal utarbeide et forslag.');
    expect(a45?.deadlines.map((d) => d.date)).toEqual(['2022-12-01']);
    expect(a45?.timeline.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual([
      'Koordineres med FHI',
    ]);
    expect(a45?.version).toBeGreaterThan(versionBefore);
    expect((await r.show('TB2019-7'))?.status).toBe('ny');
    expect(await r.show('TB2022-47')).toBeNull();
    expect((await r.show('TB2022-46'))?.title).toBe('Kartlegge snusbruk');
    const budget = await r.budget({ year: 2022 });
    expect(JSON.stringify(budget)).toContain('1200000000');
    expect(JSON.stringify(budget)).not.toContain('9999000000');
    const [entry] = await removalEntries(r);
    expect(entry?.details).toMatchObject({ version: 2, sha256: v2.document.sha256, currentVersion: 1 });
    expect(entry?.actor).toBe('tester');
    await replayAll(r);

    const [again] = await r.import([{ file: 'v2.txt', result: v2 }]);
    expect(again).toMatchObject({ outcome: 'new_version', version: 2 });
    expect(await tableCounts(r)).toEqual(c2);
    expect((await r.show('TB2019-7'))?.status).toBe('erstattet');
    expect((await r.show('TB2022-45'))?.body).toBe('Feil tekst fra feil fil.');
    await replayAll(r);
    expect((await r.verifyAudit()).ok).toBe(true);
  });

  it('removes the only version with its document, keeping assignments people worked on', async () => {
    const r = await reg(backend);
    await r.import([{ file: 'v1.txt', result: v1 }]);
    await r.setStatus('TB2022-45', 'pågår', 'Startet');
    await r.owner('TB2022-46', 'Kari Nordmann');
    const c1 = await tableCounts(r);
    const doc = await r.db.selectFrom('document').select(['id', 'letter_key']).executeTakeFirstOrThrow();

    const removed = await r.removeVersion(doc.letter_key, 1);
    expect(removed).toMatchObject({
      currentVersion: null,
      appearancesRemoved: 3,
      assignmentsRemoved: 1,
      assignmentsKept: 2,
    });
    const c0 = await tableCounts(r);
    for (const t of ['document', 'document_version', 'appearance', 'goal', 'budget_line', 'calendar_entry'])
      expect(c0[t]).toBe(0);
    expect(c0.assignment).toBe(2);
    expect(await r.assignments()).toEqual([]);
    const a45 = await r.show('TB2022-45');
    expect(a45?.status).toBe('pågår');
    expect(a45?.timeline.filter((e) => e.kind === 'status').map((e) => e.text)).toEqual([
      'Status ny → pågår: Startet',
    ]);
    expect((await r.show('TB2022-46'))?.owners).toEqual(['Kari Nordmann']);
    expect(await r.show('TB2019-7')).toBeNull();

    const [again] = await r.import([{ file: 'v1.txt', result: v1 }]);
    expect(again?.outcome).toBe('new');
    expect(await tableCounts(r)).toEqual(c1);
    const back = await r.show('TB2022-45');
    expect(back?.id).toBe(a45?.id);
    expect(back?.status).toBe('pågår');
    expect(back?.title).toBe('Nasjonal tobakksstrategi');
    expect((await r.assignments()).map((a) => a.ids[0])).toEqual(['TB2019-7', 'TB2022-45', 'TB2022-46']);
    await replayAll(r);
    expect((await r.verifyAudit()).ok).toBe(true);
  });

  it('removes an older version without touching the current view, and refuses unknown ones', async () => {
    const r = await reg(backend);
    await r.import([{ file: 'v1.txt', result: v1 }]);
    const [rep2] = await r.import([{ file: 'v2.txt', result: v2 }]);
    const c2 = await tableCounts(r);
    const removed = await r.removeVersion(String(rep2?.documentId), 1);
    expect(removed).toMatchObject({ currentVersion: 2, appearancesRemoved: 0, assignmentsRemoved: 0 });
    expect(await tableCounts(r)).toEqual({ ...c2, document_version: 1, extraction_warning: 1 });
    expect((await r.show('TB2022-45'))?.body).toBe('Feil tekst fra feil fil.');

    const missing = await r.removeVersion(rep2?.documentId ?? -1, 7).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(RegisterError);
    expect(missing).toMatchObject({ code: 'version_not_found' });
    expect((missing as Error).message).toMatch(/Versjoner: 2/);
    await expect(r.removeVersion('ukjent-brev', 1)).rejects.toMatchObject({ code: 'document_not_found' });
    expect(await removalEntries(r)).toHaveLength(1);
  });
});
