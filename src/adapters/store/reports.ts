/** Register reports: deadlines, budget year over year, steering load per letter, and the overview. */
import { type Kysely, sql } from 'kysely';
import { compareNb } from '../../core/format/collate.js';
import { addDays, osloDate } from '../../core/register/status.js';
import type { Clock, Viewer } from '../../core/register/viewer.js';
import { type AssignmentFilter, type AssignmentSummary, listAssignments } from './assignments-query.js';
import { documentLabel } from './import.js';
import type { Database } from './schema.js';
import { documentInScope } from './visibility.js';

export interface DeadlineRow {
  date: string;
  assignment: AssignmentSummary;
}

/** Deadlines within `withinDays` from today, or (overdue) the assignments whose final deadline passed. */
export async function deadlines(
  db: Kysely<Database>,
  opts: { withinDays?: number; overdue?: boolean; filter?: AssignmentFilter },
  viewer: Viewer,
  clock: Clock,
): Promise<DeadlineRow[]> {
  const today = osloDate(clock());
  const list = await listAssignments(db, opts.filter ?? {}, viewer, clock);
  const out: DeadlineRow[] = [];
  for (const a of list) {
    const dated = a.deadlines.filter((d): d is string => d !== null).sort();
    if (opts.overdue) {
      const last = dated[dated.length - 1];
      if (a.derived === 'forfalt' && last) out.push({ date: last, assignment: a });
      continue;
    }
    const horizon = addDays(today, opts.withinDays ?? 30);
    for (const d of new Set(dated))
      if (d >= today && d <= horizon && !['ferdig', 'trukket', 'erstattet', 'levert'].includes(a.status))
        out.push({ date: d, assignment: a });
  }
  return out.sort((x, y) =>
    x.date < y.date ? -1 : x.date > y.date ? 1 : x.assignment.key.localeCompare(y.assignment.key),
  );
}

export interface BudgetRow {
  chapter: string;
  post: string;
  name: string;
  /** Allocation per letter year, whole kroner. */
  byYear: Record<string, number | null>;
}

export async function budget(
  db: Kysely<Database>,
  opts: { year?: number; chapter?: string },
  viewer: Viewer,
): Promise<{ years: number[]; rows: BudgetRow[] }> {
  const inScope = documentInScope(viewer, 'd.id');
  let q = db
    .selectFrom('budget_line as b')
    .innerJoin('document as d', 'd.id', 'b.document_id')
    .select(['b.chapter', 'b.post', 'b.name', 'b.allocated', 'd.year'])
    // Supplementary letters print changes, not allocations; adding them would count money twice.
    .where('d.type', '!=', 'tillegg')
    .where('d.year', 'is not', null)
    .orderBy('d.year')
    .orderBy('b.line_from');
  if (opts.chapter !== undefined) q = q.where('b.chapter', '=', opts.chapter);
  if (inScope) q = q.where(inScope);
  const rows = await q.execute();
  const years = [...new Set(rows.map((r) => r.year ?? 0))].filter(
    (y) => opts.year === undefined || y === opts.year || y === opts.year - 1,
  );
  const byKey = new Map<string, BudgetRow>();
  for (const r of rows) {
    if (!years.includes(r.year ?? 0)) continue;
    const key = `${r.chapter}.${r.post}`;
    let row = byKey.get(key);
    if (!row) {
      row = { chapter: r.chapter, post: r.post, name: r.name, byYear: {} };
      byKey.set(key, row);
    }
    const y = String(r.year);
    if (!(y in row.byYear)) row.byYear[y] = r.allocated;
    row.name = r.name;
  }
  const sorted = [...byKey.values()].sort(
    (a, b) => compareNb(a.chapter, b.chapter) || compareNb(a.post, b.post),
  );
  return { years: years.sort((a, b) => a - b), rows: sorted };
}

export interface LetterStats {
  documentId: number;
  label: string;
  type: string;
  year: number | null;
  goals: number;
  criteria: number;
  steeringParameters: number;
  keyFigures: number;
  assignmentsNew: number;
  assignmentsCarriedOver: number;
  assignmentsSupplement: number;
  withConcreteDeadline: number;
  shareWithDeadline: number | null;
  perDepartment: Record<string, number>;
}

