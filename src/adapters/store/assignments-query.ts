/**
 * Reading assignments: the list with filters, and one assignment with its full timeline.
 * Every function takes a Viewer; confidential assignments never reach a viewer who may not see them.
 */
import { escapeLike } from './like.js';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { idKey, isSyntheticKey, unscoped } from '../../core/register/ids.js';
import { type DerivedStatus, deriveStatus, osloDate } from '../../core/register/status.js';
import {
  type DocumentRef,
  documentTime,
  inDocumentOrder,
  KIND_LABEL,
  RELATION_LABEL,
  sortTimeline,
  type TimelineEntry,
} from '../../core/register/timeline.js';
import { compareNb } from '../../core/format/collate.js';
import { formatIsoDate } from '../../core/format/norwegian.js';
import { currentView } from '../../core/register/current.js';
import { redactDeep, redactIds } from '../../core/register/redact.js';
import type { Clock, Viewer } from '../../core/register/viewer.js';
import { hiddenKeys, scopeOfKey } from './confidential.js';
import { documentLabel } from './import.js';
import type { Database } from './schema.js';
import { assignmentInScope, documentInScope } from './visibility.js';

const SELF_RELATION_LABEL: Record<string, string> = {
  clarifies: 'Presisert',
  changes: 'Endret',
  replaces: 'Erstattet',
  refers: 'Omtalt',
};

/** Statuses computed from deadlines; `--status forfalt` filters on them after the query. */
export const DERIVED: readonly string[] = ['forfalt', 'snart forfall'];

export interface AssignmentFilter {
  year?: number;
  agency?: string;
  department?: string;
  status?: string;
  section?: string;
  hasDeadline?: boolean;
  /** Only these assignments (the page a light first pass chose; see assignmentRefs). */
  assignmentIds?: readonly number[];
}

export interface AssignmentSummary {
  id: number;
  key: string;
  ids: string[];
  title: string;
  departments: string[];
  year: number | null;
  kind: string;
  status: string;
  derived: DerivedStatus;
  nextDeadline: string | null;
  deadlines: (string | null)[];
  confidential: boolean;
  /** Optimistic version (HTTP ETag): pass it back as expectedVersion to an edit. */
  version: number;
  /** False when the latest letter's current version no longer prints it ("ikke i gjeldende versjon"). */
  inCurrentVersion: boolean;
}

/** Appearance rows matching the filter, latest per assignment first. */
function filteredAppearances(db: Kysely<Database>, f: AssignmentFilter, viewer: Viewer) {
  let q = db
    .selectFrom('appearance as ap')
    .innerJoin('assignment as a', 'a.id', 'ap.assignment_id')
    .innerJoin('document as d', 'd.id', 'ap.document_id')
    .leftJoin('agency as ag', 'ag.id', 'd.agency_id');
  if (!viewer.canSeeConfidential) q = q.where('a.confidential', '=', false);
  const inScope = documentInScope(viewer, 'd.id');
  if (inScope) q = q.where(inScope);
  if (f.year !== undefined) q = q.where('d.year', '=', f.year);
  if (f.agency !== undefined) q = q.where('ag.name', 'ilike', `%${escapeLike(f.agency)}%`);
  if (f.status !== undefined && !DERIVED.includes(f.status)) q = q.where('a.status', '=', f.status);
  if (f.assignmentIds !== undefined)
    q = q.where('ap.assignment_id', 'in', f.assignmentIds.length > 0 ? [...f.assignmentIds] : [0]);
  for (const condition of appearanceConditions(f)) q = q.where(condition);
  return q;
}

/**
 * The filters that test an appearance row (aliased `ap`) alone: the assignment list and the search
 * both apply them, so an assignment is found by the same department, section and deadline rules.
 */
export function appearanceConditions(
  f: Pick<AssignmentFilter, 'department' | 'section' | 'hasDeadline'>,
): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  if (f.department !== undefined)
    out.push(sql<boolean>`ap.departments @> ${JSON.stringify([f.department.toUpperCase()])}::jsonb`);
  // "2.1" also selects its subsections "2.1.3".
  if (f.section !== undefined)
    out.push(sql<boolean>`(ap.section = ${f.section} or ap.section like ${`${escapeLike(f.section)}.%`})`);
  if (f.hasDeadline !== undefined) {
    const exists = sql<boolean>`exists (select 1 from appearance_deadline dl where dl.appearance_id = ap.id and dl.date is not null)`;
    out.push(f.hasDeadline ? exists : sql<boolean>`not ${exists}`);
  }
  return out;
}

