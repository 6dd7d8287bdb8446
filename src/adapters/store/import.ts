/**
 * Import extraction results into the register, all files in ONE transaction: a crash or a failure
 * anywhere leaves the database as it was. Importing the same bytes again changes nothing; a corrected
 * version of a letter becomes version n+1 of the same document and updates its records in place.
 */
import type { Kysely } from 'kysely';
import { describeCoverage, emptyCoverage } from '../../core/extract/coverage.js';
import type { ExtractionResult, Warning } from '../../core/model/extraction.js';
import type { DiffCounts } from '../../core/register/diff.js';
import { documentScope, idKey, parties, scopedKey } from '../../core/register/ids.js';
import { letterKey } from '../../core/register/letter.js';
import { keyRecords, RECORD_TYPES, type RecordType } from '../../core/register/records.js';
import type { Clock } from '../../core/register/viewer.js';
import { type AuditEntry, audit } from './audit.js';
import type { Database } from './schema.js';
import { type DroppedAssignment, type LineageCounts, writeAssignments } from './write-assignments.js';
import { lockWrites } from './write-lock.js';
import { chunks, json, writeDocumentRecords } from './write-records.js';

export type ImportOutcome = 'new' | 'new_version' | 'unchanged';

export interface FileReport {
  file: string;
  documentId: number;
  type: string;
  year: number | null;
  title: string | null;
  version: number;
  outcome: ImportOutcome;
  counts: Record<RecordType, DiffCounts>;
  lineage: LineageCounts;
  warnings: Warning[];
  /** Assignments this version no longer prints (kept in the register as "ikke i gjeldende versjon"). */
  dropped: DroppedAssignment[];
  /** The extraction's coverage as one line of Norwegian ("Dekning: oppdrags-ID-er 42 (…); …"). */
  coverage: string;
}

/**
 * Warnings stored per document version: the first ones and a count of the rest. A broken file can
 * yield tens of thousands; all of them stay in the stored extraction JSON.
 */
export const MAX_STORED_WARNINGS = 1000;

export function boundedWarnings(warnings: readonly Warning[], max = MAX_STORED_WARNINGS): Warning[] {
  if (warnings.length <= max) return [...warnings];
  return [
    ...warnings.slice(0, max),
    {
      code: 'warnings_truncated',
      message: `… og ${warnings.length - max} varsler til (ikke lagret enkeltvis; alle står i dokumentets uttrekk).`,
      line: null,
    },
  ];
}

export interface ImportItem {
  file: string;
  result: ExtractionResult;
}

export interface ImportOptions {
  actor: string;
  clock: Clock;
  /** Called inside the transaction after each file (tests use it to crash mid-import). */
  onProgress?: (done: number, report: FileReport) => void | Promise<void>;
  /** Runs in the same transaction after every file: ingest records provenance with the import itself. */
  within?: (trx: Kysely<Database>, reports: readonly FileReport[]) => Promise<void>;
}

/** How many records of each kind an extraction holds. */
export const recordsOf = (r: ExtractionResult): Record<RecordType, number> => ({
  sections: r.sections.length,
  goals: r.goals.length,
  assignments: r.assignments.length,
  budgetLines: r.budgetLines.length,
  authorisations: r.authorisations.length,
  calendar: r.calendar.length,
});

