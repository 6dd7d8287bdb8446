/**
 * The store contract suite runs on every backend: PGlite always, and PostgreSQL when
 * STYR_TEST_PG_URL is set. Each test gets a private schema: in one shared in-memory PGlite instance
 * per test file (a new instance costs seconds), or on the PostgreSQL server.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { sql } from 'kysely';
import { type Db, openDb, pgliteParsers } from '../../src/adapters/store/open.js';
import { TABLES_IN_ORDER } from '../../src/adapters/store/schema.js';
import { Register, type RegisterOptions } from '../../src/adapters/store/register.js';
import { afterAll, afterEach } from 'vitest';
import { INTERNAL_VIEWER } from '../../src/core/register/viewer.js';

export type BackendName = 'pglite' | 'postgres';

export const PG_URL = process.env.STYR_TEST_PG_URL;
export const BACKENDS: BackendName[] = PG_URL ? ['pglite', 'postgres'] : ['pglite'];

let shared: PGlite | undefined;
let counter = 0;

const schemas: string[] = [];

/** The PGlite instance this test file shares, and a schema name no other test in it uses. */
export function sharedPglite(): { pglite: PGlite; schema: string } {
  shared ??= new PGlite({ parsers: pgliteParsers() });
  counter++;
  return { pglite: shared, schema: `t${counter}` };
}

export async function freshDb(backend: BackendName): Promise<Db> {
  if (backend === 'pglite') return openDb({ kind: 'pglite-shared', ...sharedPglite() });
  const schema = `styr_test_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return openDb({ kind: 'postgres', url: PG_URL ?? '', schema });
}

/** Drop the per-test schemas on the PostgreSQL server. */
export async function dropTestSchemas(): Promise<void> {
  if (!PG_URL || schemas.length === 0) return;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  for (const s of schemas.splice(0)) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await c.end();
}

export const FIXED_NOW = new Date('2025-03-01T09:00:00Z');

export async function freshRegister(
  backend: BackendName,
  opts: Partial<RegisterOptions> = {},
): Promise<Register> {
  return new Register(await freshDb(backend), {
    actor: 'tester',
    clock: () => FIXED_NOW,
    viewer: INTERNAL_VIEWER,
    ...opts,
  });
}

/**
 * A fresh register per call, closed after each test; the PostgreSQL schemas are dropped after the
 * file. Call once at the top of a test file.
 */
export function registerPerTest(): (
  backend: BackendName,
  opts?: Partial<RegisterOptions>,
) => Promise<Register> {
  const open: Register[] = [];
  afterEach(async () => {
    for (const r of open.splice(0)) await r.close();
  });
  afterAll(dropTestSchemas);
  return async (backend, opts = {}) => {
    const r = await freshRegister(backend, opts);
    open.push(r);
    return r;
  };
}

/** Row counts per table (by default every table but the audit log, which every change grows). */
export async function tableCounts(
  r: Register,
  tables: readonly string[] = TABLES_IN_ORDER.filter((t) => t !== 'audit_log'),
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const res = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(r.db);
    out[t] = Number(res.rows[0]?.n);
  }
  return out;
}
