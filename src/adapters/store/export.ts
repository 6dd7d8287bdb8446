/**
 * Export and restore: every table, row for row, so a restored register is the same register
 * (documents and their versions, records, statuses, notes and the whole audit log).
 * A public export leaves out confidential assignments and everything that would reveal them.
 */
import { type Kysely, sql } from 'kysely';
import type { ExtractionResult } from '../../core/model/extraction.js';
import { documentScope, idKey, scopedKey, unscoped } from '../../core/register/ids.js';
import { redactDeep } from '../../core/register/redact.js';
import type { Viewer } from '../../core/register/viewer.js';
import { audit, publicImportDetails } from './audit.js';
import { verifyAuditChain } from './audit-chain.js';
import { RegisterError } from './errors.js';
import { MIGRATIONS } from './migrations.js';
import { type Database, TABLES_IN_ORDER, type TableName } from './schema.js';
import { lockWrites } from './write-lock.js';

export const EXPORT_FORMAT = 'styr-register';
/** The migration from which every audit entry carries its hash. */
const CHAIN_MIGRATION = '004_integrity';

export interface RegisterExport {
  format: typeof EXPORT_FORMAT;
  migrations: string[];
  exportedAt: string;
  public: boolean;
  tables: Record<string, Record<string, unknown>[]>;
}

/** Generated columns: recomputed by the database, never exported. */
const GENERATED = new Set(['search']);
const JSON_COLUMNS: Partial<Record<TableName, string[]>> = {
  document_version: ['extraction'],
  appearance: ['other_ids', 'departments'],
  budget_line: ['columns', 'amounts', 'flags', 'usable_under_posts'],
  audit_log: ['details'],
};
const ORDER_BY: Partial<Record<TableName, string[]>> = {
  assignment_identifier: ['key'],
  owner: ['assignment_id', 'person'],
};

export async function exportRegister(
  db: Kysely<Database>,
  viewer: Viewer,
  now: string,
): Promise<RegisterExport> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  await db.transaction().execute(async (trx) => {
    for (const t of TABLES_IN_ORDER) {
      const order = ORDER_BY[t] ?? ['id'];
      const res = await sql<Record<string, unknown>>`select * from ${sql.table(t)} order by ${sql.join(
        order.map((c) => sql.ref(c)),
      )}`.execute(trx);
      tables[t] = res.rows.map((r) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(r)) if (!GENERATED.has(k)) out[k] = v;
        return out;
      });
    }
  });
  if (!viewer.canSeeConfidential) stripConfidential(tables);
  return {
    format: EXPORT_FORMAT,
    migrations: Object.keys(MIGRATIONS),
    exportedAt: now,
    public: !viewer.canSeeConfidential,
    tables,
  };
}

/**
 * A public export: the confidential assignments go, and so does everything that would reveal them. Rows
 * that hang off them or point at them, report notes that name them next to a public one, extraction
 * warnings from their lines, and the assignment counts of import entries are removed. The count would
 * tell how many assignments were hidden. Their IDs are redacted in whatever text remains.
 */
