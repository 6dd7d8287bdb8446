/**
 * A work queue of documents to ingest, one job per document key (a Kudos uuid or a file's sha256):
 * sending a key that is already queued, running or finished is a no-op. A failing job is retried with
 * backoff and, after its last attempt, kept as a dead letter with its reason. Two implementations share
 * this contract (test/jobs/queue-contract.ts): pg-boss on PostgreSQL, shared by any number of worker
 * processes, and an in-process queue for the embedded database.
 */
export interface JobSpec<T> {
  key: string;
  data: T;
}

export interface Job<T> {
  id: string;
  key: string;
  data: T;
  /** 0 on the first attempt. */
  attempt: number;
}

export interface RetryPolicy {
  /** Attempts after the first one. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Double the delay after each failure. */
  backoff: boolean;
}

export const DEFAULT_RETRY: RetryPolicy = { retryLimit: 3, retryDelaySeconds: 5, backoff: true };

export interface QueueStats {
  /** Waiting, or waiting for a retry. */
  waiting: number;
  active: number;
  completed: number;
  /** Dead letters: failed on every attempt. */
  failed: number;
}

export interface DeadLetter<T> {
  key: string;
  data: T;
  reason: string;
  attempts: number;
}

export interface JobQueue<T> {
  /** Queue jobs; returns how many were new (a known key is skipped). */
  send(jobs: readonly JobSpec<T>[]): Promise<number>;
  /** Claim the next job that is due, or null. */
  fetch(): Promise<Job<T> | null>;
  complete(job: Job<T>): Promise<void>;
  /** Schedule a retry, or make the job a dead letter when it has no attempts left. */
  fail(job: Job<T>, reason: string): Promise<void>;
  /** Jobs not finished anywhere: waiting, waiting for a retry, or running in some worker. */
  pending(): Promise<number>;
  stats(): Promise<QueueStats>;
  deadLetters(): Promise<DeadLetter<T>[]>;
  close(): Promise<void>;
}

/** Delay before retry number `attempt` (1-based) under a policy, in milliseconds. */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  const factor = policy.backoff ? 2 ** Math.max(0, attempt - 1) : 1;
  return policy.retryDelaySeconds * 1000 * factor;
}
