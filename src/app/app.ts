/**
 * The application layer's front door: every use case by name, and `runUseCase`, which validates the
 * input against the use case's schema, runs it for a principal and turns every failure into an
 * AppError. The CLI (in process or through a server), the HTTP API and the web app all come here.
 */
import type { z } from 'zod';
import {
  auditLogUseCase,
  exportUseCase,
  removeVersionUseCase,
  restoreUseCase,
  verifyAuditUseCase,
} from './use-cases/admin.js';
import {
  addNoteUseCase,
  changeDeadlineUseCase,
  changeStatusUseCase,
  listAssignmentsUseCase,
  setOwnerUseCase,
  showAssignmentUseCase,
} from './use-cases/assignments.js';
import { bulkChangeStatusUseCase, bulkSetOwnerUseCase } from './use-cases/bulk.js';
import { dashboardUseCase } from './use-cases/dashboard.js';
import { budgetYearUseCase } from './use-cases/budget-year.js';
import { importDocumentsUseCase, listDocumentsUseCase } from './use-cases/documents.js';
import { exportTableUseCase } from './use-cases/exports.js';
import { deadlineCalendarUseCase } from './use-cases/calendar-feed.js';
import {
  budgetUseCase,
  calendarUseCase,
  deadlinesUseCase,
  goalsUseCase,
  keyFiguresUseCase,
  overviewUseCase,
  searchUseCase,
  statsUseCase,
} from './use-cases/register.js';
import { reportUseCase } from './use-cases/reports.js';
import type { Principal } from './principal.js';
import { toAppError } from './store-errors.js';
import type { AppDeps, UseCase } from './use-case.js';
import { validationError } from './validate.js';

export const USE_CASES = {
  listAssignments: listAssignmentsUseCase,
  showAssignment: showAssignmentUseCase,
  changeStatus: changeStatusUseCase,
  addNote: addNoteUseCase,
  setOwner: setOwnerUseCase,
  changeDeadline: changeDeadlineUseCase,
  bulkChangeStatus: bulkChangeStatusUseCase,
  bulkSetOwner: bulkSetOwnerUseCase,
  importDocuments: importDocumentsUseCase,
  listDocuments: listDocumentsUseCase,
  search: searchUseCase,
  deadlines: deadlinesUseCase,
  budget: budgetUseCase,
  budgetYear: budgetYearUseCase,
  stats: statsUseCase,
  overview: overviewUseCase,
  dashboard: dashboardUseCase,
  goals: goalsUseCase,
  calendar: calendarUseCase,
  deadlineCalendar: deadlineCalendarUseCase,
  keyFigures: keyFiguresUseCase,
  exportRegister: exportUseCase,
  exportTable: exportTableUseCase,
  restoreRegister: restoreUseCase,
  auditLog: auditLogUseCase,
  verifyAudit: verifyAuditUseCase,
  removeDocumentVersion: removeVersionUseCase,
  report: reportUseCase,
} as const;

export type UseCaseName = keyof typeof USE_CASES;
type UC<N extends UseCaseName> = (typeof USE_CASES)[N];
export type UseCaseInput<N extends UseCaseName> = z.input<UC<N>['input']>;
export type UseCaseOutput<N extends UseCaseName> = Awaited<ReturnType<UC<N>['run']>>;

export function isUseCaseName(name: string): name is UseCaseName {
  return Object.hasOwn(USE_CASES, name);
}

export interface RunOptions {
  /** Called with the original error when a failure is not an AppError (for the log). */
  onInternalError?: (err: unknown, useCase: string) => void;
}

export async function runUseCase<N extends UseCaseName>(
  deps: AppDeps,
  principal: Principal,
  name: N,
  rawInput: unknown,
  opts: RunOptions = {},
): Promise<UseCaseOutput<N>> {
  const uc = USE_CASES[name] as unknown as UseCase<z.ZodType, UseCaseOutput<N>>;
  const parsed = uc.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  try {
    return await uc.run({ principal, deps }, parsed.data);
  } catch (e) {
    const err = toAppError(e, uc.summary.toLowerCase());
    if (err.kind === 'internal') opts.onInternalError?.(e, name);
    throw err;
  }
}