function stripConfidential(tables: Record<string, Record<string, unknown>[]>): void {
  const hidden = new Set((tables.assignment ?? []).filter((a) => a.confidential === true).map((a) => a.id));
  const hiddenKeys = new Set(
    (tables.assignment_identifier ?? []).filter((i) => hidden.has(i.assignment_id)).map((i) => String(i.key)),
  );
  const printed = new Set([...hiddenKeys].map(unscoped));
  const hiddenApps = new Set(
    (tables.appearance ?? []).filter((a) => hidden.has(a.assignment_id)).map((a) => a.id),
  );
  const keep = (t: string, pred: (r: Record<string, unknown>) => boolean) => {
    tables[t] = (tables[t] ?? []).filter(pred);
  };
  keep('assignment', (r) => !hidden.has(r.id));
  for (const t of ['assignment_identifier', 'appearance', 'status_event', 'note', 'owner', 'deadline_change'])
    keep(t, (r) => !hidden.has(r.assignment_id));
  for (const t of ['appearance_deadline', 'appearance_part', 'appearance_reference'])
    keep(t, (r) => !hiddenApps.has(r.appearance_id));
  keep('appearance_reference', (r) => !hiddenKeys.has(String(r.target_key)));
  const noteGroup = (r: Record<string, unknown>) => `${String(r.document_id)}:${String(r.ord)}`;
  const hiddenNotes = new Set(
    (tables.report_note ?? []).filter((r) => hiddenKeys.has(String(r.target_key))).map(noteGroup),
  );
  keep('report_note', (r) => !hiddenNotes.has(noteGroup(r)));
  keep('audit_log', (r) => !(r.entity === 'assignment' && hidden.has(Number(r.entity_id))));
  for (const r of tables.audit_log ?? []) {
    if (r.action === 'import' || r.action === 'import_version') r.details = publicImportDetails(r.details);
    // A public log has holes, and a prev_hash pointing at a missing entry would show where they are.
    delete r.hash;
    delete r.prev_hash;
  }

  const hiddenWarningLines = new Map<unknown, (line: number | null) => boolean>();
  for (const v of tables.document_version ?? []) {
    const ex = v.extraction as ExtractionResult;
    const scope = documentScope(ex.document);
    const isHidden = (id: string) => hiddenKeys.has(scopedKey(scope, idKey(id)));
    // An appearance that is not marked confidential itself can still belong to a confidential lineage
    // (a later letter prints "TB2025-3/TB2024-9" without the marking).
    const gone = ex.assignments.filter((a) => a.confidential || [a.id, ...a.otherIds].some(isHidden));
    const inGone = (line: number | null) =>
      line !== null && gone.some((a) => line >= a.lines[0] && line <= a.lines[1]);
    hiddenWarningLines.set(v.id, inGone);
    // Coverage counts every ID the letter prints, hidden ones included: a public copy leaves it out.
    const { coverage: _coverage, ...visible } = ex;
    v.extraction = {
      ...visible,
      assignments: ex.assignments.filter((a) => !gone.includes(a)),
      statusNotes: (ex.statusNotes ?? []).filter((n) => !n.ids.some(isHidden)),
      warnings: (ex.warnings ?? []).filter((w) => !inGone(w.line)),
    };
  }
  keep('extraction_warning', (r) => {
    const inGone = hiddenWarningLines.get(r.document_version_id);
    return !inGone?.(typeof r.line === 'number' ? r.line : null);
  });
  for (const t of Object.keys(tables)) tables[t] = redactDeep(tables[t] ?? [], printed);
}

const isRow = (r: unknown) => typeof r === 'object' && r !== null && !Array.isArray(r);

/** The shape restore relies on; a hand-edited or truncated file must fail here, not halfway in SQL. */
function isExport(x: unknown): x is RegisterExport {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as { format?: unknown; migrations?: unknown; tables?: unknown };
  return (
    e.format === EXPORT_FORMAT &&
    Array.isArray(e.migrations) &&
    e.migrations.every((m) => typeof m === 'string') &&
    isRow(e.tables) &&
    Object.values(e.tables as object).every((rows) => Array.isArray(rows) && rows.every(isRow))
  );
}

/** Who restored what, audited in the restore's own transaction. */
export interface RestoreEntry {
  actor: string;
  now: string;
  file: string;
}

/**
 * Restore an export into an empty register, in one transaction. The `restore` audit entry is
 * optional so that a round trip without it compares equal; when given, it commits with the rows, so
 * a register is never restored without its entry.
 */
