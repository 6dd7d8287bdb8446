/**
 * The queue for a store: pg-boss on PostgreSQL (shared by every worker process on every machine), an
 * in-process queue on the embedded database (one process owns its data folder). Retry policy from
 * STYR_INGEST_RETRIES and STYR_INGEST_RETRY_DELAY (seconds, doubled after each failure).
 */
import type { StoreTarget } from '../store/target.js';
import { MemoryQueue } from './memory-queue.js';
import { PgBossQueue } from './pgboss-queue.js';
import { DEFAULT_RETRY, type JobQueue, type RetryPolicy } from './queue.js';

export function retryFromEnv(env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  const num = (v: string | undefined, d: number) => (v !== undefined && /^\d{1,5}$/.test(v) ? Number(v) : d);
  return {
    retryLimit: num(env.STYR_INGEST_RETRIES, DEFAULT_RETRY.retryLimit),
    retryDelaySeconds: num(env.STYR_INGEST_RETRY_DELAY, DEFAULT_RETRY.retryDelaySeconds),
    backoff: true,
  };
}

export async function openQueue<T>(
  target: StoreTarget,
  name: string,
  retry: RetryPolicy = retryFromEnv(),
): Promise<JobQueue<T>> {
  if (target.kind !== 'postgres') return new MemoryQueue<T>(retry);
  return PgBossQueue.open<T>({
    connectionString: target.url,
    name,
    retry,
    ...(target.schema ? { schema: `${target.schema}_boss` } : {}),
  });
}
