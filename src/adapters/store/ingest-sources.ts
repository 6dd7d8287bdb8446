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

/** The document version these exact bytes already are (imported by any route), if any. */
export function versionWithSha256(
  db: Kysely<Database>,
  sha256: string,
): Promise<{ document_id: number; version: number } | undefined> {
  return db
    .selectFrom('document_version')
    .select(['document_id', 'version'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}

export async function recordSource(db: Kysely<Database>, row: IngestSourceRow): Promise<void> {
  await db
    .insertInto('ingest_source')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
