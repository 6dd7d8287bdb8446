/**
 * Ingest benchmarks (issue 11): whole synthetic letters (bench/synthetic-letters.ts) written as files,
 * queued with `styr ingest`'s queueFiles and imported through reading and extraction.
 * - PGlite: in process, STYR_BENCH_INGEST_PGLITE letters (default 200), letters/s and peak RSS.
 * - PostgreSQL (STYR_BENCH_PG_URL or DATABASE_URL): STYR_BENCH_INGEST_LETTERS letters (default 5000)
 *   into a fresh database each, with 1 and with 2 `styr worker` processes (dist/, so `npm run build`
 *   first); letters/s, the scaling ratio, each worker's peak RSS; then search and assignment-list
 *   p95 on the register of that size.
 * Targets: ≥ 20 letters/s on PostgreSQL, ≥ 10 on PGlite, peak < 600 MB, p95 < 50 ms.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { MemoryQueue } from '../src/adapters/jobs/memory-queue.js';
import { DEFAULT_LIMITS } from '../src/adapters/readers/limits.js';
import { openDb } from '../src/adapters/store/open.js';
import { Register } from '../src/adapters/store/register.js';
import { INGEST_QUEUE, type IngestJob } from '../src/app/ingest/job.js';
import { queueFiles } from '../src/app/ingest/queue-files.js';
import { workIngest } from '../src/app/ingest/work.js';
import { localPrincipal, systemPrincipal } from '../src/app/principal.js';
import { runUseCase } from '../src/app/app.js';
import { PgBossQueue } from '../src/adapters/jobs/pgboss-queue.js';
import { INTERNAL_VIEWER } from '../src/core/register/viewer.js';
import type { BenchRow } from './row.js';
import { summarise } from './sample.js';
import { agenciesFor, syntheticLetter } from './synthetic-letters.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'styr.js');
const CLOCK = () => new Date('2026-03-01T09:00:00Z');
const QUERIES = [
  'tilskuddsordningen',
  'psykisk helse',
  'beredskapsplan',
  'kommunene',
  'digitalisere',
  'tobakk',
];

/** Write letters 0..n-1 as files, one at a time (never all texts in memory). */
function writeLetters(dir: string, n: number): { files: string[]; assignments: number } {
  mkdirSync(dir, { recursive: true });
  const agencies = agenciesFor(n);
  const files: string[] = [];
  let assignments = 0;
  for (let i = 0; i < n; i++) {
    const l = syntheticLetter(i, agencies);
    const f = join(dir, l.name);
    writeFileSync(f, l.text);
    files.push(f);
    assignments += l.assignments;
  }
  return { files, assignments };
}

/** Peak resident memory of a process (VmHWM), read while it runs. */
function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function pgliteRows(dir: string, n: number): Promise<BenchRow[]> {
  const { files, assignments } = writeLetters(dir, n);
  const store = await openDb({ kind: 'pglite', dataDir: join(dir, 'pglite') });
  try {
    const q = new MemoryQueue<IngestJob>({ retryLimit: 0, retryDelaySeconds: 0, backoff: false });
    const t0 = performance.now();
    await queueFiles(store, q, files);
    const deps = { store, clock: CLOCK, principal: systemPrincipal('bench'), limits: DEFAULT_LIMITS };
    const w = await workIngest(deps, q, { concurrency: 1, untilEmpty: true, pollMs: 5 });
    const s = (performance.now() - t0) / 1000;
    if (w.imported !== n) throw new Error(`PGlite: ${w.imported} of ${n} imported`);
    return [
      { name: `PGlite in process: ${n} letters, ${assignments} assignments`, value: s, unit: 's' },
      { name: 'PGlite in process: ingest throughput', value: n / s, unit: 'letters/s', target: '≥ 10' },
      {
        name: 'PGlite in process: peak RSS (bench process)',
        value: process.resourceUsage().maxRSS / 1024,
        unit: 'MiB',
        target: '< 600',
      },
    ];
  } finally {
    await store.close();
  }
}

