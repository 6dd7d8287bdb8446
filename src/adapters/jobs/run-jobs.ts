/**
 * The worker loop shared by both queues: `concurrency` slots each claim a job, run the handler and
 * complete or fail it. Until-empty mode stops when no job is pending anywhere (not only in this
 * process: a job another worker holds may still fail and come back as a retry).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job, JobQueue } from './queue.js';

export interface RunOptions {
  concurrency: number;
  /** Stop when the queue is empty instead of waiting for new jobs. */
  untilEmpty: boolean;
  /** Stop after this many jobs in this process (`styr worker --once` = 1). */
  maxJobs?: number;
  /** How long an idle slot waits before asking again. */
  pollMs?: number;
  signal?: AbortSignal;
}

export type Outcome<R> =
  { job: Job<unknown>; ok: true; result: R } | { job: Job<unknown>; ok: false; reason: string };

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function runJobs<T, R>(
  queue: JobQueue<T>,
  handler: (job: Job<T>) => Promise<R>,
  opts: RunOptions,
  onDone: (outcome: Outcome<R>) => void = () => {},
): Promise<number> {
  let claimed = 0;
  const pollMs = opts.pollMs ?? 500;
  const slot = async () => {
    while (!opts.signal?.aborted && (opts.maxJobs === undefined || claimed < opts.maxJobs)) {
      const job = await queue.fetch();
      if (!job) {
        if (opts.untilEmpty && (await queue.pending()) === 0) return;
        await sleep(pollMs, undefined, { signal: opts.signal }).catch(() => {});
        continue;
      }
      claimed++;
      try {
        const result = await handler(job);
        await queue.complete(job);
        onDone({ job, ok: true, result });
      } catch (e) {
        const reason = reasonOf(e);
        await queue.fail(job, reason);
        onDone({ job, ok: false, reason });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, slot));
  return claimed;
}
