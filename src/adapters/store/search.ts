/**
 * Norwegian full-text search over assignment titles and bodies, goals and budget comments.
 * PostgreSQL's `norwegian` snowball stemmer (present in PGlite too) folds inflections (tobakken →
 * tobakk), but it does not split compounds; every query word is therefore also matched as a prefix of
 * the stem (tobakk:* finds "tobakksstrategi"), and exact stem matches rank higher than prefix matches.
 */
import { escapeLike } from './like.js';
import { type Compilable, type Kysely, type RawBuilder, sql } from 'kysely';
import { namesHiddenId, REDACTED, redactIds } from '../../core/register/redact.js';
import type { Clock, Viewer } from '../../core/register/viewer.js';
import {
  type AssignmentFilter,
  appearanceConditions,
  DERIVED,
  listAssignments,
} from './assignments-query.js';
import { hiddenKeys, scopeOfKey } from './confidential.js';
import type { Database } from './schema.js';
import { documentInScope } from './visibility.js';

export interface SearchHit {
  kind: 'assignment' | 'goal' | 'budget';
  /** Assignment ID, goal number or chapter.post. */
  ref: string;
  title: string;
  snippet: string;
  rank: number;
  document: { id: number; type: string; year: number | null; title: string | null };
  status: string | null;
  /** Assignments only: false when the current version of its letter no longer prints it. */
  inCurrentVersion?: boolean;
}

/** Words of the query, letters and digits only, so they are safe inside a tsquery. */
function queryWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

const CANDIDATES = 250;
const SNIPPET_SOURCE = 2500;

const HEADLINE = 'StartSel=**, StopSel=**, MaxWords=18, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "';

/**
 * The hit marks can split an ID ("**tb2024**-9" for the query "tb2024"); a snippet that names a hidden
 * ID then loses its marks, so the ID is found and redacted whole.
 */
function redactSnippet(snippet: string, hidden: ReadonlySet<string>): string {
  const plain = snippet.replaceAll('**', '');
  return namesHiddenId(plain, hidden) ? redactIds(plain, hidden) : snippet;
}