async function deadlinesOf(db: Kysely<Database>, appearanceIds: number[]) {
  const out = new Map<number, (string | null)[]>();
  for (let i = 0; i < appearanceIds.length; i += 1000) {
    const rows = await db
      .selectFrom('appearance_deadline')
      .select(['appearance_id', 'date'])
      .where('appearance_id', 'in', appearanceIds.slice(i, i + 1000))
      .orderBy('appearance_id')
      .orderBy('ord')
      .execute();
    for (const r of rows) {
      const l = out.get(r.appearance_id) ?? [];
      l.push(r.date);
      out.set(r.appearance_id, l);
    }
  }
  return out;
}

/** The newest person-made deadline per assignment; it overrides what the letters print. */
async function personDeadlines(db: Kysely<Database>, assignmentIds: number[]) {
  const out = new Map<number, string | null>();
  for (let i = 0; i < assignmentIds.length; i += 1000) {
    const rows = await db
      .selectFrom('deadline_change')
      .select(['assignment_id', 'new_date'])
      .where('assignment_id', 'in', assignmentIds.slice(i, i + 1000))
      .where('source_kind', '=', 'person')
      .orderBy('id')
      .execute();
    for (const r of rows) out.set(r.assignment_id, r.new_date);
  }
  return out;
}

/** Node 20 has no Map.groupBy. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * For assignments whose latest appearance is a supplement, the merged current view (see
 * core/register/current.ts): a supplement that restates an earlier assignment prints only what it
 * changes, so the list must not show its empty title or only the one sub-task deadline it moved.
 */
async function mergedViews(db: Kysely<Database>, assignmentIds: number[]) {
  const out = new Map<number, { title: string; departments: string[]; deadlines: (string | null)[] }>();
  for (let i = 0; i < assignmentIds.length; i += 1000) {
    const apps = await db
      .selectFrom('appearance as ap')
      .innerJoin('document as d', 'd.id', 'ap.document_id')
      .select(['ap.id', 'ap.assignment_id', 'ap.kind', 'ap.title', 'ap.departments', 'd.year', 'd.date'])
      .where('ap.assignment_id', 'in', assignmentIds.slice(i, i + 1000))
      .execute();
    const dls = await db
      .selectFrom('appearance_deadline')
      .select(['appearance_id', 'part', 'date'])
      .where(
        'appearance_id',
        'in',
        apps.map((a) => a.id),
      )
      .orderBy('appearance_id')
      .orderBy('ord')
      .execute();
    const dlsOf = groupBy(dls, (d) => d.appearance_id);
    const byAssignment = groupBy(apps, (a) => a.assignment_id);
    for (const [id, list] of byAssignment) {
      const ordered = inDocumentOrder(list, (ap) => ap);
      const view = currentView(
        ordered.map((ap) => ({
          kind: ap.kind,
          title: ap.title,
          departments: ap.departments,
          deadlines: dlsOf.get(ap.id) ?? [],
        })),
      );
      if (view) out.set(id, { ...view, deadlines: view.deadlines.map((d) => d.date) });
    }
  }
  return out;
}

/** Printed IDs per assignment (key order), and the derived ID of one known only by a derived ID. */
async function labelsOf(db: Kysely<Database>, ids: readonly number[]) {
  const printed = new Map<number, string[]>();
  const derived = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const idr = await db
      .selectFrom('assignment_identifier')
      .select(['assignment_id', 'label', 'key'])
      .where('assignment_id', 'in', ids.slice(i, i + 1000))
      .orderBy('key')
      .execute();
    for (const r of idr) {
      const l = printed.get(r.assignment_id) ?? [];
      if (!isSyntheticKey(r.key)) l.push(r.label);
      printed.set(r.assignment_id, l);
      // An assignment known only by a derived ID shows that ID (as `show` does), never its SYN key.
      if (isSyntheticKey(r.key)) derived.set(r.assignment_id, r.label);
    }
  }
  return { printed, derived };
}

