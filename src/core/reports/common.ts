/** Pieces every report builder shares: how an assignment is named, grouping, and the title block. */
import { formatIsoDate } from '../format/norwegian.js';
import type { AssignmentFacts, ReportFacts } from './facts.js';
import { REPORT_TITLES, type ReportKind, type Report } from './model.js';

/** Marks a confidential assignment for a viewer who may see it; absent for everyone else. */
export const CONFIDENTIAL_MARK = '(unntatt offentlighet)';
export const NO_DEPARTMENT = 'Uten avdeling';

export function idsOf(a: AssignmentFacts): string {
  return a.ids.join(', ');
}

export function titleOf(a: AssignmentFacts): string {
  return a.confidential ? `${a.title} ${CONFIDENTIAL_MARK}` : a.title;
}

export function deadlinesOf(a: AssignmentFacts): string {
  const dated = a.deadlines.filter((d): d is string => d !== null);
  return dated.length === 0 ? 'Ingen frist' : [...new Set(dated)].sort().map(formatIsoDate).join(', ');
}

export function lastDeadline(a: AssignmentFacts): string | null {
  return (
    a.deadlines
      .filter((d): d is string => d !== null)
      .sort()
      .pop() ?? null
  );
}

/** The status a reader needs: the stored one, with "forfalt" when a deadline has passed. */
export function statusOf(a: AssignmentFacts): string {
  return a.derived === 'forfalt' ? `${a.status} (forfalt)` : a.status;
}

/** Assignments per department, departments in alphabetical order; one assignment can be in several. */
export function byDepartment(list: readonly AssignmentFacts[]): [string, AssignmentFacts[]][] {
  const out = new Map<string, AssignmentFacts[]>();
  for (const a of list)
    for (const d of a.departments.length > 0 ? a.departments : [NO_DEPARTMENT])
      out.set(d, [...(out.get(d) ?? []), a]);
  return [...out.entries()].sort(([x], [y]) =>
    x === NO_DEPARTMENT ? 1 : y === NO_DEPARTMENT ? -1 : x.localeCompare(y, 'nb'),
  );
}

export function compareByIds(a: AssignmentFacts, b: AssignmentFacts): number {
  return idsOf(a).localeCompare(idsOf(b), 'nb', { numeric: true });
}

/** The date part of an ISO date or timestamp. */
export function dayOf(at: string): string {
  return at.slice(0, 10);
}

export function reportShell(
  kind: ReportKind,
  facts: ReportFacts,
  extra: { label: string; value: string }[] = [],
): Omit<Report, 'blocks'> {
  return {
    kind,
    title: REPORT_TITLES[kind],
    meta: [
      { label: 'År', value: String(facts.year) },
      { label: 'Virksomhet', value: facts.organisation ?? 'Alle i din tilgang' },
      ...extra,
      { label: 'Laget', value: formatIsoDate(facts.date) },
      {
        label: 'Unntatt offentlighet',
        value: facts.showsConfidential
          ? `Oppdrag unntatt offentlighet er tatt med og merket ${CONFIDENTIAL_MARK}.`
          : 'Oppdrag unntatt offentlighet er ikke tatt med.',
      },
    ],
  };
}
