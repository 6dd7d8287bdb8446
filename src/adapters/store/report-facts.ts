/**
 * The register facts a report is built from, read for one viewer. The assignment list comes from
 * `listAssignments` (organisation scope and the confidentiality filter applied there); their history
 * (status events, answers, deadline changes) is read for exactly those assignments, and every free
 * text is redacted of the IDs of confidential assignments the viewer may not see.
 */
import { type Kysely, sql } from 'kysely';
import type { AssignmentFacts, BudgetLineFacts, ReportFacts } from '../../core/reports/facts.js';
import { redactIds } from '../../core/register/redact.js';
import { inDocumentOrder } from '../../core/register/timeline.js';
import type { Clock, Viewer } from '../../core/register/viewer.js';
import { listAssignments } from './assignments-query.js';
import { listCalendar, listGoals } from './catalogue.js';
import { hiddenKeys, scopeOfKey } from './confidential.js';
import { escapeLike } from './like.js';
import { documentLabel } from './import.js';
import type { Database } from './schema.js';
import { documentInScope } from './visibility.js';

export interface FactsQuery {
  year: number;
  /** Part of an agency's name; limits every part of the report to that agency's documents. */
  organisation?: string;
  /** The report date (ISO). */
  date: string;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** Documents of the year in the viewer's scope (and of the organisation, when one is asked for). */
async function documentsOf(db: Kysely<Database>, q: FactsQuery, viewer: Viewer) {
  const inScope = documentInScope(viewer, 'd.id');
  return db
    .selectFrom('document as d')
    .leftJoin('agency as ag', 'ag.id', 'd.agency_id')
    .select(['d.id', 'd.type', 'd.year', 'd.date', 'd.title', 'ag.name as agency'])
    .where('d.year', '=', q.year)
    .$if(inScope !== null, (b) => b.where(inScope ?? sql<boolean>`true`))
    .$if(q.organisation !== undefined, (b) =>
      b.where('ag.name', 'ilike', `%${escapeLike(q.organisation ?? '')}%`),
    )
    .execute();
}

async function budgetOf(
  db: Kysely<Database>,
  docs: Awaited<ReturnType<typeof documentsOf>>,
): Promise<BudgetLineFacts[]> {
  if (docs.length === 0) return [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const rows = await db
    .selectFrom('budget_line')
    .select(['document_id', 'chapter', 'post', 'name', 'allocated', 'columns', 'amounts'])
    .where('document_id', 'in', [...byId.keys()])
    .orderBy('document_id')
    .orderBy('line_from')
    .execute();
  const out: BudgetLineFacts[] = [];
  for (const r of rows) {
    const d = byId.get(r.document_id);
    if (!d || (d.type !== 'tildelingsbrev' && d.type !== 'tillegg' && d.type !== 'arsrapport')) continue;
    const accountsAt = r.columns.findIndex((c) => /^regnskap/i.test(c.trim()));
    // Of an annual report's tables only the appropriation report sets allocation beside accounts; its
    // notes repeat the same posts (transfers, authorisations) and would count them again.
    if (d.type === 'arsrapport' && accountsAt < 0) continue;
    out.push({
      chapter: r.chapter,
      post: r.post,
      name: r.name,
      allocated: r.allocated,
      source: d.type,
      documentDate: d.date,
      documentLabel: d.title ?? documentLabel(d),
      accounts: accountsAt >= 0 ? (r.amounts[accountsAt] ?? null) : null,
    });
  }
  return out;
}

export async function reportFacts(
  db: Kysely<Database>,
  q: FactsQuery,
  viewer: Viewer,
  clock: Clock,
): Promise<ReportFacts> {
  const docs = await documentsOf(db, q, viewer);
  const docIds = new Set(docs.map((d) => d.id));
  const list = await listAssignments(
    db,
    { year: q.year, ...(q.organisation !== undefined ? { agency: q.organisation } : {}) },
    viewer,
    clock,
  );
  const ids = list.map((a) => a.id);
  const hidden = await hiddenKeys(db, viewer);
  const none = ids.length === 0;
  const keys = none
    ? []
    : await db.selectFrom('assignment').select(['id', 'key']).where('id', 'in', ids).execute();
  const scopeOf = new Map(keys.map((k) => [k.id, scopeOfKey(k.key)]));
  const clean = (id: number, s: string) => redactIds(s, hidden.printedIn(scopeOf.get(id) ?? ''));

  const events = none
    ? []
    : await db
        .selectFrom('status_event')
        .select(['assignment_id', 'from_status', 'to_status', 'at', 'reason'])
        .where('assignment_id', 'in', ids)
        .orderBy('id')
        .execute();
  const answers = none
    ? []
    : await db
        .selectFrom('note')
        .select(['assignment_id', 'text', 'at'])
        .where('assignment_id', 'in', ids)
        .where('kind', '=', 'answer')
        .orderBy('id')
        .execute();
  const changes = none
    ? []
    : await db
        .selectFrom('deadline_change')
        .select(['assignment_id', 'old_date', 'new_date', 'at', 'reason'])
        .where('assignment_id', 'in', ids)
        .orderBy('id')
        .execute();
  const appsInScope = documentInScope(viewer, 'd.id');
  const appearances = none
    ? []
    : await db
        .selectFrom('appearance as ap')
        .innerJoin('document as d', 'd.id', 'ap.document_id')
        .select(['ap.id', 'ap.assignment_id', 'ap.section', 'd.type', 'd.year', 'd.date', 'd.title'])
        .where('ap.assignment_id', 'in', ids)
        // Only documents the viewer may read say where an assignment came from.
        .$if(appsInScope !== null, (b) => b.where(appsInScope ?? sql<boolean>`true`))
        .execute();
  const eventsOf = groupBy(events, (e) => e.assignment_id);
  const answersOf = groupBy(answers, (a) => a.assignment_id);
  const changesOf = groupBy(changes, (c) => c.assignment_id);
  const appsOf = groupBy(appearances, (a) => a.assignment_id);

  const assignments: AssignmentFacts[] = list.map((a) => {
    const first = inDocumentOrder(appsOf.get(a.id) ?? [], (ap) => ap)[0];
    return {
      ids: a.ids,
      title: a.title,
      departments: a.departments,
      section: first?.section ?? null,
      status: a.status,
      derived: a.derived,
      deadlines: a.deadlines,
      confidential: a.confidential,
      origin: first
        ? { type: first.type, date: first.date, label: first.title ?? documentLabel(first) }
        : { type: 'ukjent', date: null, label: '' },
      answers: (answersOf.get(a.id) ?? []).map((n) => ({ text: clean(a.id, n.text), at: n.at })),
      statusEvents: (eventsOf.get(a.id) ?? []).map((e) => ({
        from: e.from_status,
        to: e.to_status,
        at: e.at,
        reason: clean(a.id, e.reason),
      })),
      deadlineChanges: (changesOf.get(a.id) ?? []).map((c) => ({
        from: c.old_date,
        to: c.new_date,
        at: c.at,
        reason: clean(a.id, c.reason),
      })),
    };
  });

  const inDocs = <T extends { document: { id: number } }>(rows: T[]) =>
    rows.filter((r) => docIds.has(r.document.id));
  const goals = inDocs(await listGoals(db, viewer, q.year)).map((g) => ({
    number: g.number,
    title: g.title,
    criteria: g.criteria,
    steeringParameters: g.steeringParameters,
  }));
  const calendar = inDocs(await listCalendar(db, viewer, q.year)).map((c) => ({
    date: c.date,
    time: c.time,
    text: c.text,
    note: c.note,
  }));
  return {
    year: q.year,
    organisation: q.organisation ?? null,
    date: q.date,
    showsConfidential: viewer.canSeeConfidential,
    assignments,
    goals,
    calendar,
    budget: redactBudget(await budgetOf(db, docs), hidden.printed),
  };
}

/** Budget names are letter text too: a name that cites a hidden assignment loses the ID. */
function redactBudget(rows: BudgetLineFacts[], printed: ReadonlySet<string>): BudgetLineFacts[] {
  return rows.map((r) => ({ ...r, name: redactIds(r.name, printed) }));
}
