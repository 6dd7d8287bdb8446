/**
 * Open the register: embedded PGlite by default, PostgreSQL when a URL is given. Both sit behind
 * Kysely's PostgresDialect, share one schema and one set of migrations, and are migrated on open.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate } from './migrations.js';
import { PGlitePool } from './pglite-pool.js';
import type { Database } from './schema.js';
import type { StoreTarget } from './target.js';

export type Backend = 'pglite' | 'postgres';

export interface Db {
  readonly db: Kysely<Database>;
  readonly backend: Backend;
  /** The PGlite instance when embedded (for dumps in tests); undefined on PostgreSQL. */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

// Identical JS values on both backends: dates stay calendar dates (no timezone shift), timestamps are
// ISO strings, bigint amounts are numbers (kroner fit well inside 2^53).
const OID = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184 } as const;
const toIso = (v: string) => new Date(v.includes('T') || /[+-]\d\d$/.test(v) ? v : `${v}Z`).toISOString();
const PARSERS: Record<number, (v: string) => unknown> = {
  [OID.int8]: (v) => Number(v),
  [OID.numeric]: (v) => Number(v),
  [OID.date]: (v) => v,
  [OID.timestamp]: toIso,
  [OID.timestamptz]: (v) => new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString(),
};

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Parsers for a PGlite instance created outside openDb (shared test instances). */
export function pgliteParsers(): Record<number, (v: string) => unknown> {
  return { ...PARSERS };
}

export async function openDb(target: StoreTarget): Promise<Db> {
  let db: Kysely<Database>;
  let pglite: PGlite | undefined;
  if (target.kind === 'pglite-shared') {
    pglite = target.pglite;
    await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(target.schema)}`);
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new PGlitePool(pglite, target.schema, false) }),
    });
  } else if (target.kind === 'pglite') {
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    const parsers = pgliteParsers();
    pglite = new PGlite({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
      parsers,
    });
    await pglite.waitReady;
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) }) });
  } else {
    const types = {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        const f = PARSERS[oid];
        if (f && format !== 'binary') return f;
        return format === 'binary'
          ? pg.types.getTypeParser(oid, 'binary')
          : pg.types.getTypeParser(oid, 'text');
      }) as pg.CustomTypesConfig['getTypeParser'],
    };
    const options = target.schema ? { options: `-c search_path=${target.schema}` } : {};
    if (target.schema) {
      const setup = new pg.Client({ connectionString: target.url });
      await setup.connect();
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(target.schema)}`);
      await setup.end();
    }
    const pool = new pg.Pool({ connectionString: target.url, max: 4, types, ...options });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  try {
    await migrate(db, 'schema' in target ? target.schema : undefined);
  } catch (e) {
    // A failed migration (a data folder from a newer styr, a server refusing DDL) must not leave the
    // embedded database open: PGlite keeps the process alive and the folder locked.
    await db.destroy().catch(() => {});
    throw e;
  }
  return {
    db,
    backend: target.kind === 'postgres' ? 'postgres' : 'pglite',
    ...(pglite ? { pglite } : {}),
    close: () => db.destroy(),
  };
}
