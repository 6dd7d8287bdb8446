/**
 * The register's write lock and the optimistic version of an assignment.
 *
 * Every write transaction (import, edits, version removal, restore) takes one transaction-scoped
 * advisory lock first. The audit log is a hash chain, so its appends are serialised anyway (the
 * insert trigger takes the same lock); taking it before any row lock gives every writer the same lock
 * order, so two writers never deadlock. The key is per schema, so registers in separate schemas of one
 * server (tests) do not wait for each other.
 */
import { type Kysely, sql } from 'kysely';
import { RegisterError } from './errors.js';
import type { Database } from './schema.js';
import { chunks } from './write-records.js';

export async function lockWrites(db: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('styr.write:' || current_schema()))`.execute(db);
}

export interface Expectation {
  /** The version the caller last read (HTTP If-Match); a different current version is a conflict. */
  expectedVersion?: number;
}

/**
 * Lock the assignment's row and check the caller's expectation against it. The row lock guards the
 * read-check-write of a transition even for a writer that did not take the write lock.
 */
export async function lockAssignment(
  db: Kysely<Database>,
  id: number,
  expect: Expectation,
): Promise<{ status: string; version: number }> {
  const cur = await db
    .selectFrom('assignment')
    .select(['status', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (expect.expectedVersion !== undefined && cur.version !== expect.expectedVersion)
    throw new RegisterError(
      'conflict',
      `Oppdraget er endret av noen andre i mellomtiden: det er nå versjon ${cur.version} med status «${cur.status}», du hadde versjon ${expect.expectedVersion}. Hent det på nytt og prøv igjen.`,
    );
  return cur;
}

/** Count one more change on each assignment; returns the new version of each. */
export async function bumpVersions(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const c of chunks([...new Set(ids)])) {
    const rows = await db
      .updateTable('assignment')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', 'in', c)
      .returning(['id', 'version'])
      .execute();
    for (const r of rows) out.set(r.id, r.version);
  }
  return out;
}