/** The id of the ministry or agency row with this name, created when missing. */
export async function upsertName(db: Kysely<Database>, table: 'ministry' | 'agency', name: string | null) {
  if (name === null || name.trim() === '') return null;
  await db
    .insertInto(table)
    .values({ name })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom(table).select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

/**
 * What a report says about assignments it names ("… leveransen av oppdrag 81 … i tildelingsbrev for
 * 2023" → TB2023-81): one row per note and ID, shown on that assignment's timeline. Rewritten with each
 * version; nobody annotates them.
 */
export async function writeReportNotes(
  db: Kysely<Database>,
  documentId: number,
  r: ExtractionResult,
  scope: string,
) {
  await db.deleteFrom('report_note').where('document_id', '=', documentId).execute();
  const rows = (r.statusNotes ?? []).flatMap((n, ord) =>
    [...new Set(n.ids.map(idKey))].map((k) => ({
      document_id: documentId,
      ord,
      text: n.text,
      target_key: scopedKey(scope, k),
      line_from: n.lines[0],
      line_to: n.lines[1],
    })),
  );
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto('report_note')
      .values(rows.slice(i, i + 400))
      .execute();
}

export function documentLabel(doc: { type: string; year: number | null; title: string | null }): string {
  const kind =
    doc.type === 'tildelingsbrev'
      ? 'tildelingsbrev'
      : doc.type === 'tillegg'
        ? 'tillegg til tildelingsbrev'
        : doc.type === 'arsrapport'
          ? 'årsrapport'
          : (doc.title ?? 'dokument');
  return doc.year !== null ? `${kind} ${doc.year}` : kind;
}

async function importOne(
  db: Kysely<Database>,
  item: ImportItem,
  opts: ImportOptions,
  now: string,
): Promise<FileReport> {
  const r = item.result;
  const info = r.document;
  const base = {
    file: item.file,
    type: info.type,
    year: info.year,
    title: info.title,
    warnings: r.warnings,
    coverage: describeCoverage(r.coverage ?? emptyCoverage()),
    lineage: { created: 0, linked: 0, merged: 0 },
    dropped: [],
  };
  const same = await db
    .selectFrom('document_version')
    .select(['document_id', 'version'])
    .where('sha256', '=', info.sha256)
    .executeTakeFirst();
  if (same) {
    const n = recordsOf(r);
    const counts = Object.fromEntries(
      RECORD_TYPES.map((t) => [t, { new: 0, changed: 0, unchanged: n[t], removed: 0 }]),
    ) as Record<RecordType, DiffCounts>;
    return { ...base, documentId: same.document_id, version: same.version, outcome: 'unchanged', counts };
  }

  const key = letterKey(info);
  const who = parties(info);
  const ministryId = await upsertName(db, 'ministry', who.ministry);
  const agencyId = await upsertName(db, 'agency', who.agency);
  const existing = await db
    .selectFrom('document')
    .select(['id', 'current_version'])
    .where('letter_key', '=', key)
    .executeTakeFirst();
  const fields = {
    type: info.type,
    year: info.year,
    date: info.date,
    title: info.title,
    reference: info.reference,
    ministry_id: ministryId,
    agency_id: agencyId,
    updated_at: now,
  };
  let documentId: number;
  let version: number;
  if (existing) {
    documentId = existing.id;
    version = existing.current_version + 1;
    await db
      .updateTable('document')
      .set({ ...fields, current_version: version })
      .where('id', '=', documentId)
      .execute();
  } else {
    version = 1;
    const row = await db
      .insertInto('document')
      .values({ ...fields, letter_key: key, current_version: 1, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    documentId = row.id;
  }
  const versionRow = await db
    .insertInto('document_version')
    .values({
      document_id: documentId,
      version,
      sha256: info.sha256,
      source_name: r.source.name,
      format: r.source.format,
      imported_at: now,
      imported_by: opts.actor,
      extraction: json(r),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stored = boundedWarnings(r.warnings).map((w, ord) => ({
    document_version_id: versionRow.id,
    ord,
    code: w.code,
    message: w.message,
    line: w.line,
  }));
  for (const c of chunks(stored)) await db.insertInto('extraction_warning').values(c).execute();

  const codes = [...new Set(r.assignments.flatMap((a) => a.departments))].filter((c) => c !== '');
  if (codes.length > 0) {
    await db
      .insertInto('department')
      .values(codes.map((code) => ({ code, ministry_id: ministryId })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    if (ministryId !== null)
      await db
        .updateTable('department')
        .set({ ministry_id: ministryId })
        .where('code', 'in', codes)
        .where('ministry_id', 'is', null)
        .execute();
  }

  const keyed = keyRecords(r, key);
  const docCounts = await writeDocumentRecords(db, documentId, keyed);
  const entries: AuditEntry[] = [];
  const label = documentLabel(info);
  const {
    counts: assignmentCounts,
    lineage,
    warnings: lineageWarnings,
    dropped,
  } = await writeAssignments(db, keyed.assignments, {
    actor: opts.actor,
    now,
    documentId,
    documentLabel: label,
    documentYear: info.year,
    documentDate: info.date,
    letterKey: key,
    scope: documentScope(info),
    version,
    effects: true,
    audit: entries,
  });
  const counts = { ...docCounts, assignments: assignmentCounts };
  await writeReportNotes(db, documentId, r, documentScope(info));
  entries.unshift({
    at: now,
    actor: opts.actor,
    action: version === 1 ? 'import' : 'import_version',
    entity: 'document',
    entityId: documentId,
    details: { file: item.file, sha256: info.sha256, version, counts, lineage },
  });
  await audit(db, entries);
  return {
    ...base,
    warnings: [...r.warnings, ...lineageWarnings],
    documentId,
    version,
    outcome: version === 1 ? 'new' : 'new_version',
    counts,
    lineage,
    dropped,
  };
}

export async function importResults(
  db: Kysely<Database>,
  items: readonly ImportItem[],
  opts: ImportOptions,
): Promise<FileReport[]> {
  const now = opts.clock().toISOString();
  return db.transaction().execute(async (trx) => {
    // Under the write lock a second import of the same file waits, then finds its sha256 and reports
    // it unchanged: one document version, never a unique-key error.
    await lockWrites(trx);
    const reports: FileReport[] = [];
    for (const item of items) {
      const rep = await importOne(trx, item, opts, now);
      reports.push(rep);
      await opts.onProgress?.(reports.length, rep);
    }
    await opts.within?.(trx, reports);
    return reports;
  });
}
