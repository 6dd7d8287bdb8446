/** One entry point for every report kind, so use cases and tests pick a builder by name. */
import { buildBudgetReconciliation } from './budget-reconciliation.js';
import { buildDeviations } from './deviations.js';
import type { AccountsRow, ReportFacts } from './facts.js';
import { buildMeetingBrief } from './meeting-brief.js';
import type { Report, ReportKind } from './model.js';
import { buildNextLetter } from './next-letter.js';
import { buildStatusAppendix } from './status-appendix.js';

export interface BuildOptions {
  /** Meeting brief: the start of the period (else the previous meeting in the calendar). */
  since?: string;
  /** Budget reconciliation: the government accounts export, summed per chapter/post. */
  accounts?: readonly AccountsRow[];
}

export function buildReport(kind: ReportKind, facts: ReportFacts, opts: BuildOptions = {}): Report {
  switch (kind) {
    case 'oppdrag':
      return buildStatusAppendix(facts);
    case 'avvik':
      return buildDeviations(facts);
    case 'motegrunnlag':
      return buildMeetingBrief(facts, opts.since);
    case 'neste-brev':
      return buildNextLetter(facts);
    case 'budsjettavstemming':
      return buildBudgetReconciliation(facts, opts.accounts ?? null);
  }
}