function listedIds(labels: Awaited<ReturnType<typeof labelsOf>>, id: number, printedId: string): string[] {
  const own = labels.printed.get(id);
  return own?.length ? own : [labels.derived.get(id) ?? printedId];
}

export interface AssignmentRef {
  id: number;
  key: string;
  /** The ID the list shows first (AssignmentSummary.ids[0]). */
  ref: string;
  year: number | null;
  kind: string;
}

/**
 * The light first pass of a list page: every matching assignment with only what sorting by ID or year
 * needs, in the order listAssignments returns them. A page then builds full summaries (deadlines,
 * merged views, derived status) for its own rows only, instead of for the whole register.
 */
export async function assignmentRefs(
  db: Kysely<Database>,
  f: AssignmentFilter,
  viewer: Viewer,
): Promise<AssignmentRef[]> {
  const rows = await filteredAppearances(db, f, viewer)
    .distinctOn('ap.assignment_id')
    .select(['ap.assignment_id', 'a.key', 'ap.printed_id', 'ap.kind', 'd.year'])
    .orderBy('ap.assignment_id')
    .orderBy(sql`d.year desc nulls last`)
    .orderBy(sql`d.date desc nulls last`)
    .orderBy('ap.id', 'desc')
    .execute();
  const labels = await labelsOf(
    db,
    rows.map((r) => r.assignment_id),
  );
  return rows
    .map((r) => ({
      id: r.assignment_id,
      key: unscoped(r.key),
      ref: listedIds(labels, r.assignment_id, r.printed_id)[0] ?? unscoped(r.key),
      year: r.year,
      kind: r.kind,
    }))
    .sort(storeOrder);
}

/** The order listAssignments returns: newest letter year first, then by key. */
function storeOrder(a: { year: number | null; key: string }, b: { year: number | null; key: string }) {
  return (b.year ?? 0) - (a.year ?? 0) || compareNb(a.key, b.key);
}

export async function listAssignments(
  db: Kysely<Database>,
  f: AssignmentFilter,
  viewer: Viewer,
  clock: Clock,
): Promise<AssignmentSummary[]> {
  const rows = await filteredAppearances(db, f, viewer)
    .distinctOn('ap.assignment_id')
    .select([
      'ap.id as appearance_id',
      'ap.assignment_id',
      'a.key',
      'a.status',
      'a.confidential',
      'a.version',
      'ap.title',
      'ap.printed_id',
      'ap.departments',
      'ap.kind',
      'ap.dropped_in_version',
      'd.year',
    ])
    .orderBy('ap.assignment_id')
    .orderBy(sql`d.year desc nulls last`)
    .orderBy(sql`d.date desc nulls last`)
    .orderBy('ap.id', 'desc')
    .execute();
  const ids = rows.map((r) => r.assignment_id);
  const labels = await labelsOf(db, ids);
  const dls = await deadlinesOf(
    db,
    rows.map((r) => r.appearance_id),
  );
  const person = await personDeadlines(db, ids);
  const merged = await mergedViews(
    db,
    rows.filter((r) => r.kind === 'supplement').map((r) => r.assignment_id),
  );
  const hidden = await hiddenKeys(db, viewer);
  const today = osloDate(clock());
  const out = rows.map((r) => {
    const view = merged.get(r.assignment_id);
    const printed = view?.deadlines ?? dls.get(r.appearance_id) ?? [];
    const override = person.get(r.assignment_id);
    const deadlines = override !== undefined ? [override] : printed;
    const dated = deadlines.filter((d): d is string => d !== null).sort();
    return {
      id: r.assignment_id,
      key: unscoped(r.key),
      ids: listedIds(labels, r.assignment_id, r.printed_id),
      title: redactIds(view?.title ?? r.title, hidden.printedIn(scopeOfKey(r.key))),
      departments: view?.departments ?? r.departments,
      year: r.year,
      kind: r.kind,
      status: r.status,
      derived: deriveStatus(r.status, deadlines, today),
      nextDeadline: dated.find((d) => d >= today) ?? dated[dated.length - 1] ?? null,
      deadlines,
      confidential: r.confidential,
      version: r.version,
      inCurrentVersion: r.dropped_in_version === null,
    };
  });
  const wanted = f.status !== undefined && DERIVED.includes(f.status) ? f.status : null;
  return (wanted ? out.filter((a) => a.derived === wanted) : out).sort(storeOrder);
}

