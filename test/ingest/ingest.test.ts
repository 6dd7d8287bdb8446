/**
 * Ingest end to end on the embedded database (and PostgreSQL when STYR_TEST_PG_URL is set), with the
 * in-process queue: files and Kudos documents are imported once, with provenance, as system:ingest;
 * Kudos actors become organisations by number; an interrupted sync resumes; failures become dead
 * letters with reasons.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryQueue } from '../../src/adapters/jobs/memory-queue.js';
import { KudosClient } from '../../src/adapters/kudos/client.js';
import { DEFAULT_LIMITS } from '../../src/adapters/readers/limits.js';
import { readCheckpoint } from '../../src/adapters/store/kudos-checkpoint.js';
import type { Db } from '../../src/adapters/store/open.js';
import type { IngestJob } from '../../src/app/ingest/job.js';
import { queryKey, syncKudos } from '../../src/app/ingest/kudos-sync.js';
import { queueFiles } from '../../src/app/ingest/queue-files.js';
import { workIngest } from '../../src/app/ingest/work.js';
import { localPrincipal, systemPrincipal } from '../../src/app/principal.js';
import { BACKENDS, dropTestSchemas, FIXED_NOW, freshDb } from '../store/harness.js';
import { type KudosStub, startKudosStub, stubDocs } from '../support/kudos-stub.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const queue = () => new MemoryQueue<IngestJob>({ retryLimit: 2, retryDelaySeconds: 0, backoff: false });
const run = { concurrency: 2, untilEmpty: true, pollMs: 5 };

let stub: KudosStub;
const open: Db[] = [];
// Each test migrates a fresh schema in the file's shared PGlite; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 180_000 });
beforeAll(async () => {
  stub = await startKudosStub(stubDocs(60));
  await (await freshDb(BACKENDS[0]!)).close();
}, 180_000);
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
  stub.faults.length = 0;
});
afterAll(async () => {
  await stub.close();
  await dropTestSchemas();
});

async function setup(backend: (typeof BACKENDS)[number]) {
  const store = await freshDb(backend);
  open.push(store);
  const kudos = new KudosClient({
    baseUrl: stub.url,
    intervalMs: 0,
    timeoutMs: 20_000,
    retries: 1,
    backoffMs: 5,
  });
  const deps = {
    store,
    clock: () => FIXED_NOW,
    principal: systemPrincipal('ingest'),
    limits: DEFAULT_LIMITS,
    kudos,
  };
  return { store, deps };
}

describe.each(BACKENDS)('ingest (%s)', (backend) => {
  it('imports a folder once, as system:ingest, with provenance; an unreadable file is a dead letter', async () => {
    const { store, deps } = await setup(backend);
    const dir = mkdtempSync(join(tmpdir(), 'styr-ingest-'));
    writeFileSync(join(dir, 'tom.txt'), '');
    const files = [
      join(EXAMPLES, 'tildelingsbrev-2026-friluftsdirektoratet.txt'),
      join(EXAMPLES, 'tillegg-1-2026-friluftsdirektoratet.html'),
      join(dir, 'tom.txt'),
    ];
    const q = queue();
    const queued = await queueFiles(store, q, [...files, files[0]!]);
    expect(queued).toMatchObject({ files: 4, queued: 3, known: 1 });
    const w = await workIngest(deps, q, run);
    expect(w).toMatchObject({ imported: 2, unchanged: 0, failedAttempts: 3 });
    const dead = await q.deadLetters();
    expect(dead).toHaveLength(1);
    expect(dead[0]?.reason).toMatch(/tom/i);
    expect(dead[0]?.attempts).toBe(3);

    const sources = await store.db.selectFrom('ingest_source').selectAll().orderBy('key').execute();
    expect(sources).toHaveLength(2);
    expect(sources.every((s) => s.kind === 'file' && s.source_url?.startsWith('file://'))).toBe(true);
    expect(sources.every((s) => s.imported_by === 'system:ingest' && s.document_id !== null)).toBe(true);
    const actors = await store.db
      .selectFrom('audit_log')
      .select('actor')
      .where('action', '=', 'import')
      .execute();
    expect(actors.map((a) => a.actor)).toEqual(['system:ingest', 'system:ingest']);

    // Again, in a new run: nothing is queued, nothing duplicated.
    const again = await queueFiles(store, queue(), files.slice(0, 2));
    expect(again).toMatchObject({ queued: 0, known: 2 });
    const versions = await store.db.selectFrom('document_version').select('id').execute();
    expect(versions).toHaveLength(2);
  });

  it('syncs Kudos newest first, maps actors to organisations by number, then syncs incrementally', async () => {
    const { store, deps } = await setup(backend);
    const q = queue();
    const first = await syncKudos(deps, q, { type: 'Tildelingsbrev' });
    expect(first).toMatchObject({ pages: 2, queued: 60, stop: 'last_page', resumedAt: null });
    const reasons: string[] = [];
    const w = await workIngest(deps, q, run, (o) => void (o.ok || reasons.push(o.reason)));
    expect(reasons).toEqual([]);
    expect(w).toMatchObject({ imported: 60, failedAttempts: 0 });
    expect(w.assignments).toBeGreaterThan(60 * 4);

    const src = await store.db
      .selectFrom('ingest_source')
      .selectAll()
      .where('kudos_uuid', '=', '00000000-0000-4000-8000-000000000003')
      .executeTakeFirstOrThrow();
    expect(src).toMatchObject({ kind: 'kudos', kudos_type: 'Tildelingsbrev', published: '2014-01-04' });
    expect(src.source_url).toBe(`${stub.url}/documents/00000000-0000-4000-8000-000000000003`);
    expect(src.kudos_file_sha256).toMatch(/^[0-9a-f]{64}$/);

    const doc3 = stub.docs[3]!.meta as unknown as { recipients: { name: string; org_number: string }[] };
    const org = await store.db
      .selectFrom('organisation')
      .selectAll()
      .where('org_number', '=', doc3.recipients[0]!.org_number)
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: doc3.recipients[0]!.name, side: 'virksomhet' });
    expect(org.agency_id).not.toBeNull();
    const ministries = await store.db
      .selectFrom('organisation')
      .select('id')
      .where('side', '=', 'departement')
      .execute();
    expect(ministries.length).toBeGreaterThan(0);

    // One new document: the next pass queues it; a pass with nothing new stops at the newest page.
    const extra = stubDocs(61)[60]!;
    stub.docs.push({ ...extra, meta: { ...extra.meta, publish_date: '2030-01-01T00:00:00Z' } });
    const next = await syncKudos(deps, q, { type: 'Tildelingsbrev' });
    expect(next).toMatchObject({ pages: 2, queued: 1, known: 60 });
    await workIngest(deps, q, run);
    const third = await syncKudos(deps, q, { type: 'Tildelingsbrev' });
    expect(third).toMatchObject({ pages: 1, queued: 0, stop: 'known_page' });
    stub.docs.splice(60);
  });

  it('resumes an interrupted sync at its checkpoint', async () => {
    const { store, deps } = await setup(backend);
    stub.faults.push({ match: /[?&]page=2/, kind: '500', times: 5 });
    const q = queue();
    await expect(syncKudos(deps, q, { type: 'Tildelingsbrev' })).rejects.toThrow(/500/);
    expect(await readCheckpoint(store.db, queryKey({ type: 'Tildelingsbrev' }))).toEqual({
      nextPage: 2,
      done: false,
    });
    stub.faults.length = 0;
    const resumed = await syncKudos(deps, q, { type: 'Tildelingsbrev' });
    expect(resumed).toMatchObject({ resumedAt: 2, pages: 1, queued: 10 });
    expect((await q.stats()).waiting).toBe(60);
  });

  it('retries a Kudos document that fails, and sets one that keeps failing aside with its reason', async () => {
    const { store, deps } = await setup(backend);
    const q = queue();
    const job = (n: number): Extract<IngestJob, { source: 'kudos' }> => ({
      source: 'kudos',
      uuid: `00000000-0000-4000-8000-0000000000${n}`,
    });
    await q.send([10, 11].map((n) => ({ key: `kudos:${job(n).uuid}`, data: job(n) })));
    stub.faults.push(
      { match: /000000000010$/, kind: 'reset', times: 2 },
      { match: /000000000011\/contents$/, kind: 'garbage', times: 99 },
    );
    const w = await workIngest(deps, q, { ...run, concurrency: 1 });
    expect(w).toMatchObject({ imported: 1 });
    const dead = await q.deadLetters();
    expect(dead.map((d) => d.key)).toEqual([`kudos:${job(11).uuid}`]);
    expect(dead[0]?.reason).toMatch(/Uventet svar fra Kudos/);
    expect(await store.db.selectFrom('ingest_source').select('key').execute()).toHaveLength(1);
  });

  it('refuses a principal without the import role', async () => {
    const { deps } = await setup(backend);
    const q = queue();
    await q.send([
      { key: 'kudos:x', data: { source: 'kudos', uuid: '00000000-0000-4000-8000-000000000001' } },
    ]);
    const reader = { ...localPrincipal('les'), kind: 'user' as const, roles: ['leser' as const] };
    await workIngest({ ...deps, principal: reader }, q, run);
    expect((await q.deadLetters())[0]?.reason).toMatch(/tilgang/);
  });
});
