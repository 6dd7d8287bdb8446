/**
 * Provenance of ingested documents (migration 009): one row per document key, written in the import's
 * own transaction, so "known" means "imported" and a re-queued or re-synced document is skipped before
 * anything is fetched.
 */
import type { Kysely } from 'kysely';
import type { Database, NewRow } from './schema.js';

export type IngestSourceRow = NewRow<'ingest_source'>;

/** The keys of `keys` that are already imported. */
export async function knownKeys(db: Kysely<Database>, keys: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .selectFrom('ingest_source')
      .select('key')
      .where('key', 'in', keys.slice(i, i + 1000))
      .execute();
    for (const r of rows) known.add(r.key);
  }
  return known;
}

/** The Kudos uuids of `uuids` that are already imported. */
export async function knownKudosUuids(db: Kysely<Database>, uuids: readonly string[]): Promise<Set<string>> {
  if (uuids.length === 0) return new Set();
  const rows = await db
    .selectFrom('ingest_source')
    .select('kudos_uuid')
    .where('kudos_uuid', 'in', [...uuids])
    .execute();
  return new Set(rows.flatMap((r) => (r.kudos_uuid === null ? [] : [r.kudos_uuid])));
}

/** Whether these exact bytes are already a document version (imported by any route). */
export async function hasVersionWithSha256(db: Kysely<Database>, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('document_version')
    .select('id')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordSource(db: Kysely<Database>, row: IngestSourceRow): Promise<void> {
  await db
    .insertInto('ingest_source')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