/** Steering load per letter: how much the ministry asks of the agency in each document. */
export async function stats(db: Kysely<Database>, viewer: Viewer): Promise<LetterStats[]> {
  const inScope = documentInScope(viewer, 'document.id');
  const docs = await db
    .selectFrom('document')
    .select(['id', 'type', 'year', 'title'])
    .$if(inScope !== null, (q) => q.where(inScope ?? sql<boolean>`true`))
    .orderBy(sql`year nulls first`)
    .orderBy('id')
    .execute();
  const goalRows = await db
    .selectFrom('goal as g')
    .leftJoin('goal_item as i', 'i.goal_id', 'g.id')
    .select(['g.document_id', 'g.id', 'i.kind'])
    .execute();
  let apQ = db
    .selectFrom('appearance as ap')
    .innerJoin('assignment as a', 'a.id', 'ap.assignment_id')
    .select([
      'ap.document_id',
      'ap.kind',
      'ap.departments',
      sql<boolean>`exists (select 1 from appearance_deadline dl where dl.appearance_id = ap.id and dl.date is not null and dl.precision = 'day')`.as(
        'concrete',
      ),
    ]);
  if (!viewer.canSeeConfidential) apQ = apQ.where('a.confidential', '=', false);
  // A letter's load is what its current version prints; dropped assignments are counted in the overview.
  const apRows = await apQ.where('ap.dropped_in_version', 'is', null).execute();
  return docs.map((d) => {
    const goals = goalRows.filter((g) => g.document_id === d.id);
    const apps = apRows.filter((a) => a.document_id === d.id);
    const perDepartment: Record<string, number> = {};
    for (const a of apps) for (const dep of a.departments) perDepartment[dep] = (perDepartment[dep] ?? 0) + 1;
    const concrete = apps.filter((a) => a.concrete).length;
    return {
      documentId: d.id,
      label: d.title ?? documentLabel(d),
      type: d.type,
      year: d.year,
      goals: new Set(goals.map((g) => g.id)).size,
      criteria: goals.filter((g) => g.kind === 'criterion').length,
      steeringParameters: goals.filter((g) => g.kind === 'steering_parameter').length,
      keyFigures: goals.filter((g) => g.kind === 'key_figure').length,
      assignmentsNew: apps.filter((a) => a.kind === 'new').length,
      assignmentsCarriedOver: apps.filter((a) => a.kind === 'carried_over').length,
      assignmentsSupplement: apps.filter((a) => a.kind === 'supplement').length,
      withConcreteDeadline: concrete,
      shareWithDeadline: apps.length > 0 ? concrete / apps.length : null,
      perDepartment,
    };
  });
}

export interface Overview {
  documents: {
    id: number;
    label: string;
    type: string;
    year: number | null;
    version: number;
    assignments: number;
  }[];
  assignments: number;
  /** Assignments the current version of their letter no longer prints (still in `assignments`). */
  notInCurrentVersion: number;
  byStatus: Record<string, number>;
  overdue: number;
  dueSoon: number;
  upcoming: DeadlineRow[];
}

export async function overview(db: Kysely<Database>, viewer: Viewer, clock: Clock): Promise<Overview> {
  const st = await stats(db, viewer);
  const docs = await db.selectFrom('document').select(['id', 'current_version']).execute();
  const version = new Map(docs.map((d) => [d.id, d.current_version]));
  const list = await listAssignments(db, {}, viewer, clock);
  const byStatus: Record<string, number> = {};
  for (const a of list) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  return {
    documents: st.map((s) => ({
      id: s.documentId,
      label: s.label,
      type: s.type,
      year: s.year,
      version: version.get(s.documentId) ?? 1,
      assignments: s.assignmentsNew + s.assignmentsCarriedOver + s.assignmentsSupplement,
    })),
    assignments: list.length,
    notInCurrentVersion: list.filter((a) => !a.inCurrentVersion).length,
    byStatus,
    overdue: list.filter((a) => a.derived === 'forfalt').length,
    dueSoon: list.filter((a) => a.derived === 'snart forfall').length,
    upcoming: (await deadlines(db, { withinDays: 30 }, viewer, clock)).slice(0, 10),
  };
}
