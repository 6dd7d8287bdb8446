/**
 * Files read (or read and extracted) on worker threads, one file per worker at a time, up to the
 * number of cores. Results come back in input order; a file that fails is a failure in its place,
 * also when its worker dies (it is replaced), so one bad file never ends the run. Memory is bounded:
 * a file is only started while fewer than two per worker are waiting to be taken in order.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ReadErrorCode } from '../errors.js';
import type { ReadLimits } from '../limits.js';
import type { JobKind, JobResult } from './jobs.js';
import type { JobReply, JobRequest } from './protocol.js';
import { spawnReader } from './spawn.js';

export type FileOutcome<T> =
  { file: string; ok: true; value: T } | { file: string; ok: false; code: ReadErrorCode; message: string };

export interface PoolOptions {
  /** Worker threads at most; default the available cores. */
  workers?: number;
}

export function workerCount(files: number, options: PoolOptions = {}): number {
  return Math.max(1, Math.min(options.workers ?? availableParallelism(), files));
}

export async function* inWorkers<K extends JobKind>(
  kind: K,
  files: readonly string[],
  limits: ReadLimits,
  options: PoolOptions = {},
): AsyncGenerator<FileOutcome<JobResult[K]>> {
  const size = workerCount(files.length, options);
  const done = new Map<number, FileOutcome<JobResult[K]>>();
  const idle: Worker[] = [];
  const busy = new Map<Worker, number>();
  let started = 0;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };

  const finish = (index: number, outcome: FileOutcome<JobResult[K]>): void => {
    done.set(index, outcome);
    notify();
  };
  const failed = (index: number, err: unknown): FileOutcome<JobResult[K]> => ({
    file: files[index]!,
    ok: false,
    code: 'worker_failed',
    message: `${files[index]!}: lesingen stoppet uventet (${err instanceof Error ? err.message : String(err)}).`,
  });

  const hire = (): Worker => {
    const w = spawnReader();
    w.on('message', (reply: JobReply) => {
      const index = busy.get(w);
      if (index === undefined) return;
      busy.delete(w);
      idle.push(w);
      finish(
        index,
        reply.ok
          ? { file: files[index]!, ok: true, value: reply.value as JobResult[K] }
          : { file: files[index]!, ok: false, code: reply.code, message: reply.message },
      );
    });
    // A worker that crashes (out of memory, a bug) fails its file; a new worker takes the rest.
    const lost = (err: unknown): void => {
      const index = busy.get(w);
      busy.delete(w);
      const at = idle.indexOf(w);
      if (at >= 0) idle.splice(at, 1);
      if (index !== undefined) finish(index, failed(index, err));
    };
    w.on('error', lost);
    w.on('exit', (code) => lost(new Error(`exit ${code}`)));
    return w;
  };

  let next = 0;
  const schedule = (): void => {
    while (started < files.length && started < next + 2 * size) {
      const w = idle.pop() ?? (busy.size < size ? hire() : null);
      if (!w) return;
      busy.set(w, started);
      const req: JobRequest = { id: started, kind, file: files[started]!, limits };
      w.postMessage(req);
      started++;
    }
  };

  try {
    while (next < files.length) {
      schedule();
      const outcome = done.get(next);
      if (outcome) {
        done.delete(next);
        next++;
        yield outcome;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    const all = [...idle, ...busy.keys()];
    busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}

/** Every file's outcome, in input order. */
export async function allInWorkers<K extends JobKind>(
  kind: K,
  files: readonly string[],
  limits: ReadLimits,
  options: PoolOptions = {},
): Promise<FileOutcome<JobResult[K]>[]> {
  const out: FileOutcome<JobResult[K]>[] = [];
  for await (const outcome of inWorkers(kind, files, limits, options)) out.push(outcome);
  return out;
}
