/**
 * "Rapportering på oppdrag": the agency's status appendix to a tertial or annual report. Every
 * assignment of the year per department, with its IDs, deadlines, status, answer and delivery date.
 */
import type { AssignmentFacts, ReportFacts } from './facts.js';
import {
  byDepartment,
  compareByIds,
  dayOf,
  deadlinesOf,
  idsOf,
  reportShell,
  statusOf,
  titleOf,
} from './common.js';
import { type Block, column, date, heading, paragraph, type Report, table, text } from './model.js';

/** The latest delivery ("levert") date, from the status history. */
export function deliveredAt(a: AssignmentFacts): string | null {
  const at = a.statusEvents
    .filter((e) => e.to === 'levert')
    .map((e) => dayOf(e.at))
    .sort()
    .pop();
  return at ?? null;
}

function answerOf(a: AssignmentFacts): string {
  const latest = [...a.answers].sort((x, y) => (x.at < y.at ? -1 : 1)).pop();
  return latest?.text ?? '';
}

export function buildStatusAppendix(facts: ReportFacts): Report {
  const blocks: Block[] = [];
  const groups = byDepartment(facts.assignments);
  if (groups.length === 0) blocks.push(paragraph(`Ingen oppdrag for ${facts.year} i registeret.`));
  for (const [department, list] of groups) {
    blocks.push(heading(1, `Avdeling ${department}`));
    blocks.push(
      table(
        [
          column('ID', 1.2),
          column('Oppdrag', 3),
          column('Frist', 1.4),
          column('Status', 1),
          column('Virksomhetens svar', 3),
          column('Levert', 1.2),
        ],
        [...list]
          .sort(compareByIds)
          .map((a) => [
            text(idsOf(a)),
            text(titleOf(a)),
            text(deadlinesOf(a)),
            text(statusOf(a)),
            text(answerOf(a)),
            date(deliveredAt(a)),
          ]),
      ),
    );
  }
  return {
    ...reportShell('oppdrag', facts, [{ label: 'Oppdrag', value: String(facts.assignments.length) }]),
    blocks,
  };
}
