/** Run ingest jobs from a queue with processIngestJob and count what happened. */
import type { JobQueue } from '../../adapters/jobs/queue.js';
import { type Outcome, type RunOptions, runJobs } from '../../adapters/jobs/run-jobs.js';
import type { IngestJob } from './job.js';
import { type IngestDeps, type IngestOutcome, processIngestJob } from './process-job.js';

export interface WorkSummary {
  processed: number;
  imported: number;
  unchanged: number;
  assignments: number;
  /** Failed attempts (each is retried until the job becomes a dead letter). */
  failedAttempts: number;
}

export async function workIngest(
  deps: IngestDeps,
  queue: JobQueue<IngestJob>,
  opts: RunOptions,
  onEvent: (o: Outcome<IngestOutcome>) => void = () => {},
): Promise<WorkSummary> {
  const s: WorkSummary = { processed: 0, imported: 0, unchanged: 0, assignments: 0, failedAttempts: 0 };
  await runJobs(
    queue,
    (job) => processIngestJob(deps, job.data),
    opts,
    (o) => {
      s.processed++;
      if (!o.ok) s.failedAttempts++;
      else if (o.result.outcome === 'unchanged') s.unchanged++;
      else {
        s.imported++;
        s.assignments += o.result.assignments;
      }
      onEvent(o);
    },
  );
  return s;
}