export async function search(
  db: Kysely<Database>,
  query: string,
  f: AssignmentFilter,
  viewer: Viewer,
  clock: Clock,
  limit = 20,
): Promise<SearchHit[]> {
  const hidden = await hiddenKeys(db, viewer);
  // A hidden ID is no search term: public text that names it («se TB2024-9») would answer whether it
  // exists. The query loses it before it reaches the index, as the text shown loses it.
  const words = queryWords(redactIds(query, hidden.printed).replaceAll(REDACTED, ' '));
  if (words.length === 0) return [];
  // Prefix matching only for words long enough to mean something: "e:*" (from "e-helse") would match
  // every word starting with e.
  const prefix = sql`to_tsquery('norwegian', ${words.map((w) => (w.length >= 4 ? `${w}:*` : w)).join(' & ')})`;
  const exact = sql`plainto_tsquery('norwegian', ${words.join(' ')})`;
  const rank = (col: string) =>
    sql<number>`(ts_rank(${sql.ref(col)}, ${exact}) * 2 + ts_rank(${sql.ref(col)}, ${prefix}))`;
  /**
   * Ranking reads every candidate's tsvector, so a very common word ("helse:*" matches every
   * "Helsedirektoratet") would cost a scan of the whole register. Candidates are therefore capped per
   * record type: up to CANDIDATES exact-stem matches plus up to CANDIDATES prefix matches, after filters.
   */
  const candidates = (ids: { where: (m: RawBuilder<boolean>) => Compilable }, vec: string) =>
    sql`(${ids.where(sql<boolean>`${sql.ref(vec)} @@ ${exact}`)} limit ${CANDIDATES}) union (${ids.where(
      sql<boolean>`${sql.ref(vec)} @@ ${prefix}`,
    )} limit ${CANDIDATES})`;

  const inScope = documentInScope(viewer, 'document.id');
  // Candidate queries read one table each (filters as subqueries), so the planner uses the GIN index.
  const docsWhere = (q: { year?: number; agency?: string }) => {
    let d = db.selectFrom('document').select('document.id');
    if (inScope) d = d.where(inScope);
    if (q.year !== undefined) d = d.where('document.year', '=', q.year);
    if (q.agency !== undefined)
      d = d.where(
        'document.agency_id',
        'in',
        db
          .selectFrom('agency')
          .select('agency.id')
          .where('agency.name', 'ilike', `%${escapeLike(q.agency)}%`),
      );
    return d;
  };
  const byDocument = f.year !== undefined || f.agency !== undefined || inScope !== null;
  let a = db.selectFrom('appearance as ap').select('ap.id');
  if (byDocument) a = a.where('ap.document_id', 'in', docsWhere(f));
  if (f.status !== undefined && DERIVED.includes(f.status)) {
    // Derived statuses (forfalt, snart forfall) come from deadlines and today's date, not from a column:
    // the assignment list computes them, with the same viewer, and the search keeps its assignments.
    const due = await listAssignments(db, { status: f.status }, viewer, clock);
    a = a.where('ap.assignment_id', 'in', due.length > 0 ? due.map((x) => x.id) : [0]);
  }
  if (!viewer.canSeeConfidential || (f.status !== undefined && !DERIVED.includes(f.status))) {
    let asg = db.selectFrom('assignment').select('assignment.id');
    if (!viewer.canSeeConfidential) asg = asg.where('assignment.confidential', '=', false);
    if (f.status !== undefined && !DERIVED.includes(f.status))
      asg = asg.where('assignment.status', '=', f.status);
    a = a.where('ap.assignment_id', 'in', asg);
  }
  for (const condition of appearanceConditions(f)) a = a.where(condition);

  // Goals and budget lines have no department, status or deadline: those filters mean "assignments only".
  const assignmentsOnly = f.department !== undefined || f.status !== undefined || f.hasDeadline !== undefined;
  let g = db.selectFrom('goal as g').select('g.id');
  let b = db.selectFrom('budget_line as b').select('b.id');
  if (byDocument) {
    g = g.where('g.document_id', 'in', docsWhere(f));
    b = b.where('b.document_id', 'in', docsWhere(f));
  }
  if (f.section !== undefined) {
    g = g.where((eb) =>
      eb.or([
        eb('g.section', '=', f.section ?? ''),
        eb('g.section', 'like', `${escapeLike(f.section ?? '')}.%`),
      ]),
    );
  }
  const rankedA = db
    .selectFrom('appearance as ap')
    .select([sql<string>`'assignment'`.as('kind'), 'ap.id as ref_id', rank('ap.search').as('rank')])
    .where(sql<boolean>`ap.id in (${candidates(a, 'ap.search')})`);
  const rankedG = db
    .selectFrom('goal as g')
    .select([sql<string>`'goal'`.as('kind'), 'g.id as ref_id', rank('g.search').as('rank')])
    .where(sql<boolean>`g.id in (${candidates(g, 'g.search')})`);
  const rankedB = db
    .selectFrom('budget_line as b')
    .select([sql<string>`'budget'`.as('kind'), 'b.id as ref_id', rank('b.search').as('rank')])
    .where(sql<boolean>`b.id in (${candidates(b, 'b.search')})`);
  const union = assignmentsOnly
    ? rankedA
    : f.section !== undefined
      ? rankedA.unionAll(rankedG)
      : rankedA.unionAll(rankedG).unionAll(rankedB);
  // With a LIMIT and a second filter (department, year) the planner tends to bet on a sequential scan
  // that finds enough rows early; for a rare word it then reads and detoasts the whole table. The GIN
  // bitmap is cheap in every case, so the search runs with sequential scans disabled.
  const top = await db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    return trx
      .selectFrom(union.as('h'))
      .selectAll()
      .orderBy('rank', 'desc')
      .orderBy('kind')
      .orderBy('ref_id')
      .limit(limit)
      .execute();
  });

  const ids = (k: string) => top.filter((t) => t.kind === k).map((t) => t.ref_id);
  // ts_headline re-parses the whole text; long bodies (some letters print pages per assignment) are cut
  // to their first SNIPPET_SOURCE characters, where the title and the first mention usually are.
  const head = (col: string) =>
    sql<string>`ts_headline('norwegian', left(${sql.ref(col)}, ${SNIPPET_SOURCE}), ${prefix}, ${HEADLINE})`;
  const docCols = ['d.id as doc_id', 'd.type', 'd.year', 'd.title as doc_title'] as const;
  // `scope`: the agency whose IDs a hit's text prints (assignments); goals and budget lines have none here.
  const details = new Map<string, Omit<SearchHit, 'rank' | 'kind'> & { scope?: string }>();
  const docOf = (r: { doc_id: number; type: string; year: number | null; doc_title: string | null }) => ({
    id: r.doc_id,
    type: r.type,
    year: r.year,
    title: r.doc_title,
  });
  if (ids('assignment').length > 0)
    for (const r of await db
      .selectFrom('appearance as ap')
      .innerJoin('assignment as asg', 'asg.id', 'ap.assignment_id')
      .innerJoin('document as d', 'd.id', 'ap.document_id')
      .select([
        'ap.id',
        'ap.printed_id',
        'ap.title',
        'asg.status',
        'asg.key as assignment_key',
        'ap.dropped_in_version',
        head('ap.search_text').as('snippet'),
        ...docCols,
      ])
      .where('ap.id', 'in', ids('assignment'))
      .execute())
      details.set(`assignment:${r.id}`, {
        ref: r.printed_id,
        title: r.title,
        snippet: r.snippet,
        document: docOf(r),
        status: r.status,
        inCurrentVersion: r.dropped_in_version === null,
        scope: scopeOfKey(r.assignment_key),
      });
  if (ids('goal').length > 0)
    for (const r of await db
      .selectFrom('goal as g')
      .innerJoin('document as d', 'd.id', 'g.document_id')
      .select(['g.id', 'g.number', 'g.title', head('g.search_text').as('snippet'), ...docCols])
      .where('g.id', 'in', ids('goal'))
      .execute())
      details.set(`goal:${r.id}`, {
        ref: `Mål ${r.number}`,
        title: r.title,
        snippet: r.snippet,
        document: docOf(r),
        status: null,
      });
  if (ids('budget').length > 0)
    for (const r of await db
      .selectFrom('budget_line as b')
      .innerJoin('document as d', 'd.id', 'b.document_id')
      .select(['b.id', 'b.chapter', 'b.post', 'b.name', head('b.search_text').as('snippet'), ...docCols])
      .where('b.id', 'in', ids('budget'))
      .execute())
      details.set(`budget:${r.id}`, {
        ref: `${r.chapter}.${r.post}`,
        title: r.name,
        snippet: r.snippet,
        document: docOf(r),
        status: null,
      });
  // A public hit's title or snippet can still name a confidential assignment ("Presisering av oppdrag
  // TB2024-9"); the ID is redacted, as on the timeline.
  return top.flatMap((t) => {
    const found = details.get(`${t.kind}:${t.ref_id}`);
    if (!found) return [];
    const { scope, ...d } = found;
    const ids = scope !== undefined ? hidden.printedIn(scope) : hidden.printed;
    return [
      {
        kind: t.kind as SearchHit['kind'],
        rank: Number(t.rank),
        ...d,
        title: redactIds(d.title, ids),
        snippet: redactSnippet(d.snippet, ids),
      },
    ];
  });
}