async function withDatabase<T>(baseUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `styr_ingest_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

/** Run `workers` worker processes until the queue is empty; wall time and each one's peak RSS. */
async function runWorkers(url: string, workers: number): Promise<{ seconds: number; peakMiB: number }> {
  const t0 = performance.now();
  let peak = 0;
  await Promise.all(
    Array.from({ length: workers }, () => {
      const child = spawn(process.execPath, [BIN, 'worker', '--until-empty'], {
        env: { ...process.env, DATABASE_URL: url, STYR_INGEST_RETRIES: '0' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const timer = setInterval(() => (peak = Math.max(peak, peakRss(child.pid ?? 0))), 500);
      return new Promise<void>((ok, fail) =>
        child.on('exit', (code) => {
          clearInterval(timer);
          if (code === 0) ok();
          else fail(new Error(`styr worker avsluttet med ${code}`));
        }),
      );
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, peakMiB: peak };
}

async function pgRun(baseUrl: string, files: string[], workers: number, measureQueries: boolean) {
  return withDatabase(baseUrl, async (url) => {
    const store = await openDb({ kind: 'postgres', url });
    const queue = await PgBossQueue.open<IngestJob>({ connectionString: url, name: INGEST_QUEUE });
    const tq = performance.now();
    await queueFiles(store, queue, files);
    const queueSeconds = (performance.now() - tq) / 1000;
    await queue.close();
    await store.close();
    const run = await runWorkers(url, workers);
    const reg = await Register.open(
      { kind: 'postgres', url },
      { actor: 'bench', clock: CLOCK, viewer: INTERNAL_VIEWER },
    );
    try {
      const imported = await reg.db
        .selectFrom('ingest_source')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      if (Number(imported.n) !== files.length) throw new Error(`${imported.n} av ${files.length} importert`);
      const rows = {
        ...run,
        queueSeconds,
        search: null as null | ReturnType<typeof summarise>,
        list: null as null | ReturnType<typeof summarise>,
        assignments: 0,
      };
      if (!measureQueries) return rows;
      await sql`analyze`.execute(reg.db);
      const deps = { store: reg.store, clock: CLOCK };
      const principal = localPrincipal('bench');
      const a = await reg.db
        .selectFrom('assignment')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      rows.assignments = Number(a.n);
      const search: number[] = [];
      const list: number[] = [];
      for (let round = 0; round < 6; round++)
        for (const [k, q] of QUERIES.entries()) {
          let t = performance.now();
          await runUseCase(deps, principal, 'search', { q, ...(k % 2 === 0 ? {} : { year: 2015 + round }) });
          search.push(performance.now() - t);
          t = performance.now();
          await runUseCase(deps, principal, 'listAssignments', {
            year: 2014 + ((round + k) % 13),
            limit: 50,
          });
          list.push(performance.now() - t);
        }
      const p95 = (xs: number[]) => summarise([xs.sort((x, y) => x - y)[Math.floor(0.95 * xs.length)]!]);
      rows.search = p95(search.slice(QUERIES.length));
      rows.list = p95(list.slice(QUERIES.length));
      return rows;
    } finally {
      await reg.close();
    }
  });
}

export async function benchIngest(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'styr-ingest-bench-'));
  try {
    const small = Number(process.env.STYR_BENCH_INGEST_PGLITE ?? 200);
    if (small > 0) rows.push(...(await pgliteRows(join(dir, 'pglite-letters'), small)));
    const pgUrl = process.env.STYR_BENCH_PG_URL ?? process.env.DATABASE_URL;
    if (!pgUrl) return rows;
    const n = Number(process.env.STYR_BENCH_INGEST_LETTERS ?? 5000);
    const letters = join(dir, 'letters');
    const { files, assignments } = writeLetters(letters, n);
    const one = await pgRun(pgUrl, files, 1, false);
    const two = await pgRun(pgUrl, files, 2, true);
    const r1 = n / one.seconds;
    const r2 = n / two.seconds;
    rows.push(
      {
        name: `PostgreSQL: ${n} letters (${assignments} assignments) queued`,
        value: one.queueSeconds,
        unit: 's',
      },
      { name: 'PostgreSQL, 1 worker: ingest', value: one.seconds, unit: 's' },
      { name: 'PostgreSQL, 1 worker: throughput', value: r1, unit: 'letters/s', target: '≥ 20' },
      { name: 'PostgreSQL, 1 worker: per-document cost', value: (1000 * one.seconds) / n, unit: 'ms' },
      { name: 'PostgreSQL, 1 worker: worker peak RSS', value: one.peakMiB, unit: 'MiB', target: '< 600' },
      { name: 'PostgreSQL, 2 workers: ingest', value: two.seconds, unit: 's' },
      {
        name: 'PostgreSQL, 2 workers: throughput',
        value: r2,
        unit: 'letters/s',
        ratio: r2 / r1,
        baseline: { name: '1 worker', value: r1 },
      },
      {
        name: 'PostgreSQL, 2 workers: largest worker peak RSS',
        value: two.peakMiB,
        unit: 'MiB',
        target: '< 600',
      },
    );
    if (two.search && two.list)
      rows.push(
        {
          name: `PostgreSQL at ${n} letters (${two.assignments} assignments): search p95`,
          value: two.search.median,
          unit: 'ms',
          target: '< 50',
        },
        {
          name: `PostgreSQL at ${n} letters: assignment list page p95`,
          value: two.list.median,
          unit: 'ms',
          target: '< 50',
        },
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const r of await benchIngest())
    console.log(
      `${r.name.padEnd(70)} ${r.value.toFixed(2).padStart(10)} ${r.unit}${r.ratio ? ` (ratio ${r.ratio.toFixed(2)}×)` : ''}`,
    );
}