/**
 * Assignments with a responsible person whose name contains `needle`, matched in the text the viewer
 * sees: an owner typed as «Kari (også TB2024-9)» must not answer a search for a hidden ID.
 */
export async function assignmentsOwnedBy(
  db: Kysely<Database>,
  needle: string,
  viewer: Viewer,
): Promise<Set<number>> {
  const rows = await db
    .selectFrom('owner as o')
    .innerJoin('assignment as a', 'a.id', 'o.assignment_id')
    .select(['o.assignment_id', 'o.person', 'a.key'])
    .where('o.person', 'ilike', `%${escapeLike(needle)}%`)
    .execute();
  const hidden = await hiddenKeys(db, viewer);
  const wanted = needle.toLocaleLowerCase('nb');
  return new Set(
    rows
      .filter((r) =>
        redactIds(r.person, hidden.printedIn(scopeOfKey(r.key)))
          .toLocaleLowerCase('nb')
          .includes(wanted),
      )
      .map((r) => r.assignment_id),
  );
}

/**
 * The register assignment an ID (any of its IDs, any spelling) belongs to. IDs are scoped by agency;
 * when several agencies use the same ID, the most recently created assignment wins.
 */
export async function resolveAssignment(
  db: Kysely<Database>,
  printed: string,
  viewer: Viewer,
): Promise<number | null> {
  const key = escapeLike(idKey(printed));
  const found = await lookup(
    db,
    viewer,
    sql<boolean>`(i.key like ${`%#${key}`} or i.key like ${`%#SYN:%:${key}`})`,
  );
  if (found !== null || !/\d/.test(key)) return found;
  // IDs outside the TB/TTB/RTB schemes keep their printed zeros in the key (OPP2026-07); the same
  // assignment asked for as OPP2026-7 (or the other way round) is found with the zeros left out.
  const bare = unpadded(idKey(printed));
  return lookup(
    db,
    viewer,
    sql<boolean>`(${unpaddedSql(sql`split_part(i.key, '#', 2)`)} = ${bare} or ${unpaddedSql(sql`i.key`)} like ${`%#SYN:%:${escapeLike(bare)}`})`,
  );
}

/** The same in SQL, for a stored key. */
function unpaddedSql(key: RawBuilder<string>): RawBuilder<string> {
  return sql<string>`regexp_replace(${key}, '(^|[^0-9])0+([0-9])', '\\1\\2', 'g')`;
}

/** `OPP2026-07` → `OPP2026-7`: leading zeros of every number in a key. */
function unpadded(key: string): string {
  return key.replace(/(^|\D)0+(?=\d)/g, '$1');
}

async function lookup(
  db: Kysely<Database>,
  viewer: Viewer,
  match: RawBuilder<boolean>,
): Promise<number | null> {
  let q = db
    .selectFrom('assignment_identifier as i')
    .innerJoin('assignment as a', 'a.id', 'i.assignment_id')
    .select('a.id')
    .where(match);
  // Filtered in the query, not after it: when another agency's assignment with the same ID is
  // confidential and newer, a public viewer gets the public one instead of "not found".
  if (!viewer.canSeeConfidential) q = q.where('a.confidential', '=', false);
  const inScope = assignmentInScope(viewer, 'a.id');
  if (inScope) q = q.where(inScope);
  const row = await q.orderBy('a.id', 'desc').executeTakeFirst();
  return row?.id ?? null;
}

export interface AssignmentDetail {
  id: number;
  key: string;
  ids: string[];
  title: string;
  body: string;
  departments: string[];
  status: string;
  derived: DerivedStatus;
  statusChangedAt: string;
  statusChangedBy: string;
  confidential: boolean;
  /** Optimistic version (HTTP ETag): pass it back as expectedVersion to an edit. */
  version: number;
  owners: string[];
  deadlines: { date: string | null; text: string; part: string | null; precision: string }[];
  /** Sub-tasks (a, b, c …) as the latest letter that prints them lists them. */
  parts: { label: string; text: string }[];
  timeline: TimelineEntry[];
  /** False when the latest letter's current version no longer prints it. */
  inCurrentVersion: boolean;
}

