/**
 * Reading what the letters say besides assignments: documents and their versions, goals with their
 * criteria, steering parameters and key figures, key-figure series from annual reports, the steering
 * calendar, and the audit log. Every function takes a viewer; the scope comes from visibility.ts.
 */
import { type Kysely, sql } from 'kysely';
import type { KeyFigureSeries } from '../../core/model/extraction.js';
import { redactDeep } from '../../core/register/redact.js';
import type { Viewer } from '../../core/register/viewer.js';
import { publicImportDetails } from './audit.js';
import { hiddenKeys } from './confidential.js';
import { documentLabel } from './import.js';
import type { Database } from './schema.js';
import { assignmentInScope, documentInScope } from './visibility.js';

const ALWAYS = sql<boolean>`true`;

export interface DocumentInfo {
  id: number;
  label: string;
  type: string;
  year: number | null;
  date: string | null;
  ministry: string | null;
  agency: string | null;
  currentVersion: number;
  versions: {
    version: number;
    sha256: string;
    sourceName: string;
    format: string;
    importedAt: string;
    importedBy: string;
    warnings: number;
  }[];
}

export async function listDocuments(db: Kysely<Database>, viewer: Viewer): Promise<DocumentInfo[]> {
  const inScope = documentInScope(viewer, 'd.id') ?? ALWAYS;
  const docs = await db
    .selectFrom('document as d')
    .leftJoin('ministry as m', 'm.id', 'd.ministry_id')
    .leftJoin('agency as ag', 'ag.id', 'd.agency_id')
    .select([
      'd.id',
      'd.type',
      'd.year',
      'd.date',
      'd.title',
      'd.current_version',
      'm.name as ministry',
      'ag.name as agency',
    ])
    .where(inScope)
    .orderBy(sql`d.year desc nulls last`)
    .orderBy('d.id', 'desc')
    .execute();
  const ids = docs.map((d) => d.id);
  const versions =
    ids.length === 0
      ? []
      : await db
          .selectFrom('document_version as v')
          .select([
            'v.document_id',
            'v.version',
            'v.sha256',
            'v.source_name',
            'v.format',
            'v.imported_at',
            'v.imported_by',
            (eb) =>
              eb
                .selectFrom('extraction_warning as w')
                .select((w) => w.fn.countAll<number>().as('n'))
                .whereRef('w.document_version_id', '=', 'v.id')
                .as('warnings'),
          ])
          .where('v.document_id', 'in', ids)
          .orderBy('v.version')
          .execute();
  return docs.map((d) => ({
    id: d.id,
    label: d.title ?? documentLabel(d),
    type: d.type,
    year: d.year,
    date: d.date,
    ministry: d.ministry,
    agency: d.agency,
    currentVersion: d.current_version,
    versions: versions
      .filter((v) => v.document_id === d.id)
      .map((v) => ({
        version: v.version,
        sha256: v.sha256,
        sourceName: v.source_name,
        format: v.format,
        importedAt: v.imported_at,
        importedBy: v.imported_by,
        warnings: Number(v.warnings ?? 0),
      })),
  }));
}

export interface GoalInfo {
  document: { id: number; label: string; year: number | null };
  number: string;
  title: string;
  section: string | null;
  criteria: string[];
  steeringParameters: string[];
  keyFigures: string[];
  lines: [number, number];
}

export async function listGoals(db: Kysely<Database>, viewer: Viewer, year?: number): Promise<GoalInfo[]> {
  const inScope = documentInScope(viewer, 'd.id') ?? ALWAYS;
  const goals = await db
    .selectFrom('goal as g')
    .innerJoin('document as d', 'd.id', 'g.document_id')
    .select([
      'g.id',
      'g.number',
      'g.title',
      'g.section',
      'g.line_from',
      'g.line_to',
      'd.id as doc_id',
      'd.type',
      'd.year',
      'd.title as doc_title',
    ])
    .where(inScope)
    .$if(year !== undefined, (q) => q.where('d.year', '=', year ?? 0))
    .orderBy(sql`d.year desc nulls last`)
    .orderBy('g.id')
    .execute();
  const items =
    goals.length === 0
      ? []
      : await db
          .selectFrom('goal_item')
          .select(['goal_id', 'kind', 'text'])
          .where(
            'goal_id',
            'in',
            goals.map((g) => g.id),
          )
          .orderBy('goal_id')
          .orderBy('ord')
          .execute();
  const hidden = await hiddenKeys(db, viewer);
  return redactDeep(
    goals.map((g) => {
      const mine = items.filter((i) => i.goal_id === g.id);
      const of = (k: string) => mine.filter((i) => i.kind === k).map((i) => i.text);
      return {
        document: { id: g.doc_id, label: g.doc_title ?? documentLabel(g), year: g.year },
        number: g.number,
        title: g.title,
        section: g.section,
        criteria: of('criterion'),
        steeringParameters: of('steering_parameter'),
        keyFigures: of('key_figure'),
        lines: [g.line_from, g.line_to] as [number, number],
      };
    }),
    hidden.printed,
  );
}

