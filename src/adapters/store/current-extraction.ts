/** The stored extraction of a document's current version, found by its letter key (import preview). */
import type { Kysely } from 'kysely';
import type { ExtractionResult } from '../../core/model/extraction.js';
import type { Database } from './schema.js';

export async function currentExtraction(
  db: Kysely<Database>,
  letterKey: string,
): Promise<{ documentId: number; version: number; extraction: ExtractionResult } | null> {
  const row = await db
    .selectFrom('document as d')
    .innerJoin('document_version as v', (j) =>
      j.onRef('v.document_id', '=', 'd.id').onRef('v.version', '=', 'd.current_version'),
    )
    .select(['d.id', 'v.version', 'v.extraction'])
    .where('d.letter_key', '=', letterKey)
    .executeTakeFirst();
  if (!row) return null;
  return {
    documentId: row.id,
    version: row.version,
    extraction: row.extraction as unknown as ExtractionResult,
  };
}
