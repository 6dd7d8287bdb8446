/**
 * Where an assignment came from: each document that prints it, with the file and format of the
 * document's current version, the 1-based source lines and the text read from them. The original file
 * is not kept, so the text is the extracted title and body of those lines (IDs of assignments the viewer
 * may not see are redacted, as everywhere else).
 */
import type { Kysely } from 'kysely';
import { redactIds } from '../../core/register/redact.js';
import type { Viewer } from '../../core/register/viewer.js';
import { hiddenKeys, scopeOfKey } from './confidential.js';
import { documentLabel } from './import.js';
import type { Database } from './schema.js';
import { documentInScope } from './visibility.js';

export interface AssignmentSource {
  document: { id: number; label: string; type: string; year: number | null; date: string | null };
  sourceName: string | null;
  format: string | null;
  printedId: string;
  kind: string;
  section: string | null;
  lines: [number, number];
  title: string;
  body: string;
  /** False when the document's current version no longer prints it. */
  inCurrentVersion: boolean;
}

/** The appearances of one (already resolved and visible) assignment, oldest document first. */
export async function assignmentSources(
  db: Kysely<Database>,
  assignmentId: number,
  viewer: Viewer,
): Promise<AssignmentSource[]> {
  let q = db
    .selectFrom('appearance as ap')
    .innerJoin('assignment as a', 'a.id', 'ap.assignment_id')
    .innerJoin('document as d', 'd.id', 'ap.document_id')
    .leftJoin('document_version as v', (j) =>
      j.onRef('v.document_id', '=', 'd.id').onRef('v.version', '=', 'd.current_version'),
    )
    .select([
      'a.key',
      'ap.printed_id',
      'ap.kind',
      'ap.section',
      'ap.line_from',
      'ap.line_to',
      'ap.title',
      'ap.body',
      'ap.dropped_in_version',
      'd.id as doc_id',
      'd.type',
      'd.year',
      'd.date',
      'd.title as doc_title',
      'v.source_name',
      'v.format',
    ])
    .where('ap.assignment_id', '=', assignmentId);
  if (!viewer.canSeeConfidential) q = q.where('a.confidential', '=', false);
  const inScope = documentInScope(viewer, 'd.id');
  if (inScope) q = q.where(inScope);
  const rows = await q.orderBy('d.year').orderBy('d.date').orderBy('ap.id').execute();
  const hidden = await hiddenKeys(db, viewer);
  return rows.map((r) => {
    const redacted = hidden.printedIn(scopeOfKey(r.key));
    return {
      document: {
        id: r.doc_id,
        label: r.doc_title ?? documentLabel({ type: r.type, year: r.year, title: null }),
        type: r.type,
        year: r.year,
        date: r.date,
      },
      sourceName: r.source_name,
      format: r.format,
      printedId: r.printed_id,
      kind: r.kind,
      section: r.section,
      lines: [r.line_from, r.line_to],
      title: redactIds(r.title, redacted),
      body: redactIds(r.body, redacted),
      inCurrentVersion: r.dropped_in_version === null,
    };
  });
}
