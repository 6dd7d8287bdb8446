/** The pg-boss queue against a real PostgreSQL server (STYR_TEST_PG_URL; run by .ci/postgres.sh). */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../src/adapters/jobs/job-id.js';
import { PgBossQueue } from '../../src/adapters/jobs/pgboss-queue.js';
import type { JobQueue } from '../../src/adapters/jobs/queue.js';
import { queueContract } from './queue-contract.js';

const URL = process.env.STYR_TEST_PG_URL;

describe.skipIf(!URL)('PgBossQueue (PostgreSQL)', () => {
  const open: JobQueue<{ n: number }>[] = [];
  const schemas: string[] = [];
  afterAll(async () => {
    for (const q of open) await q.close();
    const c = new pg.Client({ connectionString: URL });
    await c.connect();
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await c.end();
  });

  queueContract(async () => {
    const schema = `boss_${randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    const q = await PgBossQueue.open<{ n: number }>({
      connectionString: URL ?? '',
      name: 'styr.ingest',
      schema,
      retry: { retryLimit: 2, retryDelaySeconds: 0, backoff: false },
    });
    open.push(q);
    return q;
  });
});

describe('jobIdFor', () => {
  it('is a stable UUID per key', () => {
    expect(jobIdFor('kudos:abc')).toBe(jobIdFor('kudos:abc'));
    expect(jobIdFor('kudos:abc')).not.toBe(jobIdFor('kudos:abd'));
    expect(jobIdFor('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