function docRef(d: {
  id: number;
  type: string;
  year: number | null;
  date: string | null;
  title: string | null;
}): DocumentRef {
  return { id: d.id, type: d.type, year: d.year, date: d.date, title: d.title ?? documentLabel(d) };
}

export async function showAssignment(
  db: Kysely<Database>,
  printed: string,
  viewer: Viewer,
  clock: Clock,
): Promise<AssignmentDetail | null> {
  const id = await resolveAssignment(db, printed, viewer);
  if (id === null) return null;
  const a = await db.selectFrom('assignment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const ids = await db
    .selectFrom('assignment_identifier')
    .select(['key', 'label'])
    .where('assignment_id', '=', id)
    .orderBy('key')
    .execute();
  const docs = new Map<number, DocumentRef>();
  const docRows = await db
    .selectFrom('document')
    .select(['id', 'type', 'year', 'date', 'title'])
    .where('id', 'in', db.selectFrom('appearance').select('document_id').where('assignment_id', '=', id))
    .execute();
  for (const d of docRows) docs.set(d.id, docRef(d));
  const apps = await db
    .selectFrom('appearance')
    .selectAll()
    .where('assignment_id', '=', id)
    .orderBy('id')
    .execute();
  const appIds = apps.map((x) => x.id);
  const dls =
    appIds.length === 0
      ? []
      : await db
          .selectFrom('appearance_deadline')
          .selectAll()
          .where('appearance_id', 'in', appIds)
          .orderBy('appearance_id')
          .orderBy('ord')
          .execute();
  const outRefs =
    appIds.length === 0
      ? []
      : await db
          .selectFrom('appearance_reference')
          .selectAll()
          .where('appearance_id', 'in', appIds)
          .orderBy('appearance_id')
          .orderBy('ord')
          .execute();
  const keys = ids.map((i) => i.key);
  let inRefsQ = db
    .selectFrom('appearance_reference as r')
    .innerJoin('appearance as ap', 'ap.id', 'r.appearance_id')
    .innerJoin('assignment as src', 'src.id', 'ap.assignment_id')
    .innerJoin('document as d', 'd.id', 'ap.document_id')
    .select([
      'r.relation',
      'r.target_label',
      'ap.printed_id',
      'ap.title',
      'd.id as doc_id',
      'd.type',
      'd.year',
      'd.date',
      'd.title as doc_title',
    ])
    .where('r.target_key', 'in', keys.length > 0 ? keys : [''])
    .where('ap.assignment_id', '!=', id);
  if (!viewer.canSeeConfidential) inRefsQ = inRefsQ.where('src.confidential', '=', false);
  const refInScope = documentInScope(viewer, 'd.id');
  if (refInScope) inRefsQ = inRefsQ.where(refInScope);
  const inRefs = await inRefsQ.execute();
  const hidden = await hiddenKeys(db, viewer);
  // A report note that names several assignments is stored once per ID ("oppdrag 34 og 81"): when one of
  // them is confidential, the note says something about it, so the public timeline of the other skips it.
  const reportNotes = (
    await db
      .selectFrom('report_note as n')
      .innerJoin('document as d', 'd.id', 'n.document_id')
      .select([
        'n.text',
        'n.line_from',
        'n.line_to',
        'd.id as doc_id',
        'd.type',
        'd.year',
        'd.date',
        'd.title',
        (eb) =>
          eb
            .selectFrom('report_note as sib')
            .select((s) => s.fn.agg<string[]>('array_agg', ['sib.target_key']).as('keys'))
            .whereRef('sib.document_id', '=', 'n.document_id')
            .whereRef('sib.ord', '=', 'n.ord')
            .as('named'),
      ])
      .where('n.target_key', 'in', keys.length > 0 ? keys : [''])
      .orderBy('n.id')
      .execute()
  ).filter((n) => !(n.named ?? []).some((k) => hidden.scoped.has(k)));
  const events = await db.selectFrom('status_event').selectAll().where('assignment_id', '=', id).execute();
  const changes = await db
    .selectFrom('deadline_change')
    .selectAll()
    .where('assignment_id', '=', id)
    .execute();
  const notes = await db.selectFrom('note').selectAll().where('assignment_id', '=', id).execute();
  const owners = await db.selectFrom('owner').selectAll().where('assignment_id', '=', id).execute();
  const sourceDocs = [
    ...events.map((e) => e.source_document_id),
    ...changes.map((c) => c.source_document_id),
  ].filter((x): x is number => x !== null && !docs.has(x));
  if (sourceDocs.length > 0)
    for (const d of await db
      .selectFrom('document')
      .select(['id', 'type', 'year', 'date', 'title'])
      .where('id', 'in', sourceDocs)
      .execute())
      docs.set(d.id, docRef(d));

  // Confidential targets of this assignment's own references are hidden from public viewers.
  const hiddenTargets = hidden.scoped;
  const redacted = hidden.printedIn(scopeOfKey(a.key));

  const ownKeys = new Set(ids.map((i) => i.key));
  const latest = inDocumentOrder(apps, (ap) => docs.get(ap.document_id));
  const firstAppearance = latest[0]?.id;
  const entries: TimelineEntry[] = [];
  for (const ap of apps) {
    const doc = docs.get(ap.document_id) ?? null;
    const mine = dls.filter((d) => d.appearance_id === ap.id);
    entries.push({
      at: doc ? documentTime(doc) : ap.id.toString(),
      kind: 'appearance',
      document: doc,
      // A supplement appearance of an assignment given earlier restates it; it is no new supplement.
      text:
        ap.kind === 'supplement' && ap.id !== firstAppearance
          ? `Omtalt i ${doc ? documentLabel(doc) : 'tillegg'}: ${ap.printed_id} ${ap.title}`.trimEnd()
          : `${KIND_LABEL[ap.kind] ?? ap.kind}: ${ap.printed_id} ${ap.title}`,
      actor: null,
      details: {
        printedId: ap.printed_id,
        otherIds: ap.other_ids,
        kind: ap.kind,
        title: ap.title,
        statusText: ap.status_text,
        departments: ap.departments,
        section: ap.section,
        deadlines: mine.map((d) => ({ date: d.date, text: d.text, part: d.part })),
        lines: [ap.line_from, ap.line_to],
      },
    });
    if (ap.dropped_in_version !== null)
      entries.push({
        at: ap.dropped_at ?? (doc ? documentTime(doc) : ''),
        kind: 'dropped',
        document: doc,
        text: `Ikke med i versjon ${ap.dropped_in_version} av ${doc ? documentLabel(doc) : 'dokumentet'} (ikke i gjeldende versjon)`,
        actor: null,
        details: { version: ap.dropped_in_version, printedId: ap.printed_id },
      });
    for (const r of outRefs.filter((x) => x.appearance_id === ap.id && !hiddenTargets.has(x.target_key)))
      entries.push({
        at: doc ? documentTime(doc) : '',
        kind: 'references',
        document: doc,
        // A supplement that restates this very assignment ("Presisering av oppdrag TB2026-02") points at
        // itself: say what the document does to it instead of "TB2026-02 presiserer TB2026-02".
        text: ownKeys.has(r.target_key)
          ? `${SELF_RELATION_LABEL[r.relation] ?? 'Omtalt'} i ${doc ? documentLabel(doc) : 'dokumentet'}`
          : `${ap.printed_id} ${RELATION_LABEL[r.relation] ?? r.relation} ${r.target_label}`,
        actor: null,
        details: { relation: r.relation, target: r.target_label },
      });
  }
  for (const r of inRefs) {
    const doc = docRef({ id: r.doc_id, type: r.type, year: r.year, date: r.date, title: r.doc_title });
    entries.push({
      at: documentTime(doc),
      kind: 'referenced_by',
      document: doc,
      text: `${r.printed_id} ${RELATION_LABEL[r.relation] ?? r.relation} ${r.target_label}: ${r.title}`,
      actor: null,
      details: { relation: r.relation, from: r.printed_id },
    });
  }
  for (const c of changes) {
    const source = c.source_document_id !== null ? (docs.get(c.source_document_id) ?? null) : null;
    entries.push({
      // A change a document made happened when the document was written, not when it was imported.
      at: source ? documentTime(source) : c.at,
      kind: 'deadline_change',
      document: source,
      text: `Frist${c.part !== null ? ` (${c.part})` : ''} endret fra ${c.old_date ? formatIsoDate(c.old_date) : 'ingen'} til ${c.new_date ? formatIsoDate(c.new_date) : 'ingen'}: ${c.reason}`,
      actor: c.actor,
      details: { from: c.old_date, to: c.new_date, part: c.part, source: c.source_kind, reason: c.reason },
    });
  }
  for (const e of events)
    entries.push({
      at: e.at,
      kind: 'status',
      document: e.source_document_id !== null ? (docs.get(e.source_document_id) ?? null) : null,
      text: `Status ${e.from_status} → ${e.to_status}: ${e.reason}`,
      actor: e.actor,
      details: { from: e.from_status, to: e.to_status, reason: e.reason },
    });
  for (const n of notes)
    entries.push({
      at: n.at,
      kind: n.kind,
      document: null,
      text: n.text,
      actor: n.actor,
      details: {},
    });
  for (const n of reportNotes) {
    const doc = docRef({ id: n.doc_id, type: n.type, year: n.year, date: n.date, title: n.title });
    entries.push({
      at: documentTime(doc),
      kind: 'report',
      document: doc,
      text: n.text,
      actor: null,
      details: { lines: [n.line_from, n.line_to] },
    });
  }
  for (const o of owners)
    entries.push({
      at: o.at,
      kind: 'owner',
      document: null,
      text: `Ansvarlig: ${o.person}`,
      actor: o.actor,
      details: { person: o.person },
    });

  const last = latest[latest.length - 1];
  const withParts = [...latest].reverse().map((ap) => ap.id);
  const partRows =
    withParts.length === 0
      ? []
      : await db
          .selectFrom('appearance_part')
          .select(['appearance_id', 'label', 'text'])
          .where('appearance_id', 'in', withParts)
          .orderBy('ord')
          .execute();
  const partsFrom = withParts.find((id) => partRows.some((p) => p.appearance_id === id));
  const parts = partRows
    .filter((p) => p.appearance_id === partsFrom)
    .map((p) => ({ label: p.label, text: redactIds(p.text, redacted) }));
  const current = currentView(
    latest.map((ap) => ({
      kind: ap.kind,
      title: ap.title,
      departments: ap.departments,
      deadlines: dls.filter((d) => d.appearance_id === ap.id),
    })),
  );
  const lastDeadlines = current?.deadlines ?? [];
  const personChange = changes
    .filter((c) => c.source_kind === 'person')
    .sort((x, y) => x.id - y.id)
    .pop();
  const deadlines = personChange
    ? [
        {
          date: personChange.new_date,
          text: personChange.new_text,
          part: personChange.part,
          precision: 'day',
        },
      ]
    : lastDeadlines.map((d) => ({ date: d.date, text: d.text, part: d.part, precision: d.precision }));
  return {
    id,
    key: unscoped(a.key),
    // An assignment known only by a derived ID (a letter without IDs) shows that ID, never its SYN key.
    ids: (ids.some((i) => !isSyntheticKey(i.key)) ? ids.filter((i) => !isSyntheticKey(i.key)) : ids).map(
      (i) => i.label,
    ),
    title: redactIds(current?.title ?? '', redacted),
    body: redactIds(last?.body ?? '', redacted),
    departments: current?.departments ?? [],
    status: a.status,
    derived: deriveStatus(
      a.status,
      deadlines.map((d) => d.date),
      osloDate(clock()),
    ),
    statusChangedAt: a.status_changed_at,
    statusChangedBy: a.status_changed_by,
    confidential: a.confidential,
    version: a.version,
    // A person's name field is free text too: «Kari (også TB2024-9)» must not name a hidden assignment.
    owners: owners.map((o) => redactIds(o.person, redacted)),
    deadlines,
    parts,
    // Text of a public assignment can still name a confidential one ("Presisering av oppdrag TB2024-9",
    // "Erstattet av TB2025-8", a typed note): the IDs are redacted everywhere in what a public viewer gets.
    timeline: redactDeep(sortTimeline(entries), redacted),
    inCurrentVersion: last?.dropped_in_version == null,
  };
}
