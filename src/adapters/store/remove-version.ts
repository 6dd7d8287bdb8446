/**
 * Removing a wrongly imported document version. The version's records leave the current view: when it
 * is the current version, the previous one becomes current again and its records are written back from
 * its stored extraction; when it is the only version, the document and its appearances go. What people
 * entered is never lost: an assignment with notes, owners or status and deadline changes of its own
 * stays (with its IDs, so that importing the file again joins it), and only what the removed version
 * itself implied (a status it set, a deadline it moved) is taken back. The removal is audited with the
 * version's sha256, so importing the same file again brings it back.
 */
import type { Kysely } from 'kysely';
import type { ExtractionResult } from '../../core/model/extraction.js';
import { documentScope } from '../../core/register/ids.js';
import { keyRecords } from '../../core/register/records.js';
import type { Clock } from '../../core/register/viewer.js';
import { type AuditEntry, audit } from './audit.js';
import { RegisterError } from './errors.js';
import { documentLabel, writeReportNotes } from './import.js';
import type { Database } from './schema.js';
import { writeAssignments } from './write-assignments.js';
import { bumpVersions, lockWrites } from './write-lock.js';
import { chunks, writeDocumentRecords } from './write-records.js';

export interface RemoveVersionContext {
  actor: string;
  clock: Clock;
  /** Why the version is removed; audited with the removal. */
  reason?: string;
}

export interface RemovedVersion {
  documentId: number;
  letterKey: string;
  version: number;
  sha256: string;
  /** The version that is current now; null when the document went with its only version. */
  currentVersion: number | null;
  appearancesRemoved: number;
  /** Assignments that existed only through the removed version and had nothing entered by people. */
  assignmentsRemoved: number;
  /** Assignments left without appearances that keep what people entered. */
  assignmentsKept: number;
  /** Statuses the removed version had set and nobody had built on, set back. */
  statusesUndone: number;
}

type Source = { documentId: number; version: number | null };

async function findDocument(db: Kysely<Database>, ref: string | number) {
  const asId = typeof ref === 'number' ? ref : /^\d+$/.test(ref) ? Number(ref) : null;
  const q = db.selectFrom('document').selectAll();
  const doc = await (asId !== null ? q.where('id', '=', asId) : q.where('letter_key', '=', String(ref)))
    .forUpdate()
    .executeTakeFirst();
  if (!doc) throw new RegisterError('document_not_found', `Fant ikke dokumentet «${String(ref)}».`);
  return doc;
}

/**
 * Take back the statuses a source set: an event is undone when it is still the latest of its
 * assignment (nobody moved on from it), newest first, so the remaining events still replay through
 * the transition table. Events later changes build on stay, as history; their document link is cut
 * when the document itself goes.
 */
async function undoStatuses(
  db: Kysely<Database>,
  s: Source,
  documentGoes: boolean,
  now: string,
  ctx: RemoveVersionContext,
  entries: AuditEntry[],
): Promise<{ undone: number; touched: number[] }> {
  let q = db.selectFrom('status_event').selectAll().where('source_document_id', '=', s.documentId);
  if (s.version !== null) q = q.where('source_version', '=', s.version);
  const events = await q.execute();
  const mine = new Set(events.map((e) => e.id));
  const touched = [...new Set(events.map((e) => e.assignment_id))];
  let undone = 0;
  for (const assignmentId of touched) {
    const history = await db
      .selectFrom('status_event')
      .selectAll()
      .where('assignment_id', '=', assignmentId)
      .orderBy('id', 'desc')
      .execute();
    const a = await db
      .selectFrom('assignment')
      .select(['status', 'created_at', 'status_changed_by'])
      .where('id', '=', assignmentId)
      .executeTakeFirstOrThrow();
    let status = a.status;
    let i = 0;
    for (; i < history.length; i++) {
      const e = history[i];
      if (!e || !mine.has(e.id) || e.to_status !== status) break;
      await db.deleteFrom('status_event').where('id', '=', e.id).execute();
      entries.push({
        at: now,
        actor: ctx.actor,
        action: 'status_undone',
        entity: 'assignment',
        entityId: assignmentId,
        details: { from: e.to_status, to: e.from_status, document: s.documentId, version: e.source_version },
      });
      status = e.from_status;
      undone++;
    }
    if (i > 0) {
      const before = history[i];
      await db
        .updateTable('assignment')
        .set({
          status,
          status_changed_at: before?.at ?? a.created_at,
          status_changed_by: before?.actor ?? a.status_changed_by,
        })
        .where('id', '=', assignmentId)
        .execute();
    }
  }
  if (documentGoes)
    await db
      .updateTable('status_event')
      .set({ source_document_id: null, source_version: null })
      .where('source_document_id', '=', s.documentId)
      .execute();
  return { undone, touched };
}