export interface CalendarInfo {
  document: { id: number; label: string; year: number | null };
  /** The entry's and its letter's register keys: stable across versions (calendar feed UIDs). */
  key: string;
  letterKey: string;
  date: string | null;
  time: string | null;
  text: string;
  note: string | null;
  lines: [number, number];
}

export async function listCalendar(
  db: Kysely<Database>,
  viewer: Viewer,
  year?: number,
): Promise<CalendarInfo[]> {
  const inScope = documentInScope(viewer, 'd.id') ?? ALWAYS;
  const rows = await db
    .selectFrom('calendar_entry as c')
    .innerJoin('document as d', 'd.id', 'c.document_id')
    .select([
      'c.date',
      'c.time',
      'c.text',
      'c.note',
      'c.line_from',
      'c.line_to',
      'c.key',
      'd.letter_key',
      'd.id as doc_id',
      'd.type',
      'd.year',
      'd.title',
    ])
    .where(inScope)
    .$if(year !== undefined, (q) => q.where('d.year', '=', year ?? 0))
    .orderBy(sql`c.date nulls last`)
    .orderBy('c.id')
    .execute();
  const hidden = await hiddenKeys(db, viewer);
  return redactDeep(
    rows.map((r) => ({
      document: { id: r.doc_id, label: r.title ?? documentLabel(r), year: r.year },
      key: r.key,
      letterKey: r.letter_key,
      date: r.date,
      time: r.time,
      text: r.text,
      note: r.note,
      lines: [r.line_from, r.line_to] as [number, number],
    })),
    hidden.printed,
  );
}

/** Key-figure series from the current version of each annual report in scope. */
export async function listKeyFigures(
  db: Kysely<Database>,
  viewer: Viewer,
): Promise<{ document: { id: number; label: string; year: number | null }; series: KeyFigureSeries[] }[]> {
  const inScope = documentInScope(viewer, 'd.id') ?? ALWAYS;
  const rows = await db
    .selectFrom('document as d')
    .innerJoin('document_version as v', (j) =>
      j.onRef('v.document_id', '=', 'd.id').onRef('v.version', '=', 'd.current_version'),
    )
    .select([
      'd.id',
      'd.type',
      'd.year',
      'd.title',
      sql<KeyFigureSeries[] | null>`v.extraction -> 'keyFigureSeries'`.as('series'),
    ])
    .where(inScope)
    .orderBy(sql`d.year nulls last`)
    .execute();
  return rows
    .filter((r) => Array.isArray(r.series) && r.series.length > 0)
    .map((r) => ({
      document: { id: r.id, label: r.title ?? documentLabel(r), year: r.year },
      series: r.series ?? [],
    }));
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityRef: string | null;
  details: unknown;
}

/**
 * The audit log, newest first. Entries about an assignment the viewer may not see are left out, and
 * an assignment is named by its printed ID, never by its internal sequence number.
 */
export async function listAudit(
  db: Kysely<Database>,
  viewer: Viewer,
  opts: { entity?: string; before?: number; limit: number },
): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_log as l')
    .leftJoin('assignment as a', (j) =>
      j.on('l.entity', '=', 'assignment').on(sql<boolean>`l.entity_id = a.id::text`),
    )
    .select([
      'l.id',
      'l.at',
      'l.actor',
      'l.action',
      'l.entity',
      'l.entity_id',
      'l.details',
      'a.confidential',
      (eb) =>
        eb
          .selectFrom('assignment_identifier as i')
          .select((s) => s.fn.min('i.label').as('label'))
          .whereRef('i.assignment_id', '=', 'a.id')
          .as('label'),
    ])
    .$if(!viewer.canSeeConfidential, (q) =>
      q.where((eb) => eb.or([eb('a.confidential', 'is', null), eb('a.confidential', '=', false)])),
    )
    .$if(viewer.scope !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb.and([eb('l.entity', '=', 'assignment'), assignmentInScope(viewer, 'a.id') ?? ALWAYS]),
          eb.and([
            eb('l.entity', '=', 'document'),
            documentInScope(
              viewer,
              sql<number>`(case when l.entity_id ~ '^[0-9]{1,9}$' then l.entity_id::int end)`,
            ) ?? ALWAYS,
          ]),
        ]),
      ),
    )
    .$if(opts.entity !== undefined, (q) => q.where('l.entity', '=', opts.entity ?? ''))
    .$if(opts.before !== undefined, (q) => q.where('l.id', '<', opts.before ?? 0))
    .orderBy('l.id', 'desc')
    .limit(opts.limit)
    .execute();
  const hidden = await hiddenKeys(db, viewer);
  return rows.map((r) => ({
    seq: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityRef: r.entity === 'assignment' ? (r.label ?? null) : r.entity_id,
    details: redactDeep(
      viewer.canSeeConfidential || (r.action !== 'import' && r.action !== 'import_version')
        ? r.details
        : publicImportDetails(r.details),
      hidden.printed,
    ),
  }));
}
