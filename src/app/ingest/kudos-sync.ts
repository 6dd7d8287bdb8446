/**
 * Incremental Kudos sync: page through a query newest first and queue every document not yet
 * imported. The page reached is checkpointed after each page, so an interrupted sync resumes there.
 * After a finished pass, the next one starts from the newest page and stops at the first page that
 * brings nothing new (every uuid imported or already queued). Documents published while a pass runs
 * shift the pages; queueing is idempotent, and the next pass picks up whatever shifted past.
 */
import type { KudosClient, KudosQuery } from '../../adapters/kudos/client.js';
import type { JobQueue } from '../../adapters/jobs/queue.js';
import { knownKudosUuids } from '../../adapters/store/ingest-sources.js';
import { readCheckpoint, writeCheckpoint } from '../../adapters/store/kudos-checkpoint.js';
import type { Db } from '../../adapters/store/open.js';
import type { Clock } from '../../core/register/viewer.js';
import { type IngestJob, jobKey } from './job.js';

export interface SyncReport {
  pages: number;
  seen: number;
  queued: number;
  known: number;
  /** Why the pass ended. */
  stop: 'last_page' | 'known_page';
  resumedAt: number | null;
}

/** The checkpoint's key: the query in a fixed field order. */
export function queryKey(q: KudosQuery): string {
  return JSON.stringify([q.type ?? null, q.ministry ?? null, q.from ?? null, q.to ?? null]);
}

export async function syncKudos(
  deps: { store: Db; clock: Clock; kudos: KudosClient },
  queue: JobQueue<IngestJob>,
  query: KudosQuery,
  onPage: (page: number, lastPage: number, queued: number) => void = () => {},
): Promise<SyncReport> {
  const db = deps.store.db;
  const key = queryKey(query);
  const cp = await readCheckpoint(db, key);
  const incremental = cp?.done === true;
  const resumedAt = cp && !cp.done ? cp.nextPage : null;
  let page = resumedAt ?? 1;
  const report: SyncReport = { pages: 0, seen: 0, queued: 0, known: 0, stop: 'last_page', resumedAt };
  for (;;) {
    const p = await deps.kudos.listDocuments(query, page);
    report.pages++;
    report.seen += p.data.length;
    const imported = await knownKudosUuids(
      db,
      p.data.map((d) => d.uuid),
    );
    const fresh = p.data.filter((d) => !imported.has(d.uuid));
    const jobs = fresh.map((d) => {
      const job: IngestJob = { source: 'kudos', uuid: d.uuid };
      return { key: jobKey(job), data: job };
    });
    const queued = await queue.send(jobs);
    report.queued += queued;
    report.known += p.data.length - queued;
    onPage(page, p.meta.last_page, queued);
    const last = page >= p.meta.last_page || p.data.length === 0;
    await writeCheckpoint(db, key, { nextPage: last ? 1 : page + 1, done: last }, deps.clock().toISOString());
    if (last) return report;
    if (incremental && queued === 0) {
      await writeCheckpoint(db, key, { nextPage: 1, done: true }, deps.clock().toISOString());
      return { ...report, stop: 'known_page' };
    }
    page++;
  }
}