/** Deadlines the source moved are taken back: they are what it printed, nobody entered them. */
async function undoDeadlines(db: Kysely<Database>, s: Source): Promise<number[]> {
  let q = db
    .selectFrom('deadline_change')
    .select(['id', 'assignment_id'])
    .where('source_document_id', '=', s.documentId);
  if (s.version !== null) q = q.where('source_version', '=', s.version);
  const rows = await q.execute();
  for (const c of chunks(rows.map((r) => r.id)))
    await db.deleteFrom('deadline_change').where('id', 'in', c).execute();
  return rows.map((r) => r.assignment_id);
}

/**
 * Assignments left without any appearance: those with nothing else on them go with their IDs; those
 * with notes, owners, status events or deadline changes stay, so nothing a person entered is lost.
 */
async function dropOrphans(
  db: Kysely<Database>,
  candidates: readonly number[],
): Promise<{ removed: number; kept: number[] }> {
  const kept: number[] = [];
  let removed = 0;
  for (const id of new Set(candidates)) {
    const still = await db
      .selectFrom('appearance')
      .select('id')
      .where('assignment_id', '=', id)
      .executeTakeFirst();
    if (still) continue;
    const has = async (t: 'note' | 'owner' | 'status_event' | 'deadline_change') =>
      (await db.selectFrom(t).select('assignment_id').where('assignment_id', '=', id).executeTakeFirst()) !==
      undefined;
    if (
      (await has('note')) ||
      (await has('owner')) ||
      (await has('status_event')) ||
      (await has('deadline_change'))
    ) {
      kept.push(id);
      continue;
    }
    await db.deleteFrom('assignment_identifier').where('assignment_id', '=', id).execute();
    await db.deleteFrom('assignment').where('id', '=', id).execute();
    removed++;
  }
  return { removed, kept };
}

async function appearancesOf(db: Kysely<Database>, documentId: number) {
  return db
    .selectFrom('appearance')
    .select(['id', 'assignment_id'])
    .where('document_id', '=', documentId)
    .execute();
}

/** Everything hanging off the document, children first; the caller deletes the versions and the row. */
async function deleteDocumentRecords(db: Kysely<Database>, documentId: number, appearanceIds: number[]) {
  for (const c of chunks(appearanceIds)) {
    await db.deleteFrom('appearance_deadline').where('appearance_id', 'in', c).execute();
    await db.deleteFrom('appearance_part').where('appearance_id', 'in', c).execute();
    await db.deleteFrom('appearance_reference').where('appearance_id', 'in', c).execute();
    await db.deleteFrom('appearance').where('id', 'in', c).execute();
  }
  for (const t of [
    'report_note',
    'section',
    'goal',
    'budget_line',
    'authorisation',
    'calendar_entry',
  ] as const)
    await db.deleteFrom(t).where('document_id', '=', documentId).execute();
}

async function deleteVersionRow(db: Kysely<Database>, versionId: number) {
  await db.deleteFrom('extraction_warning').where('document_version_id', '=', versionId).execute();
  await db.deleteFrom('document_version').where('id', '=', versionId).execute();
}

