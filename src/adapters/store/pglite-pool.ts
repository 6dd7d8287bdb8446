/**
 * PGlite behind Kysely's PostgresDialect: a one-connection "pool" so that the same dialect, query
 * compiler and migrations serve both the embedded database and a real PostgreSQL server.
 * PGlite is a single session, so the pool hands out its only client to one caller at a time;
 * otherwise a query issued elsewhere would run inside another caller's transaction.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];

function commandOf(sqlText: string): Command {
  const m = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge)\b/i.exec(sqlText.slice(0, 2000));
  return (m?.[1]?.toUpperCase() as Command | undefined) ?? 'SELECT';
}

/** One queue per PGlite instance: several pools (test schemas) may share an instance. */
const queues = new WeakMap<PGlite, Promise<void>>();

export class PGlitePool implements PostgresPool {
  /**
   * @param schema run every session in this schema (tests give each register its own schema in one
   *   shared PGlite, which is much cheaper than a new instance per test)
   * @param owned close the PGlite instance when the pool ends
   */
  constructor(
    readonly pg: PGlite,
    readonly schema?: string,
    readonly owned = true,
  ) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = queues.get(this.pg) ?? Promise.resolve();
    queues.set(
      this.pg,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    await previous;
    const pg = this.pg;
    if (this.schema) await pg.query(`SET search_path TO "${this.schema.replace(/"/g, '""')}"`);
    const client = {
      async query<R>(sqlText: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        const res = await pg.query<R>(sqlText, parameters as unknown[]);
        return { command: commandOf(sqlText), rowCount: res.affectedRows ?? res.rows.length, rows: res.rows };
      },
      release,
    };
    return client as PostgresPoolClient;
  }

  async end(): Promise<void> {
    if (this.owned) await this.pg.close();
  }
}
