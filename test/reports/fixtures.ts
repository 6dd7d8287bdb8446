/** Small fictional register facts for the pure report builders. */
import type { AssignmentFacts, ReportFacts } from '../../src/core/reports/facts.js';
import type { Block, Report } from '../../src/core/reports/model.js';
import { cellText } from '../../src/core/reports/cell-text.js';

export function facts(over: Partial<ReportFacts> = {}): ReportFacts {
  return {
    year: 2026,
    organisation: null,
    date: '2026-05-01',
    showsConfidential: false,
    assignments: [],
    goals: [],
    calendar: [],
    budget: [],
    ...over,
  };
}

export function fact(id: string, over: Partial<AssignmentFacts> = {}): AssignmentFacts {
  return {
    ids: [id],
    title: `Oppdrag ${id}`,
    departments: ['FHA'],
    section: '3.1',
    status: 'ny',
    derived: null,
    deadlines: [],
    confidential: false,
    origin: { type: 'tildelingsbrev', date: '2026-01-10', label: 'tildelingsbrev 2026' },
    answers: [],
    statusEvents: [],
    deadlineChanges: [],
    ...over,
  };
}

/** Every table row of a report as its printed cell texts, joined by " | ". */
export function rowsOf(report: Report): string[] {
  return report.blocks
    .filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')
    .flatMap((t) => t.rows.map((r) => r.map(cellText).join(' | ')));
}

export function headingsOf(report: Report): string[] {
  return report.blocks
    .filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading')
    .map((h) => h.text);
}