export async function removeDocumentVersion(
  db: Kysely<Database>,
  letterKeyOrDocumentId: string | number,
  version: number,
  ctx: RemoveVersionContext,
): Promise<RemovedVersion> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const now = ctx.clock().toISOString();
    const doc = await findDocument(trx, letterKeyOrDocumentId);
    const versions = await trx
      .selectFrom('document_version')
      .select(['id', 'version', 'sha256', 'source_name'])
      .where('document_id', '=', doc.id)
      .orderBy('version')
      .execute();
    const gone = versions.find((v) => v.version === version);
    if (!gone)
      throw new RegisterError(
        'version_not_found',
        `Dokumentet har ikke versjon ${version}. Versjoner: ${versions.map((v) => v.version).join(', ')}.`,
      );
    const entries: AuditEntry[] = [];
    const before = await appearancesOf(trx, doc.id);
    const isCurrent = version === doc.current_version;
    const previous = versions.filter((v) => v.version !== version).pop();
    let current: number | null = doc.current_version;
    let undone = 0;
    const touched: number[] = [];

    if (isCurrent) {
      const documentGoes = previous === undefined;
      const source: Source = { documentId: doc.id, version: documentGoes ? null : version };
      const statuses = await undoStatuses(trx, source, documentGoes, now, ctx, entries);
      undone = statuses.undone;
      touched.push(...statuses.touched, ...(await undoDeadlines(trx, source)));
      if (previous) {
        const row = await trx
          .selectFrom('document_version')
          .select('extraction')
          .where('id', '=', previous.id)
          .executeTakeFirstOrThrow();
        const r = row.extraction as ExtractionResult;
        const info = r.document;
        await trx
          .updateTable('document')
          .set({
            type: info.type,
            year: info.year,
            date: info.date,
            title: info.title,
            reference: info.reference,
            current_version: previous.version,
            updated_at: now,
          })
          .where('id', '=', doc.id)
          .execute();
        const keyed = keyRecords(r, doc.letter_key);
        await writeDocumentRecords(trx, doc.id, keyed);
        await writeAssignments(trx, keyed.assignments, {
          actor: ctx.actor,
          now,
          documentId: doc.id,
          documentLabel: documentLabel(info),
          documentYear: info.year,
          documentDate: info.date,
          letterKey: doc.letter_key,
          scope: documentScope(info),
          version: previous.version,
          effects: false,
          audit: entries,
        });
        await writeReportNotes(trx, doc.id, r, documentScope(info));
        current = previous.version;
      } else {
        await deleteDocumentRecords(
          trx,
          doc.id,
          before.map((a) => a.id),
        );
        current = null;
      }
    }
    await deleteVersionRow(trx, gone.id);
    if (current === null) await trx.deleteFrom('document').where('id', '=', doc.id).execute();

    const after = new Set((await appearancesOf(trx, doc.id)).map((a) => a.id));
    const orphans = await dropOrphans(
      trx,
      before.map((a) => a.assignment_id),
    );
    // Deleted assignments simply match no row here.
    await bumpVersions(trx, [...before.map((a) => a.assignment_id), ...touched]);
    entries.unshift({
      at: now,
      actor: ctx.actor,
      action: 'remove_version',
      entity: 'document',
      entityId: doc.id,
      details: {
        letterKey: doc.letter_key,
        version,
        sha256: gone.sha256,
        file: gone.source_name,
        document: documentLabel(doc),
        currentVersion: current,
        ...(ctx.reason !== undefined ? { reason: ctx.reason } : {}),
      },
    });
    await audit(trx, entries);
    return {
      documentId: doc.id,
      letterKey: doc.letter_key,
      version,
      sha256: gone.sha256,
      currentVersion: current,
      appearancesRemoved: before.filter((a) => !after.has(a.id)).length,
      assignmentsRemoved: orphans.removed,
      assignmentsKept: orphans.kept.length,
      statusesUndone: undone,
    };
  });
}
