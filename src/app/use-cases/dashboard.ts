/**
 * Oversikt for one year and one agency (or all in the viewer's scope): assignments by status and by
 * owning department, the status × department matrix, what is overdue and what falls due within 30
 * days, deadlines per month, the next steering-calendar events and the latest imported documents.
 * Built from the same filtered list as `listAssignments`, so the counts never disagree with the list.
 */
import { listCalendar, listDocuments } from '../../adapters/store/catalogue.js';
import { addDays, OPEN_STATUSES, osloDate, STATUSES } from '../../core/register/status.js';
import { authorize, viewerFor } from '../policy.js';
import { DashboardInput } from '../schemas.js';
import { useCase } from '../use-case.js';
import { type AssignmentListItem, filteredAssignments } from './assignments.js';

/** Days ahead the overview calls "due soon". */
export const DASHBOARD_SOON_DAYS = 30;
const LIST_LENGTH = 10;
/** Assignments with no owning department are counted under this name. */
export const NO_DEPARTMENT = 'Uten avdeling';

function count<K>(map: Map<K, number>, key: K) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function byNextDeadline(a: AssignmentListItem, b: AssignmentListItem) {
  return (a.nextDeadline ?? '9999').localeCompare(b.nextDeadline ?? '9999') || a.ref.localeCompare(b.ref);
}

/** `YYYY-MM` of the twelve months of a year. */
function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

export const dashboardUseCase = useCase({
  name: 'dashboard',
  summary: 'Oversikt for et år og en virksomhet: status, avdelinger, frister, kalender og dokumenter',
  input: DashboardInput,
  readOnly: true,
  async run(call, input) {
    authorize(call.principal, 'read');
    const viewer = viewerFor(call.principal);
    const db = call.deps.store.db;
    const today = osloDate(call.deps.clock());
    const horizon = addDays(today, DASHBOARD_SOON_DAYS);
    const list = await filteredAssignments(call, {
      ...(input.year !== undefined ? { year: input.year } : {}),
      ...(input.agency !== undefined ? { agency: input.agency } : {}),
    });

    const byStatus = new Map<string, number>(STATUSES.map((s) => [s, 0]));
    const byDepartment = new Map<string, number>();
    const matrix = new Map<string, Map<string, number>>();
    for (const a of list) {
      count(byStatus, a.status);
      const deps = a.departments.length > 0 ? a.departments : [NO_DEPARTMENT];
      for (const d of new Set(deps)) {
        count(byDepartment, d);
        const row = matrix.get(d) ?? new Map<string, number>();
        count(row, a.status);
        matrix.set(d, row);
      }
    }
    const departments = [...byDepartment.keys()].sort((x, y) =>
      x === NO_DEPARTMENT ? 1 : y === NO_DEPARTMENT ? -1 : x.localeCompare(y, 'nb'),
    );

    const open = list.filter((a) => (OPEN_STATUSES as readonly string[]).includes(a.status));
    const overdue = open.filter((a) => a.derived === 'forfalt').sort(byNextDeadline);
    const dueSoon = open
      .filter((a) => a.deadlines.some((d) => d !== null && d >= today && d <= horizon))
      .sort(byNextDeadline);

    const chartYear = input.year ?? Number(today.slice(0, 4));
    const perMonth = new Map<string, number>(monthsOf(chartYear).map((m) => [m, 0]));
    for (const a of list)
      for (const d of new Set(a.deadlines)) {
        const m = d?.slice(0, 7);
        if (m !== undefined && perMonth.has(m)) count(perMonth, m);
      }

    const documents = await listDocuments(db, viewer);
    const wantedAgency = input.agency?.toLocaleLowerCase('nb');
    const inFilter = documents.filter(
      (d) =>
        (input.year === undefined || d.year === input.year) &&
        (wantedAgency === undefined || (d.agency ?? '').toLocaleLowerCase('nb').includes(wantedAgency)),
    );
    const docIds = new Set(inFilter.map((d) => d.id));
    const calendar = (await listCalendar(db, viewer, input.year))
      .filter((c) => docIds.has(c.document.id) && c.date !== null && c.date >= today)
      .slice(0, 5);
    const latest = inFilter
      .map((d) => {
        const v = d.versions.find((x) => x.version === d.currentVersion) ?? d.versions.at(-1);
        return {
          id: d.id,
          label: d.label,
          type: d.type,
          year: d.year,
          agency: d.agency,
          version: d.currentVersion,
          importedAt: v?.importedAt ?? null,
          sourceName: v?.sourceName ?? null,
        };
      })
      .sort((x, y) => (y.importedAt ?? '').localeCompare(x.importedAt ?? ''))
      .slice(0, 5);

    return {
      today,
      soonDays: DASHBOARD_SOON_DAYS,
      years: [...new Set(documents.map((d) => d.year).filter((y): y is number => y !== null))].sort(
        (x, y) => y - x,
      ),
      agencies: [...new Set(documents.map((d) => d.agency).filter((a): a is string => a !== null))].sort(),
      total: list.length,
      byStatus: [...byStatus].map(([status, n]) => ({ status, count: n })),
      byDepartment: departments.map((department) => ({
        department,
        count: byDepartment.get(department) ?? 0,
      })),
      matrix: departments.map((department) => ({
        department,
        counts: Object.fromEntries(STATUSES.map((s) => [s, matrix.get(department)?.get(s) ?? 0])),
      })),
      overdue: { count: overdue.length, items: overdue.slice(0, LIST_LENGTH) },
      dueSoon: { count: dueSoon.length, items: dueSoon.slice(0, LIST_LENGTH) },
      deadlinesPerMonth: {
        year: chartYear,
        months: [...perMonth].map(([month, n]) => ({ month, count: n })),
      },
      calendar,
      documents: latest,
    };
  },
});