export async function restoreRegister(
  db: Kysely<Database>,
  data: unknown,
  entry?: RestoreEntry,
): Promise<Record<string, number>> {
  if (!isExport(data))
    throw new RegisterError(
      'invalid_export',
      (data as { format?: unknown } | null)?.format === EXPORT_FORMAT
        ? 'Eksportfilen er skadet (migrations eller tables har feil form).'
        : 'Filen er ikke en eksport fra styr (mangler format «styr-register»).',
    );
  if (data.public === true)
    throw new RegisterError(
      'public_export',
      'Eksporten er offentlig (sladdet): unntatt offentlige oppdrag og revisjonsposter er fjernet, så den kan ikke brukes som sikkerhetskopi. Gjenopprett fra en full eksport.',
    );
  const known = new Set(Object.keys(MIGRATIONS));
  const unknown = data.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0)
    throw new RegisterError(
      'newer_export',
      `Eksporten er laget av en nyere versjon av styr (migrering ${unknown.join(', ')}). Oppgrader styr først.`,
    );
  // An export made after the chain existed must carry it: without hashes, the insert trigger would
  // chain the rows afresh, and an edited log would pass for a sound one.
  if (data.migrations.includes(CHAIN_MIGRATION)) {
    const unhashed = (data.tables.audit_log ?? []).find((r) => typeof r.hash !== 'string');
    if (unhashed)
      throw new RegisterError(
        'audit_chain_broken',
        `Revisjonsloggen i eksporten mangler hash (post ${String(unhashed.id)}). Ingenting ble gjenopprettet.`,
      );
  }
  const counts: Record<string, number> = {};
  await restoreRows(db, data, counts, entry).catch((e: unknown) => {
    if (e instanceof RegisterError) throw e;
    // The rows passed the shape check but the database refused them (an edited value, a row whose
    // parent is missing). The transaction rolled back, so say so; the database's words help find the row.
    throw new RegisterError(
      'corrupt_export',
      `Eksportfilen er skadet, og ingenting ble gjenopprettet (${e instanceof Error ? e.message : String(e)}).`,
    );
  });
  return counts;
}

async function restoreRows(
  db: Kysely<Database>,
  data: RegisterExport,
  counts: Record<string, number>,
  entry: RestoreEntry | undefined,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const existing = await trx
      .selectFrom('document')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    const auditRows = await trx
      .selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0 || Number(auditRows.n) > 0)
      throw new RegisterError(
        'register_not_empty',
        'Registeret er ikke tomt. Gjenopprett til en ny datamappe (--data) eller en tom database.',
      );
    for (const t of TABLES_IN_ORDER) {
      const rows = data.tables[t] ?? [];
      counts[t] = rows.length;
      const jsonCols = new Set(JSON_COLUMNS[t] ?? []);
      for (let i = 0; i < rows.length; i += 200) {
        const part = rows.slice(i, i + 200);
        const cols = [...new Set(part.flatMap((r) => Object.keys(r)))].filter((c) => !GENERATED.has(c));
        if (cols.length === 0) continue;
        const values = part.map(
          (r) =>
            sql`(${sql.join(
              cols.map((c) => (jsonCols.has(c) ? JSON.stringify(r[c] ?? null) : (r[c] ?? null))),
            )})`,
        );
        await sql`insert into ${sql.table(t)} (${sql.join(cols.map((c) => sql.ref(c)))}) values ${sql.join(
          values,
        )}`.execute(trx);
      }
      if (!['assignment_identifier', 'owner'].includes(t))
        await sql`select setval(pg_get_serial_sequence(${t}, 'id'), greatest(coalesce((select max(id) from ${sql.table(
          t,
        )}), 0), 1), (select count(*) > 0 from ${sql.table(t)}))`.execute(trx);
    }
    // The rows keep the hashes they were exported with; the chain is checked before anything commits.
    const chain = await verifyAuditChain(trx);
    if (!chain.ok)
      throw new RegisterError(
        'audit_chain_broken',
        `Revisjonsloggen i eksporten stemmer ikke, og ingenting ble gjenopprettet. ${chain.reason ?? ''}`.trim(),
      );
    if (entry)
      await audit(trx, [
        {
          at: entry.now,
          actor: entry.actor,
          action: 'restore',
          entity: 'register',
          entityId: null,
          details: { file: entry.file },
        },
      ]);
  });
}
