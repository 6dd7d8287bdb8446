/**
 * The in-process queue for the embedded database (PGlite): one process owns the data folder, so the
 * queue lives in that process and `styr ingest` runs it to completion. Same semantics as the pg-boss
 * queue: one job per key for the queue's lifetime, retries with backoff, dead letters with reasons.
 */
import { randomUUID } from 'node:crypto';
import {
  type DeadLetter,
  DEFAULT_RETRY,
  type Job,
  type JobQueue,
  type JobSpec,
  type QueueStats,
  type RetryPolicy,
  retryDelayMs,
} from './queue.js';

type State = 'waiting' | 'active' | 'completed' | 'failed';

interface Entry<T> {
  job: Job<T>;
  state: State;
  dueAt: number;
  reason: string;
}

export class MemoryQueue<T> implements JobQueue<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
    private readonly now: () => number = Date.now,
  ) {}

  async send(jobs: readonly JobSpec<T>[]): Promise<number> {
    let added = 0;
    for (const { key, data } of jobs) {
      if (this.entries.has(key)) continue;
      this.entries.set(key, {
        job: { id: randomUUID(), key, data, attempt: 0 },
        state: 'waiting',
        dueAt: 0,
        reason: '',
      });
      added++;
    }
    return added;
  }

  async fetch(): Promise<Job<T> | null> {
    const t = this.now();
    for (const e of this.entries.values())
      if (e.state === 'waiting' && e.dueAt <= t) {
        e.state = 'active';
        return { ...e.job };
      }
    return null;
  }

  async complete(job: Job<T>): Promise<void> {
    const e = this.entries.get(job.key);
    if (e?.state === 'active') e.state = 'completed';
  }

  async fail(job: Job<T>, reason: string): Promise<void> {
    const e = this.entries.get(job.key);
    if (e?.state !== 'active') return;
    e.reason = reason;
    if (e.job.attempt >= this.policy.retryLimit) {
      e.state = 'failed';
      return;
    }
    e.job = { ...e.job, attempt: e.job.attempt + 1 };
    e.state = 'waiting';
    e.dueAt = this.now() + retryDelayMs(this.policy, e.job.attempt);
  }

  async pending(): Promise<number> {
    const s = await this.stats();
    return s.waiting + s.active;
  }

  async stats(): Promise<QueueStats> {
    const s: QueueStats = { waiting: 0, active: 0, completed: 0, failed: 0 };
    for (const e of this.entries.values()) s[e.state]++;
    return s;
  }

  async deadLetters(): Promise<DeadLetter<T>[]> {
    return [...this.entries.values()]
      .filter((e) => e.state === 'failed')
      .map((e) => ({ key: e.job.key, data: e.job.data, reason: e.reason, attempts: e.job.attempt + 1 }));
  }

  async close(): Promise<void> {}
}
