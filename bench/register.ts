/**
 * Register benchmarks: import of all seeds into a fresh embedded database; import throughput and
 * search latency (p50/p95) on a synthetic corpus of 500 letters (~40 000 assignments) generated from
 * the seeds' extraction results; memory. Runs on PGlite, and on PostgreSQL too when STYR_BENCH_PG_URL
 * (or DATABASE_URL) is set. Targets: p95 search < 150 ms on PGlite, < 50 ms on PostgreSQL.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { StoreTarget } from '../src/adapters/store/target.js';
import { Register } from '../src/adapters/store/register.js';
import { extract } from '../src/core/extract/extract.js';
import type { Assignment, ExtractionResult } from '../src/core/model/extraction.js';
import { INTERNAL_VIEWER } from '../src/core/register/viewer.js';
import type { BenchRow } from './row.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const LETTERS = 500;
const AGENCIES = 25;
const PER_LETTER = 80;
const QUERIES = [
  'tobakk',
  'psykisk helse',
  'legemidler',
  'beredskap',
  'kommunene',
  'digitalisering',
  'alkohol',
  'vold',
  'helsepersonell',
  'rapport',
  'fastlege',
  'kreft',
  'e-helse',
  'rus',
  'barn og unge',
  'tannhelse',
  'smittevern',
  'ernæring',
  'eldre',
  'spesialisthelsetjenesten',
];

function seedResults(): ExtractionResult[] {
  return readdirSync(SEEDS)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(SEEDS, name));
      return extract({
        name,
        format: 'txt',
        rawLines: bytes.toString('utf8').split('\n'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    });
}

/** Letter i: agency i mod 25, year 2000 + i div 25; carried-over rows point at last year's IDs. */
export function syntheticCorpus(bases: readonly ExtractionResult[]): ExtractionResult[] {
  const withAssignments = bases.filter((b) => b.assignments.length > 0);
  return Array.from({ length: LETTERS }, (_, i) => {
    const base = withAssignments[i % withAssignments.length] as ExtractionResult;
    const agency = i % AGENCIES;
    const year = 2000 + Math.floor(i / AGENCIES);
    const src = Array.from(
      { length: PER_LETTER },
      (_, n) => base.assignments[n % base.assignments.length] as Assignment,
    );
    const assignments: Assignment[] = src.map((a, n) => {
      const carried = a.kind === 'carried_over' && year > 2000;
      return {
        ...a,
        id: carried ? `TB${year - 1}-${n + 1}` : `TB${year}-${n + 1}`,
        otherIds: [],
        synthetic: false,
        references: a.references.map((r, k) => ({ ...r, id: `TB${year - 1}-${((n + k) % PER_LETTER) + 1}` })),
      };
    });
    return {
      ...base,
      source: { name: `synthetic-${i}.txt`, format: 'txt' },
      document: {
        ...base.document,
        type: 'tildelingsbrev',
        year,
        date: `${year}-01-20`,
        recipient: `Virksomhet ${agency}`,
        reference: null,
        sha256: randomBytes(32).toString('hex'),
      },
      assignments,
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const opts = { actor: 'bench', clock: () => new Date('2026-03-01T09:00:00Z'), viewer: INTERNAL_VIEWER };

async function corpusRows(
  label: string,
  target: StoreTarget,
  corpus: ExtractionResult[],
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const reg = await Register.open(target, opts);
  try {
    const assignments = corpus.reduce((n, r) => n + r.assignments.length, 0);
    const batch = 25;
    const t0 = performance.now();
    for (let i = 0; i < corpus.length; i += batch)
      await reg.import(corpus.slice(i, i + batch).map((result) => ({ file: result.source.name, result })));
    const s = (performance.now() - t0) / 1000;
    rows.push({
      name: `${label}: import ${corpus.length} letters, ${assignments} assignments`,
      value: s,
      unit: 's',
    });
    rows.push({ name: `${label}: import throughput`, value: corpus.length / s, unit: 'letters/s' });
    rows.push({ name: `${label}: import throughput`, value: assignments / s, unit: 'assignments/s' });

    // Steady state: statistics as autovacuum would have them after a bulk load.
    await sql`analyze`.execute(reg.db);
    for (const q of QUERIES.slice(0, 5)) await reg.search(q); // warm caches
    const times: number[] = [];
    const slow: [number, string][] = [];
    for (let round = 0; round < 5; round++)
      for (const [k, q] of QUERIES.entries()) {
        const filter = k % 4 === 1 ? { year: 2010 + (round % 10) } : k % 4 === 2 ? { department: 'FHA' } : {};
        const start = performance.now();
        await reg.search(q, filter);
        times.push(performance.now() - start);
        slow.push([performance.now() - start, `${q} ${JSON.stringify(filter)}`]);
      }
    times.sort((a, b) => a - b);
    rows.push({
      name: `${label}: search p50 (${times.length} queries)`,
      value: percentile(times, 50),
      unit: 'ms',
    });
    rows.push({ name: `${label}: search p95`, value: percentile(times, 95), unit: 'ms' });
    if (process.env.STYR_BENCH_VERBOSE)
      console.log(
        slow
          .sort((x, y) => y[0] - x[0])
          .slice(0, 8)
          .map(([t, q]) => `${t.toFixed(0)}ms ${q}`),
      );
    const start = performance.now();
    const list = await reg.assignments({ year: 2010 });
    rows.push({
      name: `${label}: list assignments of one year (${list.length})`,
      value: performance.now() - start,
      unit: 'ms',
    });
  } finally {
    await reg.close();
  }
  return rows;
}

export async function benchRegister(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const rssBefore = process.memoryUsage().rss;
  const seeds = seedResults();
  const dir = mkdtempSync(join(tmpdir(), 'styr-bench-'));
  try {
    if (!process.env.STYR_BENCH_PG_ONLY) rows.push(...(await pgliteRows(seeds, dir, rssBefore)));
    const pgUrl = process.env.STYR_BENCH_PG_URL ?? process.env.DATABASE_URL;
    if (pgUrl) {
      const schema = `styr_bench_${randomBytes(4).toString('hex')}`;
      const fresh = syntheticCorpus(seeds);
      rows.push(...(await corpusRows('PostgreSQL', { kind: 'postgres', url: pgUrl, schema }, fresh)));
      const pg = await import('pg');
      const c = new pg.default.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP SCHEMA "${schema}" CASCADE`);
      await c.end();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

async function pgliteRows(seeds: ExtractionResult[], dir: string, rssBefore: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  {
    let t0 = performance.now();
    const reg = await Register.open({ kind: 'pglite', dataDir: join(dir, 'seeds') }, opts);
    rows.push({
      name: 'PGlite: open fresh data dir (initdb + migrations)',
      value: (performance.now() - t0) / 1000,
      unit: 's',
    });
    t0 = performance.now();
    await reg.import(seeds.map((result) => ({ file: result.source.name, result })));
    const n = seeds.reduce((k, r) => k + r.assignments.length, 0);
    rows.push({
      name: `PGlite: import all ${seeds.length} seeds (${n} assignments)`,
      value: (performance.now() - t0) / 1000,
      unit: 's',
    });
    await reg.close();

    const corpus = syntheticCorpus(seeds);
    rows.push(...(await corpusRows('PGlite', { kind: 'pglite', dataDir: join(dir, 'corpus') }, corpus)));
    rows.push({
      name: 'PGlite: process RSS growth',
      value: (process.memoryUsage().rss - rssBefore) / 2 ** 20,
      unit: 'MiB',
    });
    rows.push({ name: 'process peak RSS', value: process.resourceUsage().maxRSS / 1024, unit: 'MiB' });
  }
  return rows;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const r of await benchRegister())
    console.log(`${r.name.padEnd(64)} ${r.value.toFixed(2).padStart(10)} ${r.unit}`);
}
