/**
 * What every extraction stage receives: the logical lines, what earlier stages found, and a warning sink.
 * Stages are pure functions of their context; diagnostics are values, not exceptions.
 */
import type { DocumentInfo, Section, Warning } from '../model/extraction.js';
import type { Line } from '../text/lines.js';

export interface ExtractContext {
  readonly lines: readonly Line[];
  /** The year the document is for; used to complete dates printed without a year. */
  readonly year: number | null;
  readonly document: DocumentInfo;
  readonly sections: readonly Section[];
  warn(code: string, message: string, line: number | null): void;
  /** Where stages report what they saw and checked, for the coverage figure; absent in stage tests. */
  readonly tally?: Tally;
}

export type SumOutcome = 'foots' | 'mismatch' | 'unchecked';

/**
 * What the record stages saw and checked, beyond the records themselves: every budget table they
 * recognised (read or not) and every printed sum they tried to cross-foot. The coverage stage turns it
 * into the `coverage` figure (coverage.ts).
 */
export class Tally {
  /** Budget tables by the source line of their header (or first row), with the rows they gave. */
  readonly budgetTables: { line: number | null; rows: number }[] = [];
  readonly sums: { line: number; outcome: SumOutcome }[] = [];
  /** Header lines of tables that look like a budget but are something else (authorisation ceilings). */
  readonly notBudget = new Set<number>();
  budgetTable(line: number | null, rows: number): void {
    this.budgetTables.push({ line, rows });
  }
  notBudgetTable(line: number): void {
    this.notBudget.add(line);
  }
  sum(line: number, outcome: SumOutcome): void {
    this.sums.push({ line, outcome });
  }
}

export class Diagnostics {
  readonly warnings: Warning[] = [];
  warn = (code: string, message: string, line: number | null): void => {
    this.warnings.push({ code, message, line });
  };
}

/** The section (deepest numbered heading) that contains a source line, or null. */
export function sectionAt(sections: readonly Section[], line: number): Section | null {
  let best: Section | null = null;
  for (const s of sections) {
    if (s.lines[0] <= line && line <= s.lines[1] && (!best || s.level >= best.level)) best = s;
  }
  return best;
}
