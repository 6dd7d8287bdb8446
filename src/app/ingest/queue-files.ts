/**
 * Queue files for ingest: each file is hashed as a stream (its bytes are not kept), and keyed by its
 * sha256, so the same bytes under two names or queued twice are one job. Files whose bytes are already
 * imported are counted and not queued.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { JobQueue } from '../../adapters/jobs/queue.js';
import { knownKeys } from '../../adapters/store/ingest-sources.js';
import type { Db } from '../../adapters/store/open.js';
import { type IngestJob, jobKey } from './job.js';

export interface QueueFilesReport {
  files: number;
  queued: number;
  /** Already imported, or already in the queue. */
  known: number;
  failures: { file: string; error: string }[];
}

async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export async function queueFiles(
  store: Db,
  queue: JobQueue<IngestJob>,
  paths: readonly string[],
  onBatch: (done: number, total: number) => void = () => {},
): Promise<QueueFilesReport> {
  const report: QueueFilesReport = { files: paths.length, queued: 0, known: 0, failures: [] };
  const BATCH = 200;
  for (let i = 0; i < paths.length; i += BATCH) {
    const jobs: { key: string; data: IngestJob; sha256: string }[] = [];
    for (const p of paths.slice(i, i + BATCH)) {
      try {
        const sha256 = await sha256Of(p);
        const job: IngestJob = { source: 'file', path: resolve(p), sha256 };
        jobs.push({ key: jobKey(job), data: job, sha256 });
      } catch (e) {
        report.failures.push({ file: p, error: e instanceof Error ? e.message : String(e) });
      }
    }
    if (jobs.length === 0) continue;
    const imported = await knownKeys(
      store.db,
      jobs.map((j) => j.key),
    );
    // Bytes imported earlier by `styr import` have no provenance row but are a document version.
    const versions = await store.db
      .selectFrom('document_version')
      .select('sha256')
      .where(
        'sha256',
        'in',
        jobs.map((j) => j.sha256),
      )
      .execute();
    const have = new Set(versions.map((v) => v.sha256));
    const fresh = jobs.filter((j) => !imported.has(j.key) && !have.has(j.sha256));
    const queued = await queue.send(fresh.map(({ key, data }) => ({ key, data })));
    report.queued += queued;
    report.known += jobs.length - queued;
    onBatch(Math.min(paths.length, i + BATCH), paths.length);
  }
  return report;
}
