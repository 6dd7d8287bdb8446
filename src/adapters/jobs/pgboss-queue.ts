/**
 * The ingest queue on PostgreSQL, on pg-boss: jobs live in the database, so any number of `styr worker`
 * processes on any number of machines share them (pg-boss claims a job with SKIP LOCKED, so each runs
 * in one worker). The job id is derived from the document key (job-id.ts): a second send of a key is
 * refused by the job table's primary key. A worker that dies mid-job leaves an active job that pg-boss
 * expires and retries.
 */
import PgBoss from 'pg-boss';
import { z } from 'zod';
import { jobIdFor } from './job-id.js';
import {
  type DeadLetter,
  DEFAULT_RETRY,
  type Job,
  type JobQueue,
  type JobSpec,
  type QueueStats,
  type RetryPolicy,
} from './queue.js';

export interface PgBossQueueOptions {
  connectionString: string;
  /** The queue's name; its dead letters go to `<name>.dead`. */
  name: string;
  /** pg-boss's own schema (default pgboss); tests use one each. */
  schema?: string;
  retry?: RetryPolicy;
  /** How long a job may run before pg-boss takes it back from a worker that went quiet. */
  expireInSeconds?: number;
}

const Envelope = z.object({ key: z.string(), data: z.unknown() });
const StateCount = z.object({ state: z.string(), n: z.coerce.number() });
const Failed = z.object({ data: Envelope, output: z.unknown(), retry_count: z.coerce.number() });

function reasonOf(output: unknown): string {
  const r = z.object({ reason: z.string() }).safeParse(output);
  if (r.success) return r.data.reason;
  const m = z.object({ message: z.string() }).safeParse(output);
  return m.success ? m.data.message : 'ukjent feil';
}

export class PgBossQueue<T> implements JobQueue<T> {
  private constructor(
    private readonly boss: PgBoss,
    private readonly name: string,
    private readonly schema: string,
  ) {}

  static async open<T>(o: PgBossQueueOptions): Promise<PgBossQueue<T>> {
    const schema = o.schema ?? 'pgboss';
    // Workers do not run pg-boss's cron scheduler; maintenance (expiry, archiving) runs in each.
    const boss = new PgBoss({ connectionString: o.connectionString, schema, schedule: false, max: 4 });
    boss.on('error', () => {
      // Maintenance errors (a connection reset) are retried by pg-boss; job errors reach fail().
    });
    await boss.start();
    const retry = o.retry ?? DEFAULT_RETRY;
    const dead = `${o.name}.dead`;
    const options = {
      retryLimit: retry.retryLimit,
      retryDelay: retry.retryDelaySeconds,
      retryBackoff: retry.backoff,
      expireInSeconds: o.expireInSeconds ?? 15 * 60,
    };
    if (!(await boss.getQueue(dead))) await boss.createQueue(dead, { name: dead, policy: 'standard' });
    if (!(await boss.getQueue(o.name)))
      await boss.createQueue(o.name, { name: o.name, policy: 'standard', deadLetter: dead, ...options });
    else await boss.updateQueue(o.name, { name: o.name, deadLetter: dead, ...options });
    return new PgBossQueue<T>(boss, o.name, schema);
  }

  async send(jobs: readonly JobSpec<T>[]): Promise<number> {
    let added = 0;
    for (const { key, data } of jobs) {
      const id = await this.boss.send(this.name, { key, data }, { id: jobIdFor(key) });
      if (id !== null) added++;
    }
    return added;
  }

  async fetch(): Promise<Job<T> | null> {
    const [job] = await this.boss.fetch<unknown>(this.name, { batchSize: 1, includeMetadata: true });
    if (!job) return null;
    const env = Envelope.parse(job.data);
    // The payload was written by send() above with a T; the envelope check guards the shape around it.
    return { id: job.id, key: env.key, data: env.data as T, attempt: job.retryCount };
  }

  complete(job: Job<T>): Promise<void> {
    return this.boss.complete(this.name, job.id);
  }

  fail(job: Job<T>, reason: string): Promise<void> {
    return this.boss.fail(this.name, job.id, { reason });
  }

  pending(): Promise<number> {
    return this.boss.getQueueSize(this.name, { before: 'completed' });
  }

  async stats(): Promise<QueueStats> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT state::text AS state, count(*) AS n FROM ${this.quoted()}.job WHERE name = $1 GROUP BY state
         UNION ALL SELECT state::text, count(*) FROM ${this.quoted()}.archive WHERE name = $1 GROUP BY state`,
      [this.name],
    );
    const s: QueueStats = { waiting: 0, active: 0, completed: 0, failed: 0 };
    for (const row of z.array(StateCount).parse(rows)) {
      if (row.state === 'created' || row.state === 'retry') s.waiting += row.n;
      else if (row.state === 'active') s.active += row.n;
      else if (row.state === 'completed') s.completed += row.n;
      else if (row.state === 'failed') s.failed += row.n;
    }
    return s;
  }

  async deadLetters(): Promise<DeadLetter<T>[]> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT data, output, retry_count FROM ${this.quoted()}.job WHERE name = $1 AND state = 'failed'
       UNION ALL SELECT data, output, retry_count FROM ${this.quoted()}.archive
         WHERE name = $1 AND state = 'failed'`,
      [this.name],
    );
    return z
      .array(Failed)
      .parse(rows)
      .map((r) => ({
        key: r.data.key,
        data: r.data.data as T,
        reason: reasonOf(r.output),
        attempts: r.retry_count + 1,
      }));
  }

  close(): Promise<void> {
    return this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  private quoted(): string {
    return `"${this.schema.replace(/"/g, '""')}"`;
  }
}
