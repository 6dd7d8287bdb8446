/**
 * "Avviksrapport": per department, as of a chosen date: assignments overdue and not delivered,
 * deadline changes with their reasons, and deliveries the ministry sent back.
 */
import { OPEN_STATUSES } from '../register/status.js';
import type { AssignmentFacts, ReportFacts } from './facts.js';
import { byDepartment, compareByIds, dayOf, idsOf, lastDeadline, reportShell, titleOf } from './common.js';
import { type Block, column, date, flag, heading, paragraph, type Report, table, text } from './model.js';
import { formatIsoDate } from '../format/norwegian.js';

export function isOverdueOn(a: AssignmentFacts, day: string): boolean {
  const last = lastDeadline(a);
  return last !== null && last < day && (OPEN_STATUSES as readonly string[]).includes(a.status);
}

/** Deliveries sent back: levert → pågår, which only the ministry may do. */
export function sentBack(a: AssignmentFacts, until: string, since = ''): AssignmentFacts['statusEvents'] {
  return a.statusEvents.filter(
    (e) => e.from === 'levert' && e.to === 'pågår' && dayOf(e.at) <= until && dayOf(e.at) >= since,
  );
}

export function deadlineChangesIn(
  a: AssignmentFacts,
  until: string,
  since = '',
): AssignmentFacts['deadlineChanges'] {
  return a.deadlineChanges.filter((c) => dayOf(c.at) <= until && dayOf(c.at) >= since);
}

export function buildDeviations(facts: ReportFacts): Report {
  const day = facts.date;
  const blocks: Block[] = [];
  let count = 0;
  for (const [department, list] of byDepartment(facts.assignments)) {
    const sorted = [...list].sort(compareByIds);
    const overdue = sorted.filter((a) => isOverdueOn(a, day));
    const changes = sorted.flatMap((a) => deadlineChangesIn(a, day).map((c) => ({ a, c })));
    const back = sorted.flatMap((a) => sentBack(a, day).map((e) => ({ a, e })));
    if (overdue.length + changes.length + back.length === 0) continue;
    count += overdue.length + changes.length + back.length;
    blocks.push(heading(1, `Avdeling ${department}`));
    if (overdue.length > 0)
      blocks.push(
        heading(2, 'Forfalt og ikke levert'),
        table(
          [column('ID', 1.2), column('Oppdrag', 4), column('Siste frist', 1.5), column('Status', 1)],
          overdue.map((a) => [text(idsOf(a)), text(titleOf(a)), date(lastDeadline(a)), flag(a.status)]),
        ),
      );
    if (changes.length > 0)
      blocks.push(
        heading(2, 'Endrede frister'),
        table(
          [
            column('ID', 1.2),
            column('Oppdrag', 2.5),
            column('Fra', 1.3),
            column('Til', 1.3),
            column('Begrunnelse', 2.5),
            column('Endret', 1.3),
          ],
          changes.map(({ a, c }) => [
            text(idsOf(a)),
            text(titleOf(a)),
            date(c.from),
            date(c.to),
            text(c.reason),
            date(dayOf(c.at)),
          ]),
        ),
      );
    if (back.length > 0)
      blocks.push(
        heading(2, 'Sendt tilbake'),
        table(
          [column('ID', 1.2), column('Oppdrag', 3), column('Begrunnelse', 3), column('Dato', 1.3)],
          back.map(({ a, e }) => [text(idsOf(a)), text(titleOf(a)), text(e.reason), date(dayOf(e.at))]),
        ),
      );
  }
  if (count === 0) blocks.push(paragraph(`Ingen avvik per ${formatIsoDate(day)}.`));
  return { ...reportShell('avvik', facts, [{ label: 'Per dato', value: formatIsoDate(day) }]), blocks };
}
