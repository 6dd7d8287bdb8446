/**
 * Completeness: account for everything the text holds that a reader of a steering document looks for,
 * so that a miss is never silent. Runs after every record stage, on their records and on what they
 * reported to the tally (context.ts):
 *
 * - Every assignment-ID-shaped token, in any scheme ("TB2026-12", "TTB2022-56", "RTB2020-3", "OPP2025-7",
 *   "2026-01" after an "ID:" label), is an assignment of this document, a reference (an assignment's
 *   reference, a status note's ID, or text kept in another record: a budget comment, a calendar row), or
 *   a warning with its line (coverage/ids.ts).
 * - Every table that looks like a budget yields rows or a warning: the budget stage reports each table it
 *   recognised; runs of budget-shaped rows and budget-shaped header rows that no table took are warned
 *   here (coverage/budget-rows.ts). Every printed sum is cross-footed by the budget stage and counted.
 * - Every dated deadline phrase ("Frist: …", "innen <dato>", "senest <dato>") outside the assignments is
 *   either a row of the steering calendar or a warning (coverage/deadline-phrases.ts). Annual reports
 *   look back; their dates are not deadlines and are not counted.
 *
 * Line lookups use per-line coverage arrays built once, so the stage stays linear in the text.
 */
import type { Coverage, ExtractionResult } from '../model/extraction.js';
import type { Line } from '../text/lines.js';
import type { ExtractContext } from './context.js';
import { unreadBudgetBlocks } from './coverage/budget-rows.js';
import { unattachedDeadlines } from './coverage/deadline-phrases.js';
import { accountIds } from './coverage/ids.js';
import { LineMarks } from './coverage/marks.js';

export type Records = Omit<ExtractionResult, 'coverage' | 'warnings' | 'schemaVersion' | 'source'>;

export function emptyCoverage(): Coverage {
  return {
    ids: { found: 0, assignments: 0, references: 0, warned: 0 },
    budgetTables: { found: 0, read: 0, warned: 0 },
    sums: { found: 0, footing: 0, mismatched: 0, unchecked: 0 },
    deadlines: { found: 0, attached: 0, calendar: 0, warned: 0 },
  };
}

export function assessCoverage(ctx: ExtractContext, records: Records): Coverage {
  const lines: readonly Line[] = ctx.lines;
  const lastNo = lines.length > 0 ? lines[lines.length - 1]!.no : 0;
  const assignments = new LineMarks(
    lastNo,
    records.assignments.map((a) => a.lines),
  );
  const budget = new LineMarks(
    lastNo,
    records.budgetLines.map((b) => b.lines),
  );
  const calendar = new LineMarks(
    lastNo,
    records.calendar.map((c) => c.lines),
  );
  const other = new LineMarks(lastNo, [
    ...records.budgetLines.map((b) => b.lines),
    ...records.calendar.map((c) => c.lines),
    ...records.authorisations.map((x) => x.lines),
    ...records.goals.map((g) => g.lines),
    ...records.statusNotes.map((n) => n.lines),
    ...records.goalAssessments.map((g) => g.lines),
    ...records.keyFigureSeries.map((k) => k.lines),
  ]);
  const authorisations = new LineMarks(
    lastNo,
    records.authorisations.map((x) => x.lines),
  );

  const ids = accountIds(ctx, records, assignments, other);
  const tally = ctx.tally;
  const tables = tally?.budgetTables ?? [];
  const known = new Set<number | null>([...tables.map((t) => t.line), ...(tally?.notBudget ?? [])]);
  const unread = unreadBudgetBlocks(ctx, budget, authorisations, known);
  const read = tables.filter((t) => t.rows > 0).length;
  const sums = tally?.sums ?? [];
  const deadlines = unattachedDeadlines(ctx, assignments, calendar);
  const attached = records.assignments.reduce((n, a) => n + a.deadlines.length, 0);
  return {
    ids,
    budgetTables: { found: tables.length + unread, read, warned: tables.length - read + unread },
    sums: {
      found: sums.length,
      footing: sums.filter((s) => s.outcome === 'foots').length,
      mismatched: sums.filter((s) => s.outcome === 'mismatch').length,
      unchecked: sums.filter((s) => s.outcome === 'unchecked').length,
    },
    deadlines: {
      found: attached + deadlines.calendar + deadlines.warned,
      attached,
      calendar: deadlines.calendar,
      warned: deadlines.warned,
    },
  };
}

/**
 * One line of Norwegian for people: "ID-er 42 (38 oppdrag, 3 henvisninger, 1 med varsel); budsjettabeller
 * 5 av 5 lest; summer 3 av 4 stemmer (1 avvik); fristuttrykk 30 (28 i oppdrag, 1 i kalenderen, 1 med
 * varsel)".
 */
export function describeCoverage(c: Coverage): string {
  const ids =
    c.ids.found === 0
      ? 'ingen oppdrags-ID-er'
      : `oppdrags-ID-er ${c.ids.found} (${c.ids.assignments} oppdrag, ${c.ids.references} henvisninger, ${c.ids.warned} med varsel)`;
  const tables =
    c.budgetTables.found === 0
      ? 'ingen budsjettabeller'
      : `budsjettabeller ${c.budgetTables.read} av ${c.budgetTables.found} lest`;
  const sumNotes = [
    c.sums.mismatched > 0 ? `${c.sums.mismatched} avvik` : '',
    c.sums.unchecked > 0 ? `${c.sums.unchecked} ikke kontrollert` : '',
  ].filter((s) => s !== '');
  const sums =
    c.sums.found === 0
      ? 'ingen summer'
      : `summer ${c.sums.footing} av ${c.sums.found} stemmer${sumNotes.length > 0 ? ` (${sumNotes.join(', ')})` : ''}`;
  const deadlines =
    c.deadlines.found === 0
      ? 'ingen fristuttrykk'
      : `fristuttrykk ${c.deadlines.found} (${c.deadlines.attached} i oppdrag, ${c.deadlines.calendar} i kalenderen, ${c.deadlines.warned} med varsel)`;
  return `Dekning: ${ids}; ${tables}; ${sums}; ${deadlines}.`;
}
