/**
 * The one place the store applies a viewer's organisation scope: which documents, and through them
 * which assignments, a viewer may read. (Who gets which scope is decided in src/app/policy.ts; the
 * confidentiality grant is applied beside it with `canSeeConfidential`.) Every read query that starts
 * from documents or assignments adds these conditions.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Viewer } from '../../core/register/viewer.js';

const NOTHING = sql<boolean>`false`;

function idList(ids: readonly number[]) {
  return sql.join(ids.map((i) => sql`${i}::int`));
}

/** Condition on a document id column (e.g. `d.id`): the document is in the viewer's scope. */
export function documentInScope(
  viewer: Viewer,
  docId: string | RawBuilder<number>,
): RawBuilder<boolean> | null {
  const s = viewer.scope;
  if (!s) return null;
  const ref = typeof docId === 'string' ? sql.ref(docId) : docId;
  if (s.side === 'departement')
    return s.ministryIds.length === 0
      ? NOTHING
      : sql<boolean>`${ref} in (select sd.id from document sd where sd.ministry_id in (${idList(s.ministryIds)}))`;
  return s.agencyIds.length === 0
    ? NOTHING
    : sql<boolean>`${ref} in (select sd.id from document sd where sd.agency_id in (${idList(s.agencyIds)}))`;
}

/** Condition on an assignment id column: it appears in at least one document in scope. */
export function assignmentInScope(viewer: Viewer, assignmentId: string): RawBuilder<boolean> | null {
  const docs = documentInScope(viewer, 'sap.document_id');
  if (!docs) return null;
  return sql<boolean>`exists (select 1 from appearance sap where sap.assignment_id = ${sql.ref(assignmentId)} and ${docs})`;
}
